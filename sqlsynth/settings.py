"""Connection settings: SRC_DSN, SRC_SCHEMA, DST_DSN, DST_SCHEMA from the environment or ./.env.

Without DST_DSN the destination is the embedded PostgreSQL of the working directory
(sqlsynth.embedded: ./.sqlsynth/postgres, database sqlsynth).

Names are case-insensitive, as in datafaker. The environment wins over .env.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .db import normalize_dsn, server_identity
from .errors import SqlsynthError

KEYS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")


def _read_env_file(path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            if line.startswith("export "):
                line = line[7:]
            k, v = line.split("=", 1)
            v = v.strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            out[k.strip().upper()] = v
    return out


@dataclass
class Settings:
    src_dsn: str | None = None
    src_schema: str | None = None
    dst_dsn: str | None = None
    dst_schema: str | None = None

    def need_src(self) -> str:
        if not self.src_dsn:
            raise SqlsynthError("missing SRC_DSN setting (set it in the environment or in .env)")
        return self.src_dsn

    def need_dst(self) -> str:
        if not self.dst_dsn:  # the embedded PostgreSQL of the working directory, started on first use
            from .embedded import ensure

            self.dst_dsn = ensure()
        return self.dst_dsn

    def dst_is_src(self) -> bool:
        """True when DST_DSN reaches the source's database (whatever the schemas).

        The same DSN text is the same database. Otherwise both servers are asked who they are: the
        cluster's system_identifier (pg_control_system()) and the database's oid, so that no
        spelling of the source (a host alias with hostaddr=, a forwarded port, a socket path)
        passes. When either cannot be reached from here (the source often cannot, from the
        destination's network), the DSNs are compared after parsing: the same database name on
        the same server (hostaddr before host, as libpq connects; localhost = 127.0.0.1 = ::1 = the
        Unix socket; default port 5432; driver suffixes and user/password/options ignored)."""
        if not self.src_dsn or not self.dst_dsn:
            return False
        from .duck import duckdb_path, is_duckdb

        if is_duckdb(self.src_dsn) or is_duckdb(self.dst_dsn):  # a DuckDB file is the same file, by path
            try:
                return (is_duckdb(self.src_dsn) and is_duckdb(self.dst_dsn) and duckdb_path(self.dst_dsn) != ":memory:"
                        and os.path.realpath(duckdb_path(self.src_dsn)) == os.path.realpath(duckdb_path(self.dst_dsn)))
            except ValueError:
                return False
        if normalize_dsn(self.src_dsn) == normalize_dsn(self.dst_dsn):
            return True
        dst_id = server_identity(self.dst_dsn)
        src_id = server_identity(self.src_dsn) if dst_id is not None else None
        if dst_id is not None and src_id is not None:
            return dst_id == src_id
        a, b = _database_identity(self.src_dsn), _database_identity(self.dst_dsn)
        if a is None or b is None or a[1] != b[1]:
            return False
        if a[0] & b[0]:
            return True
        # different spellings of a host (a name and its address): compare what they resolve to
        return bool({(ip, port) for h, port in a[0] for ip in _addresses(h)} &
                    {(ip, port) for h, port in b[0] for ip in _addresses(h)})


_LOCAL = {"", "localhost", "localhost.localdomain", "::1", "0:0:0:0:0:0:0:1"}


def _canonical_host(host: str) -> str:
    h = host.strip().strip("[]").lower()
    if h in _LOCAL or h.startswith("/") or h.startswith("127.") or h.startswith("@"):
        return "local"  # loopback or a Unix socket directory: this machine's server
    return h


def _database_identity(dsn: str) -> tuple[set[tuple[str, str]], str] | None:
    """({(host, port), ...}, dbname) as libpq would read the DSN (with the PG* environment defaults)."""
    import getpass

    from psycopg.conninfo import conninfo_to_dict

    try:
        d = conninfo_to_dict(normalize_dsn(dsn))
    except Exception:  # malformed: the connection will fail on its own
        return None
    # libpq connects to hostaddr when it is given (host then only names the server for TLS/auth)
    hosts = (d.get("hostaddr") or d.get("host") or os.environ.get("PGHOSTADDR") or os.environ.get("PGHOST")
             or "").split(",")
    ports = str(d.get("port") or os.environ.get("PGPORT") or "5432").split(",")
    if len(ports) == 1:
        ports = ports * len(hosts)
    try:
        user = d.get("user") or os.environ.get("PGUSER") or getpass.getuser()
    except Exception:
        user = ""
    dbname = d.get("dbname") or os.environ.get("PGDATABASE") or user
    pairs = {(_canonical_host(h), (p or "5432").strip()) for h, p in zip(hosts, ports)}
    return pairs, dbname


def _addresses(host: str) -> set[str]:
    if host == "local":
        return {"local"}
    import socket

    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return set()
    return {"local" if _canonical_host(str(i[4][0])) == "local" else str(i[4][0]) for i in infos}


def load_settings(env_file: str = ".env") -> Settings:
    values = _read_env_file(env_file)
    for k, v in os.environ.items():
        if k.upper() in KEYS:
            values[k.upper()] = v
    return Settings(
        src_dsn=values.get("SRC_DSN") or None,
        src_schema=values.get("SRC_SCHEMA") or None,
        dst_dsn=values.get("DST_DSN") or None,
        dst_schema=values.get("DST_SCHEMA") or None,
    )
