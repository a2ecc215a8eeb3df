"""Connection settings: SRC_DSN, SRC_SCHEMA, DST_DSN, DST_SCHEMA from the environment or ./.env.

Names are case-insensitive, as in datafaker. The environment wins over .env.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .db import normalize_dsn
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
        if not self.dst_dsn:
            raise SqlsynthError("missing DST_DSN setting (set it in the environment or in .env)")
        return self.dst_dsn

    def dst_is_src(self) -> bool:
        if not self.src_dsn or not self.dst_dsn:
            return False
        return normalize_dsn(self.src_dsn) == normalize_dsn(self.dst_dsn) and \
            (self.src_schema or "public") == (self.dst_schema or "public")


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
