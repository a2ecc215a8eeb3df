"""`sqlsynth report` with a DuckDB destination (issue 17 item 5): Pagila in PostgreSQL, the README's
workflow into a PostgreSQL destination and, with the same config, create-tables/create-vocab/create-data
into a DuckDB file; the two reports are compared (the rows differ across engines: their random
streams hash differently; their sizes and distances must not)."""

from __future__ import annotations

import math

import pytest

from sqlsynth.report.duckside import NOT_MEASURED, to_duckdb
from test_faithful import run
from test_report import pagila_done, report  # noqa: F401 - the fixture

import duckdb


def test_width_bucket_rewrite_gives_postgresql_buckets():
    sql = ("SELECT width_bucket(x, CAST(ARRAY[1.0, 2.5, 4.0] AS DOUBLE PRECISION[])) "
           "FROM (VALUES (0.5), (1.0), (2.0), (2.5), (3.9), (4.0), (9.0), (NULL)) AS t(x)")
    got = [r[0] for r in duckdb.connect().execute(to_duckdb(sql)).fetchall()]
    assert got == [0, 1, 1, 2, 2, 3, 3, None]  # what PostgreSQL 15 returns for these


def test_range_bounds_padded_text_and_constant_correlations_read_as_on_postgresql():
    c = duckdb.connect()
    c.execute("""CREATE TABLE t (r STRUCT("lower" INTEGER, "upper" INTEGER), c VARCHAR, k INTEGER, x DOUBLE)""")
    c.execute("INSERT INTO t VALUES ({'lower': 3, 'upper': 9}, 'ab   ', 1, 1.0), ({'lower': 5, 'upper': 7}, 'abc', 1, 2.0)")
    sql = "SELECT sum(lower(r)), max(upper(r)), max(length(CAST(c AS TEXT))), corr(k, x), lower('AB') FROM t"
    assert c.execute(to_duckdb(sql, {"r"}, {"c"})).fetchall() == [(8, 9, 3, None, "ab")]


def test_report_with_a_duckdb_destination(pagila_done, monkeypatch):
    src, _dst = pagila_done
    pg = report("--format", "json", "-o", "pg")
    monkeypatch.setenv("DST_DSN", "duckdb:///dst.duckdb")
    for step in ("create-tables", "create-vocab", "create-data"):
        run(step)
    duck = report("--format", "both", "-o", "duck")
    assert duck["reference"] == "source database" and duck["destination_engine"] == "duckdb"
    assert set(duck["tables"]) == set(pg["tables"])
    for t, f in pg["tables"].items():
        d = duck["tables"][t]
        assert d["rows"]["synthetic"] == f["rows"]["synthetic"], t  # same config: same row counts
        assert d["rows"]["source"] == f["rows"]["source"], t
        n = max(1, f["rows"]["synthetic"])
        # two samples of the same generator: their KS distances to the source differ by at most the
        # two-sample KS distance between them, under 1.36 * sqrt(2 / n) at 95 % (plus 0.05 of slack)
        tol = 0.05 + 1.36 * math.sqrt(2 / n)
        for c, cf in f["columns"].items():
            dc = d["columns"][c]
            assert dc["null_fraction"]["source"] == cf["null_fraction"]["source"], (t, c)
            if cf["distance"] is not None and cf["metric"] in ("KS", "length KS"):
                assert dc["distance"] is not None and abs(dc["distance"] - cf["distance"]) < tol, (t, c, dc, cf)
    assert set(duck["foreign_keys"]) == set(pg["foreign_keys"])
    for name, f in pg["foreign_keys"].items():
        assert sum(duck["foreign_keys"][name]["histogram"]["synthetic"]) == sum(f["histogram"]["synthetic"]), name
        assert abs(duck["foreign_keys"][name]["tvd"] - f["tvd"]) < 0.15, name
    for a, b in zip(pg["logic"], duck["logic"]):  # every rule and diamond measured on DuckDB too
        assert a["name"] == b["name"] and (a["synthetic"] is None) == (b["synthetic"] is None), (a, b)
        if a["synthetic"] is not None:
            assert abs(a["synthetic"] - b["synthetic"]) < 0.05, (a, b)
    # the cross-database hashes are not taken on DuckDB, and the report says so
    assert not duck["privacy"]["exact_match"] and NOT_MEASURED in duck["privacy"]["not_measured"]
    assert NOT_MEASURED in open("duck.html").read()
    assert duck["scores"]["privacy"] is None
    # the scores (0-100) of two samples of the same generator: within 3 points each (this run: 0.2 shape,
    # 1.1 relationships, 0 logic; the per-column distances are means over ~60 columns, the correlations
    # of 1000-16000 rows); the overall score is theirs without privacy, which is not measured
    ds, ps = duck["scores"], pg["scores"]
    for part in ("shape", "relationships", "logic"):
        assert abs(ds[part] - ps[part]) < 3, (part, ds, ps)
    assert ds["overall"] == pytest.approx((ds["shape"] + ds["relationships"] + ds["logic"]) / 3)
    assert abs(ds["overall"] - (ps["shape"] + ps["relationships"] + ps["logic"]) / 3) < 3
    # the stored aggregates as the reference, the DuckDB file as the destination
    monkeypatch.delenv("SRC_DSN")
    stored = report("--format", "json", "-o", "stored", "--reference", "stats")
    assert stored["reference"] == "src-stats.yaml"
    for t, d in duck["tables"].items():
        assert stored["tables"][t]["rows"] == d["rows"], t
    for name, f in duck["foreign_keys"].items():
        assert stored["foreign_keys"][name]["tvd"] == pytest.approx(f["tvd"], abs=1e-12), name
