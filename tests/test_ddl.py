"""Schema -> DDL: round trips through real databases, hostile names, and fragment validation."""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any

import psycopg
import pytest
import yaml
from test_reflect import HOSTILE_SCHEMA, make_hostile, run_sql

from sqlsynth.errors import SchemaError
from sqlsynth.schema.ddl import check_fragment, create_statements, drop_statements, parse_name, q
from sqlsynth.schema.io import schema_from_dict, schema_to_dict
from sqlsynth.schema.model import Column, Index, Schema, Table
from sqlsynth.schema.reflect import reflect

_ON_TABLE = re.compile(r' ON (?:ONLY )?(?:"(?:[^"]|"")*"|[^\s".]+)\.')


def normalized(s: Schema) -> dict[str, Any]:
    """The schema as a dict, without what necessarily differs between source and copy."""
    d = schema_to_dict(s)
    d.pop("dsn"), d.pop("schema")
    for t in d["tables"].values():
        for ix in t.get("indexes", []):
            ix["definition"] = _ON_TABLE.sub(" ON ", ix["definition"])  # the table's schema
    return d


def copy_schema(src: Schema, dsn: str, dst_schema: str) -> Schema:
    run_sql(dsn, *create_statements(src, dst_schema))
    return reflect(dsn, dst_schema)


def tables_in(dsn: str, schema: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        return [r[0] for r in conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = %s)"
            " AND relkind IN ('r', 'p')", [schema])]


def test_yaml_round_trip(pagila_src, fresh_db):
    for s in (reflect(pagila_src, masked_dsn="postgresql://u:***@h/db"), make_hostile(fresh_db)):
        text = yaml.safe_dump(schema_to_dict(s), sort_keys=False, allow_unicode=True)
        assert schema_from_dict(yaml.safe_load(text)) == s


@pytest.mark.parametrize("dst", ["public", "other"])
def test_pagila_ddl_round_trip(pagila_src, fresh_db, dst):
    src = reflect(pagila_src)
    copied = copy_schema(src, fresh_db, dst)
    assert copied.schema == dst
    assert normalized(copied) == normalized(src)
    run_sql(fresh_db, *drop_statements(src, dst))
    assert tables_in(fresh_db, dst) == []
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute("SELECT count(*) FROM pg_type WHERE typname IN ('mpaa_rating', 'year')").fetchone() == (0,)
    # the copy is usable: serial, defaults and generated columns work, partitions route rows
    run_sql(fresh_db, *create_statements(src, dst))
    with psycopg.connect(fresh_db) as conn:
        conn.execute(f"SET search_path = {q(dst)}")
        conn.execute("INSERT INTO language (name) VALUES ('English')")
        conn.execute("INSERT INTO film (title, language_id, fulltext) VALUES ('A', 1, '')")
        row = conn.execute("SELECT film_id, rating, revenue_projection FROM film").fetchone()
        assert row == (1, "G", Decimal("14.97"))
        bad = "INSERT INTO film (title, language_id, fulltext, release_year) VALUES ('B', 1, '', 1800)"
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(bad)


def test_pagila_statement_order(pagila_src):
    stmts = create_statements(reflect(pagila_src), "other")
    assert stmts[:2] == ['CREATE SCHEMA IF NOT EXISTS "other"', 'SET LOCAL search_path = "other"']
    first = {kind: next(i for i, s in enumerate(stmts) if s.startswith(kind))
             for kind in ("CREATE TYPE", "CREATE DOMAIN", "CREATE TABLE", "ALTER TABLE")}
    assert first["CREATE TYPE"] < first["CREATE DOMAIN"] < first["CREATE TABLE"] < first["ALTER TABLE"]
    fks = [i for i, s in enumerate(stmts) if "FOREIGN KEY" in s]
    assert fks and min(fks) > max(i for i, s in enumerate(stmts) if s.startswith("CREATE INDEX"))
    creates = [s for s in stmts if s.startswith("CREATE TABLE")]
    i = next(i for i, s in enumerate(creates) if s.startswith('CREATE TABLE "other"."payment" ('))
    assert all("PARTITION OF" in s for s in creates[i + 1:i + 9])
    assert 'CREATE UNIQUE INDEX "idx_unq_manager_staff_id" ON "other"."store" USING btree (manager_staff_id)' in stmts
    assert any('"film_id" serial NOT NULL' in s for s in creates)


def test_skip_tables(pagila_src, fresh_db):
    src = reflect(pagila_src)
    stmts = create_statements(src, "public", skip_tables={"staff", "payment"})
    assert not any('"staff"' in s and s.startswith("CREATE TABLE") for s in stmts)
    assert not any('REFERENCES "public"."staff"' in s for s in stmts)
    assert not any("payment" in s for s in stmts)  # partitions go with their parent
    run_sql(fresh_db, *stmts)
    copied = reflect(fresh_db)
    assert "staff" not in copied.tables and "payment_p2007_01" not in copied.tables
    assert "store" in copied.tables
    drops = drop_statements(src, "public", skip_tables={"staff", "payment"})
    assert not any('"staff"' in s or "payment" in s for s in drops)
    run_sql(fresh_db, *drops)
    assert tables_in(fresh_db, "public") == []


