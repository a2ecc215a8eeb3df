"""Connections: DSN normalisation, password masking, and a clear error when a server is unreachable."""

from __future__ import annotations

import re
from typing import Any

from .errors import ConnectionFailed

_DRIVER = re.compile(r"^(postgres(?:ql)?)(\+[A-Za-z0-9_]+)?://", re.I)


def normalize_dsn(dsn: str) -> str:
    """Accept SQLAlchemy-style URLs (postgresql+psycopg2://...) and return a libpq URL."""
    return _DRIVER.sub("postgresql://", dsn.strip(), count=1)


# Where a password can sit in a DSN: the userinfo of a URL (postgresql://user:PW@host), a URL
# query parameter (?password=PW) and a libpq key=value pair (password=PW or password='P W').
_URL_USERINFO = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:@/?#]*:)(?P<pw>[^/?#]*)(?P<tail>@)")
_URL_USERINFO_LOOSE = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:@/?#]*:)(?P<pw>.*)(?P<tail>@)", re.S)
_QUERY_PW = re.compile(r"(?P<head>[?&]password=)(?P<pw>[^&#]*)", re.I)
_KV_PW = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<pw>'(?:[^'\\]|\\.)*'|\S+)", re.I)


def _password_spans(dsn: str) -> list[tuple[int, int]]:
    spans = []
    if "://" in dsn:
        m = _URL_USERINFO.match(dsn) or _URL_USERINFO_LOOSE.match(dsn)
        if m:
            spans.append(m.span("pw"))
        spans += [m.span("pw") for m in _QUERY_PW.finditer(dsn)]
    else:
        spans += [m.span("pw") for m in _KV_PW.finditer(dsn)]
    return [(a, b) for a, b in spans if b > a]


def passwords(dsn: str | None) -> set[str]:
    """Every form of the DSN's password(s) that could show up in a message: as written,
    percent-decoded, unquoted, and as a URL parser reads it."""
    from urllib.parse import quote, unquote

    out: set[str] = set()
    if not dsn:
        return out
    for a, b in _password_spans(dsn):
        raw = dsn[a:b]
        out |= {raw, unquote(raw)}
        if len(raw) >= 2 and raw[0] == raw[-1] == "'":
            out.add(re.sub(r"\\(.)", r"\1", raw[1:-1]))
    try:
        from sqlalchemy.engine import make_url

        pw = make_url(normalize_dsn(dsn)).password
        if pw:
            out.add(str(pw))
    except Exception:
        pass
    out |= {quote(p, safe="") for p in out}  # and percent-encoded, as a URL in a message would show it
    return {p for p in out if p}


def mask_dsn(dsn: str | None) -> str | None:
    """The DSN with its password replaced by ***, for files and messages (also when it is malformed)."""
    if dsn is None:
        return None
    from sqlalchemy.engine import make_url

    try:
        text = make_url(normalize_dsn(dsn)).render_as_string(hide_password=True)
    except Exception:  # a libpq key=value string, or a URL SQLAlchemy cannot read (bad port, ...)
        text = dsn
    for a, b in sorted(_password_spans(text), reverse=True):
        text = text[:a] + "***" + text[b:]
    return scrub(text, dsn)


def scrub(text: str, *dsns: str | None) -> str:
    """Remove every password of the given DSNs from text (error messages from drivers)."""
    for dsn in dsns:
        for pw in sorted(passwords(dsn), key=len, reverse=True):
            if pw != "***":
                text = text.replace(pw, "***")
    return text


def connect(dsn: str, what: str = "database", **kwargs: Any):
    """Open a psycopg connection or raise ConnectionFailed with the password masked."""
    import psycopg

    try:
        return psycopg.connect(normalize_dsn(dsn), **kwargs)
    except psycopg.Error as e:
        msg = scrub(str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__, dsn)
        raise ConnectionFailed(f"cannot connect to the {what} {mask_dsn(dsn)}: {msg}") from None
