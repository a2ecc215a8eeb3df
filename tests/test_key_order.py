"""A table whose primary key is the default integer bijection of its rows is written in key order
(compile/program.key_order): the same rows as a set as writing row i at statement row i, whatever
the chunks, with the keys arriving in order."""

from __future__ import annotations

from pathlib import Path

import psycopg
import yaml
from sqlglot import exp

from sqlsynth.compile.program import ROW, insert_sql, key_order
from sqlsynth.config.load import load_config
from sqlsynth.plan.build import build_plan
from sqlsynth.plan.pools import JoinCollector
from sqlsynth.schema.io import schema_from_dict
from sqlsynth.sql.sqlx import lit

DDL = 'CREATE TABLE "public"."t" ("id" integer PRIMARY KEY, "v" integer, "s" text)'
DIGEST = "SELECT md5(string_agg(x::text, ',' ORDER BY x.id)) FROM ({}) AS x"
DESCENTS = ('SELECT count(*) FILTER (WHERE id < prev) FROM (SELECT id, lag(id) OVER (ORDER BY ctid) AS prev '
            'FROM "public"."t") AS x')


def _plan(tmp_path: Path, rows: int, seed: int = 3):
    schema = schema_from_dict({"schema": "public", "tables": {"t": {
        "columns": {"id": {"type": "integer", "nullable": False}, "v": {"type": "integer"}, "s": {"type": "text"}},
        "primary_key": {"name": "t_pkey", "columns": ["id"]}}}})
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"tables": {"t": {"rows": rows}}}))
    return build_plan(schema, load_config(str(path)), num_passes=1, seed=seed)


def _row_order_select(tp, rows: int) -> str:
    """The rows as written before key order: row i at statement row i."""
    joins = JoinCollector()
    cols = [exp.alias_(joins.resolve(tp.values[c].at(ROW.copy())), c) for c in tp.columns()]
    src = exp.Table(this=exp.GenerateSeries(start=lit(1), end=lit(rows)),
                    alias=exp.TableAlias(this=exp.to_identifier("g", quoted=True),
                                         columns=[exp.to_identifier("i", quoted=True)]))
    return joins.apply(exp.select(*cols).from_(src)).sql(dialect="postgres")


def test_key_order_writes_the_same_rows_with_the_keys_in_order(fresh_db, tmp_path):
    rows = 3000
    plan = _plan(tmp_path, rows)
    tp = plan.tables["t"]
    assert key_order(plan, tp) is not None
    whole = insert_sql(plan, tp, 1, rows)
    assert 'SELECT "g"."i", ' in whole  # the key is the statement's row number
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(DDL)
        expected = conn.execute(DIGEST.format(_row_order_select(tp, rows))).fetchone()[0]
        conn.execute(whole)
        assert conn.execute(DIGEST.format('SELECT * FROM "public"."t"')).fetchone()[0] == expected
        # the keys arrive in order: in heap order a key is smaller than the one before only where a short
        # row went back into a page's free space (rows of varying width); in row order it is half the time
        descents = conn.execute(DESCENTS).fetchone()[0]
        assert descents < rows // 20, descents
        conn.execute('TRUNCATE "public"."t"')
        conn.execute(f'INSERT INTO "public"."t" {_row_order_select(tp, rows)}')
        assert conn.execute(DESCENTS).fetchone()[0] > rows // 4
        conn.execute('TRUNCATE "public"."t"')
        for lo, hi in ((1, 1234), (1235, 2999), (3000, 3000)):  # chunks, as --jobs and --chunk-rows cut them
            conn.execute(insert_sql(plan, tp, lo, hi))
        assert conn.execute(DIGEST.format('SELECT * FROM "public"."t"')).fetchone()[0] == expected


def test_no_key_order_when_the_keys_are_not_exactly_the_rows(tmp_path):
    # 500 rows draw distinct keys from 1..1000: no bijection onto the rows, row i stays at row i
    plan = _plan(tmp_path, 500)
    assert key_order(plan, plan.tables["t"]) is None
    assert 'SELECT "g"."i", ' not in insert_sql(plan, plan.tables["t"], 1, 500)