def test_hostile_round_trip(make_db):
    src_dsn = make_db()
    src = make_hostile(src_dsn)
    for dst in ("dst", HOSTILE_SCHEMA):
        dsn = make_db()
        copied = copy_schema(src, dsn, dst)
        assert normalized(copied) == normalized(src)
        with psycopg.connect(dsn) as conn:
            conn.execute(f"SET search_path = {q(dst)}")
            conn.execute('INSERT INTO "user" (score, email, mood) VALUES (11, %s, %s)', ["A@x", "happy"])
            with pytest.raises(psycopg.errors.UniqueViolation):  # the expression index came along
                conn.execute('INSERT INTO "user" (score, email, mood) VALUES (12, %s, %s)', ["a@X", "happy"])
            conn.rollback()
            conn.execute("SET search_path = " + q(dst))
            uid = conn.execute('INSERT INTO "user" (mood) VALUES (%s) RETURNING id', ["happy"]).fetchone()[0]
            conn.execute("INSERT INTO events (id, at) VALUES (%s, '2020-05-05')", [uid])
            assert conn.execute("SELECT tableoid::regclass::text FROM events").fetchone() == ("events_a_2020",)
        run_sql(dsn, *drop_statements(src, dst))
        assert tables_in(dsn, dst) == []
        with psycopg.connect(dsn) as conn:
            left = conn.execute("SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                                "WHERE nspname = %s AND typtype IN ('e', 'd')", [dst]).fetchall()
            assert left == []
            assert conn.execute("SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relnamespace = "
                                "%s::regnamespace", [q(dst)]).fetchone() == (0,)


def test_other_schema_enum_is_created_once(make_db):
    src_dsn = make_db()
    src = make_hostile(src_dsn)
    dsn = make_db()
    run_sql(dsn, "CREATE SCHEMA extra", "CREATE TYPE extra.color AS ENUM ('red', 'green')")
    copied = copy_schema(src, dsn, "dst")  # the guarded CREATE TYPE does not fail
    assert copied.enums["extra.color"].labels == ["red", "green"]


def _one_table(**col: Any) -> Schema:
    c = Column(name="c", type=col.pop("type", "integer"), **col)
    return Schema(tables={"t": Table(name="t", columns={"c": c})})


@pytest.mark.parametrize("col", [
    {"type": "int); DROP TABLE x; --"},
    {"type": "int -- comment"},
    {"type": "int'"},
    {"type": "int) , evil int, x (int"},
    {"default": "1; DROP TABLE x"},
    {"default": "1 /* hidden */"},
    {"default": "E'\\'' ; DROP TABLE x; --'"},
    {"default": "$$x$$"},
    {"default": "1), evil int, x int DEFAULT (1"},
    {"generated": "c * 2) STORED, evil int GENERATED ALWAYS AS (1"},
    {"collation": '"C"; DROP TABLE x'},
    {"serial": True, "type": "text"},
    {"identity": "sometimes"},
])
def test_bad_column_fragments_are_rejected(col):
    with pytest.raises(SchemaError, match=r"tables\.t\.columns\.c"):
        create_statements(_one_table(**col), "public")


def test_bad_table_fragments_are_rejected():
    s = _one_table()
    s.tables["t"].indexes.append(Index("i", "CREATE INDEX i ON t USING btree (c); DROP TABLE x"))
    with pytest.raises(SchemaError, match=r"tables\.t\.indexes\.i"):
        create_statements(s, "public")
    s = _one_table()
    s.tables["p"] = Table(name="p", partition_of="t", partition_bound="DEFAULT; DROP TABLE x")
    with pytest.raises(SchemaError, match=r"tables\.p\.partition_bound"):
        create_statements(s, "public")


def test_fragments_with_quoted_specials_are_accepted(fresh_db):
    s = _one_table(default="'a;b--c/*d$$e'::text", type='"varchar"', collation='"C"')
    s.tables["t"].indexes.append(
        Index("x; y", "CREATE INDEX \"x; y\" ON public.t USING btree (c) WHERE (c <> 'x;--')"))
    run_sql(fresh_db, *create_statements(s, "weird \"schema\";"))
    got = reflect(fresh_db, 'weird "schema";')
    assert got.tables["t"].columns["c"].default == "'a;b--c/*d$$e'::text"
    assert got.tables["t"].indexes[0].where == "((c)::text <> 'x;--'::text)"


def test_check_fragment_and_names():
    ok = "(a = ')') OR (\"b)\" > 1) OR (c = 'it''s (')"
    assert check_fragment(ok, "x") == ok
    for bad in ("(a", "a)", "'open", '"open', "a; b", "a -- b", "a /* b */", "$1"):
        with pytest.raises(SchemaError):
            check_fragment(bad, "x")
    assert parse_name('"Mood"', "x") == ["Mood"]
    assert parse_name("extra.color", "x") == ["extra", "color"]
    assert parse_name('public."My ""Seq"""', "x") == ["public", 'My "Seq"']
    assert parse_name("Year", "x") == ["year"]
    with pytest.raises(SchemaError):
        parse_name("a.b.c", "x")


def test_statements_are_deterministic(pagila_src):
    src = reflect(pagila_src)
    assert create_statements(src, "x") == create_statements(copy.deepcopy(src), "x")
