"""The test harness itself: a real server, one fresh database per test, and the Pagila source."""

from __future__ import annotations

import psycopg
import pytest

# Databases handed out by fresh_db in this module, in test order.
_seen_dbs: list[str] = []


def _user_tables(conn: psycopg.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        """
        SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2
        """
    ).fetchall()


@pytest.mark.parametrize("run", [1, 2])
def test_fresh_db_is_empty_and_private(fresh_db, pg_server_dsn, run):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        dbname = conn.execute("SELECT current_database()").fetchone()[0]
        assert _user_tables(conn) == []
        # The same table name in every run: a shared or reused database would collide here.
        conn.execute('CREATE TABLE public."harness_clash" (id int PRIMARY KEY, run int NOT NULL)')
        conn.execute('INSERT INTO public."harness_clash" VALUES (1, %s)', (run,))
        assert conn.execute('SELECT run FROM public."harness_clash"').fetchall() == [(run,)]

    assert dbname not in _seen_dbs
    assert dbname != psycopg.conninfo.conninfo_to_dict(pg_server_dsn)["dbname"]
    # The databases of earlier tests have been dropped.
    with psycopg.connect(pg_server_dsn) as conn:
        for earlier in _seen_dbs:
            assert conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (earlier,)).fetchone() is None
    _seen_dbs.append(dbname)


def test_make_db_gives_distinct_databases(make_db):
    first, second = make_db(), make_db()
    assert first != second
    with psycopg.connect(first, autocommit=True) as a, psycopg.connect(second, autocommit=True) as b:
        assert a.execute("SELECT current_database()").fetchone() != b.execute("SELECT current_database()").fetchone()
        a.execute("CREATE TABLE t (x int)")
        b.execute("CREATE TABLE t (x text)")  # no clash: another database
        a.execute("INSERT INTO t VALUES (1)")
        assert b.execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_pagila_src_rental_count(pagila_src):
    with psycopg.connect(pagila_src) as conn:
        assert conn.execute("SELECT count(*) FROM public.rental").fetchone() == (16044,)


def test_pagila_src_payment_is_partitioned(pagila_src):
    with psycopg.connect(pagila_src) as conn:
        relkind = conn.execute("SELECT relkind FROM pg_class WHERE oid = 'public.payment'::regclass").fetchone()
        assert relkind == ("p",)
        partitions = conn.execute(
            "SELECT count(*) FROM pg_inherits WHERE inhparent = 'public.payment'::regclass"
        ).fetchone()[0]
        assert partitions >= 2
        assert conn.execute("SELECT count(*) FROM public.payment").fetchone()[0] > 0


def test_pagila_src_is_a_private_copy(pagila_src, make_db, pagila_template):
    other = make_db("sqlsynth_src", template=pagila_template)
    with psycopg.connect(pagila_src, autocommit=True) as conn:
        conn.execute("TRUNCATE public.rental CASCADE")
        assert conn.execute("SELECT count(*) FROM public.rental").fetchone() == (0,)
    with psycopg.connect(other) as conn:
        assert conn.execute("SELECT count(*) FROM public.rental").fetchone() == (16044,)
