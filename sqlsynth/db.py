"""Connections: DSN normalisation, password masking, and a clear error when a server is unreachable.

A DSN is read the way libpq reads it (psycopg.conninfo): masking replaces the password fields
that libpq would use, never "every occurrence of the password text" in a message. A DSN that
libpq cannot read, or that it would read differently from what was meant (an unencoded ``@`` or
``/`` in a URL's password, a port that is not a number: libpq would put part of the password in
the host, the port or the database name, and echo it in its messages), is refused before any
connection, with one line that names the setting and the problem and quotes nothing of the DSN.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import ConnectionFailed, first_line

_DRIVER = re.compile(r"^(postgres(?:ql)?)(\+[A-Za-z0-9_]+)?://", re.I)
SECRET_FIELDS = ("password", "sslpassword")
MASK = "***"
MALFORMED = "(a malformed connection string)"
# what connect() calls each database -> the setting that holds its DSN
SETTING_OF = {"source database": "SRC_DSN", "destination database": "DST_DSN"}


def normalize_dsn(dsn: str) -> str:
    """Accept SQLAlchemy-style URLs (postgresql+psycopg2://...) and return a libpq URL."""
    return _DRIVER.sub("postgresql://", dsn.strip(), count=1)


def _is_url(dsn: str) -> bool:
    return re.match(r"^postgres(?:ql)?://", dsn, re.I) is not None


def _elide_quoted(message: str) -> str:
    """libpq's parse errors quote the offending piece of the DSN (which may be a piece of the
    password): keep the message, drop what it quotes."""
    first = first_line(message, empty="unreadable")
    return re.sub(r'"[^"]*"', lambda m: m.group(0) if m.group(0) == '"="' else '"…"', first)


def parse_dsn(dsn: str) -> dict[str, str]:
    """The DSN's fields as libpq reads them; ValueError (with a message that quotes nothing of the
    DSN) when it is malformed."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    text = normalize_dsn(dsn)
    try:
        fields = {k: str(v) for k, v in conninfo_to_dict(text).items()}
    except psycopg.Error as e:
        raise ValueError(_elide_quoted(str(e))) from None
    if _is_url(text):
        rest = text.split("://", 1)[1].split("?", 1)[0]
        at = [i for i, ch in enumerate(rest) if ch == "@"]
        slash = rest.find("/")
        if len(at) > 1 or (at and slash != -1 and at[0] > slash):
            raise ValueError("an '@' or '/' in the user name or password must be percent-encoded (%40, %2F)")
    for port in (fields.get("port") or "").split(","):
        if port.strip() and not port.strip().isdigit():
            raise ValueError("the port is not a number")
    return fields


def dsn_problem(dsn: str) -> str | None:
    try:
        parse_dsn(dsn)
    except ValueError as e:
        return str(e)
    return None


_KV_SECRET = re.compile(r"(?P<head>\b(?:ssl)?password\s*=\s*)(?P<value>'(?:[^'\\]|\\.)*'|\S+)", re.I)


def _masked_text(text: str) -> str:
    """text with the values of its password fields replaced, where they are written: the userinfo
    password and ?password= of a URL, password='...' of a key=value string."""
    if not _is_url(text):
        return _KV_SECRET.sub(lambda m: m.group("head") + MASK, text)
    scheme, rest = text.split("://", 1)
    main, q, query = rest.partition("?")
    at = main.find("@")
    if at != -1 and ":" in main[:at]:
        main = main[:at].split(":", 1)[0] + ":" + MASK + main[at:]
    params = []
    for p in query.split("&") if q else []:
        key, eq, _value = p.partition("=")
        params.append(f"{key}={MASK}" if eq and key.lower() in SECRET_FIELDS else p)
    return f"{scheme}://{main}" + (q + "&".join(params) if q else "")


def mask_dsn(dsn: str | None) -> str | None:
    """The DSN for files and messages, its password fields (as libpq reads it) replaced by ***.

    The DSN is shown as written with the values masked in place when libpq reads the masked text
    exactly as the DSN with *** for passwords (checked by parsing both); otherwise as libpq's
    key=value rendering of the masked fields. A malformed DSN is not shown at all."""
    if dsn is None:
        return None
    try:
        fields = parse_dsn(dsn)
    except ValueError:
        return MALFORMED
    text = normalize_dsn(dsn)
    if not any(k in fields for k in SECRET_FIELDS):
        return text
    want = {k: (MASK if k in SECRET_FIELDS else v) for k, v in fields.items()}
    masked = _masked_text(text)
    try:
        if parse_dsn(masked) == want:
            return masked
    except ValueError:
        pass
    from psycopg.conninfo import make_conninfo

    return make_conninfo(**want)


def _spellings(dsn: str) -> set[str]:
    """The ways a DSN can be quoted whole in a message: as written, normalised, as libpq renders it."""
    out = {dsn, dsn.strip(), normalize_dsn(dsn)}
    try:
        from psycopg.conninfo import make_conninfo

        out.add(make_conninfo(**parse_dsn(dsn)))
    except ValueError:
        pass
    return {s for s in out if s}


def scrub(text: str, *dsns: str | None) -> str:
    """text with every DSN of dsns that it quotes whole replaced by its masked form.

    Only where a password can be: libpq never echoes the password field of a DSN it could read,
    so no other text is touched (a password `e` leaves "connection" alone)."""
    for dsn in dsns:
        if not dsn:
            continue
        masked = mask_dsn(dsn) or MALFORMED
        for form in sorted(_spellings(dsn), key=len, reverse=True):
            if form != masked:
                text = text.replace(form, masked)
    return text


def setting_name(what: str) -> str:
    return SETTING_OF.get(what, "the connection string")


def connect(dsn: str, what: str = "database", **kwargs: Any):
    """Open a psycopg connection or raise ConnectionFailed with the password masked; a malformed DSN
    is refused before any attempt, in one line naming its setting (SRC_DSN, DST_DSN)."""
    import psycopg

    problem = dsn_problem(dsn)
    if problem is not None:
        raise ConnectionFailed(f"{setting_name(what)} is not a valid connection string: {problem}")
    try:
        return psycopg.connect(normalize_dsn(dsn), **kwargs)
    except psycopg.Error as e:
        msg = scrub(first_line(e), dsn)
        raise ConnectionFailed(f"cannot connect to the {what} {mask_dsn(dsn)}: {msg}") from None


IDENTITY_TIMEOUT = 5  # seconds to reach a server for server_identity (unless the DSN says otherwise)
_TIMED_OUT: set[str] = set()  # DSNs that timed out in this process: not waited for again


def server_identity(dsn: str) -> tuple[int, int] | None:
    """(system_identifier of the cluster, oid of the database) that the DSN reaches, or None when
    it cannot be reached or read. Two DSNs with the same identity reach the same database, however
    they spell it (a host alias with hostaddr=, another port forwarded to it, a socket path...)."""
    import psycopg

    try:
        fields = parse_dsn(dsn)
    except ValueError:
        return None
    if dsn in _TIMED_OUT:
        return None
    kwargs: dict[str, Any] = {} if fields.get("connect_timeout") else {"connect_timeout": IDENTITY_TIMEOUT}
    try:
        with psycopg.connect(normalize_dsn(dsn), autocommit=True, **kwargs) as conn:
            conn.read_only = True
            with conn.transaction():
                row = conn.execute("SELECT (SELECT system_identifier FROM pg_control_system()), "
                                   "(SELECT oid FROM pg_database WHERE datname = current_database())").fetchone()
    except psycopg.errors.ConnectionTimeout:
        _TIMED_OUT.add(dsn)
        return None
    except psycopg.Error:
        return None
    if row is None or row[0] is None or row[1] is None:
        return None
    return int(row[0]), int(row[1])


class PerThread:
    """One connection per thread, opened by `opener` on first use (again if it was closed), for work
    spread over a thread pool; close() closes every connection it opened."""

    def __init__(self, opener):
        import threading

        self.opener = opener
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()

    def get(self):
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(conn, "closed", False):
            conn = self.opener()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        for c in self._all:
            try:
                c.close()
            except Exception:  # noqa: BLE001
                pass
        self._all.clear()
