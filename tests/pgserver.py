"""Find or start a PostgreSQL server for the tests (imported by conftest.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import psycopg


def _ok(dsn: str) -> bool:
    try:
        with psycopg.connect(dsn, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return True
    except Exception:
        return False


def find_server() -> str:
    env = os.environ.get("SQLSYNTH_TEST_DSN")
    if env:
        if not _ok(env):
            raise RuntimeError(f"SQLSYNTH_TEST_DSN is set but the server does not answer")
        return env
    user = os.environ.get("PGUSER", "root")
    local = f"postgresql://{user}@127.0.0.1:5432/postgres"
    if _ok(local):
        return local
    raise RuntimeError(
        "no PostgreSQL server for the tests: set SQLSYNTH_TEST_DSN, or run a server at 127.0.0.1:5432"
    )


def load_sql_file(dsn: str, path: Path) -> None:
    """Load a pg_dump file with psql (errors of unsupported statements are tolerated, as in the tutorial)."""
    subprocess.run(["psql", "-q", "-d", dsn, "-f", str(path)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
