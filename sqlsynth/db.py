"""Connections: DSN normalisation, password masking, and a clear error when a server is unreachable."""

from __future__ import annotations

import re
from typing import Any

from .errors import ConnectionFailed

_DRIVER = re.compile(r"^(postgres(?:ql)?)(\+[A-Za-z0-9_]+)?://", re.I)


def normalize_dsn(dsn: str) -> str:
    """Accept SQLAlchemy-style URLs (postgresql+psycopg2://...) and return a libpq URL."""
    return _DRIVER.sub("postgresql://", dsn.strip(), count=1)


def mask_dsn(dsn: str | None) -> str | None:
    """The DSN with its password replaced by ***, for files and messages."""
    if dsn is None:
        return None
    from sqlalchemy.engine import make_url

    try:
        url = make_url(normalize_dsn(dsn))
        return url.render_as_string(hide_password=True)
    except Exception:
        # Not a URL (a libpq key=value string): drop any password=... pair.
        return re.sub(r"(password\s*=\s*)(\S+)", r"\1***", dsn)


def scrub(text: str, *dsns: str | None) -> str:
    """Remove every password of the given DSNs from text (error messages from drivers)."""
    from sqlalchemy.engine import make_url

    for dsn in dsns:
        if not dsn:
            continue
        try:
            pw = make_url(normalize_dsn(dsn)).password
        except Exception:
            m = re.search(r"password\s*=\s*(\S+)", dsn)
            pw = m.group(1) if m else None
        if pw:
            text = text.replace(str(pw), "***")
    return text


def connect(dsn: str, what: str = "database", **kwargs: Any):
    """Open a psycopg connection or raise ConnectionFailed with the password masked."""
    import psycopg

    try:
        return psycopg.connect(normalize_dsn(dsn), **kwargs)
    except psycopg.Error as e:
        msg = scrub(str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__, dsn)
        raise ConnectionFailed(f"cannot connect to the {what} {mask_dsn(dsn)}: {msg}") from None
