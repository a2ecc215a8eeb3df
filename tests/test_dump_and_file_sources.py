"""Files: dump-data (PostgreSQL and DuckDB destinations, CSV and Parquet, whole or nothing) and file
sources (a DuckDB file, a directory of Parquet files) through make-tables, make-stats, make-vocab and
into PostgreSQL. Real PostgreSQL (a database per test), real DuckDB files in tmp_path."""

from __future__ import annotations

import csv
import decimal
import hashlib
import os

import duckdb
import psycopg
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main

SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")


def run(args: list[str], ok: bool = True):
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, res.output + (res.stderr if res.stderr_bytes else "")
    return res


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.upper() in SETTINGS:
            monkeypatch.delenv(key)
    return monkeypatch


def md5_of(path) -> str:
    return hashlib.md5(open(path, "rb").read()).hexdigest()


def leftovers(parent) -> list[str]:
    return [n for n in os.listdir(parent) if ".partial-" in n or ".old-" in n]


# ---- dump-data from PostgreSQL ------------------------------------------------------------------


@pytest.fixture
def pagila_orm(env, pagila_src):
    """orm.yaml of Pagila, with Pagila itself as the destination dump-data reads (it only reads)."""
    env.setenv("SRC_DSN", pagila_src)
    run(["make-tables"])
    run(["generate-config", "--no-fit", "--no-rules"])
    env.delenv("SRC_DSN")
    env.setenv("DST_DSN", pagila_src)
    return pagila_src


def test_dump_data_postgres_csv_is_the_tables_text(pagila_orm, tmp_path):
    run(["dump-data", "--output", "out", "--table", "actor", "--table", "film", "--table", "payment"])
    assert sorted(os.listdir(tmp_path / "out")) == ["actor.csv", "film.csv", "payment.csv"]
    with psycopg.connect(pagila_orm) as conn:
        for t, key in (("actor", "actor_id"), ("film", "film_id"), ("payment", "payment_date, payment_id")):
            cols = [r[0] for r in conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped "
                "ORDER BY attnum", [t]).fetchall()]
            want = conn.execute(f"SELECT {', '.join(f'{c}::text' for c in cols)} FROM {t} ORDER BY "
                                f"{', '.join(f'{t}.{k.strip()}' for k in key.split(','))}").fetchall()
            with open(tmp_path / "out" / f"{t}.csv", newline="", encoding="utf-8") as fh:
                rows = list(csv.reader(fh))
            assert rows[0] == cols
            got = [tuple(None if v == "" else v for v in r) for r in rows[1:]]
            assert len(got) == len(want) > 0, t
            if t == "payment":  # no primary key (a partitioned table): rows in no particular order
                got, want = sorted(got, key=repr), sorted(want, key=repr)
            diff = [(g, w) for g, w in zip(got, want) if g != w]
            assert diff == [], t
    assert leftovers(tmp_path) == []


def test_dump_data_postgres_parquet_types_and_rows(pagila_orm, tmp_path, monkeypatch):
    from sqlsynth.execute import dump

    monkeypatch.setattr(dump, "BLOCK", 64 << 10)  # small blocks and row groups: several of each
    monkeypatch.setattr(dump, "ROW_GROUP", 3000)
    run(["dump-data", "--output", "pq", "--parquet", "--table", "actor", "--table", "film", "--table", "payment"])
    meta = pq.ParquetFile(tmp_path / "pq" / "payment.parquet").metadata
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert sum(sizes) == meta.num_rows == 16044 and len(sizes) > 3 and all(n >= 3000 for n in sizes[:-1]), sizes
    actor = pq.read_table(tmp_path / "pq" / "actor.parquet")
    film = pq.read_table(tmp_path / "pq" / "film.parquet")
    assert actor.schema.field("actor_id").type == pa.int32()
    assert actor.schema.field("last_update").type == pa.timestamp("us")
    assert film.schema.field("rental_rate").type == pa.decimal128(4, 2)
    assert film.schema.field("release_year").type == pa.int32()  # the domain year: its base type, integer
    assert film.schema.field("rating").type == pa.string()  # an enum: its text
    assert film.schema.field("special_features").type == pa.string()  # text[]: its text
    with psycopg.connect(pagila_orm) as conn:
        want = conn.execute("SELECT actor_id, first_name, last_name, last_update FROM actor ORDER BY actor_id").fetchall()
        got = [tuple(r.values()) for r in actor.to_pylist()]
        assert got == want
        n, total, ratings = conn.execute("SELECT count(*), sum(rental_rate), "
                                         "string_agg(rating::text, ',' ORDER BY film_id) FROM film").fetchone()
    assert film.num_rows == n == 1000
    assert sum(film.column("rental_rate").to_pylist(), decimal.Decimal(0)) == total
    assert ",".join(film.column("rating").to_pylist()) == ratings


def test_dump_data_refuses_an_existing_directory_and_leaves_nothing_after_a_failure(pagila_orm, tmp_path, make_db):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    res = run(["dump-data", "--output", "out", "--table", "actor"], ok=False)
    assert res.exit_code == 1 and "already exists; use --force" in res.output
    # a destination without the tables: the dump fails part-way; the old directory is untouched
    empty = make_db("sqlsynth_files_empty")
    with psycopg.connect(empty) as conn:
        conn.execute("CREATE TABLE actor AS SELECT 1 AS actor_id, 'a'::text AS first_name, 'b'::text AS last_name, "
                     "now() AS last_update")
    os.environ["DST_DSN"] = empty
    res = run(["dump-data", "--output", "out", "--force", "--table", "actor", "--table", "film"], ok=False)
    assert res.exit_code == 1 and "table film" in res.output and "nothing was written" in res.output
    assert os.listdir(tmp_path / "out") == ["keep.txt"]
    res = run(["dump-data", "--output", "new", "--parquet", "--table", "actor", "--table", "film"], ok=False)
    assert res.exit_code == 1 and not (tmp_path / "new").exists()
    assert leftovers(tmp_path) == []
    run(["dump-data", "--output", "out", "--force", "--table", "actor"])
    assert os.listdir(tmp_path / "out") == ["actor.csv"]
    assert leftovers(tmp_path) == []


# ---- DuckDB files ------------------------------------------------------------------------------


def make_duckdb(path) -> None:
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE kind (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE)")
    conn.execute("INSERT INTO kind VALUES (1, 'small'), (2, 'large'), (3, 'tab\there'), (4, 'back\\slash')")
    conn.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, kind_id INTEGER REFERENCES kind(id), "
                 "price DECIMAL(8,2), made TIMESTAMP, note VARCHAR, ok BOOLEAN, tags VARCHAR[], ratio DOUBLE)")
    conn.execute("INSERT INTO item SELECT i, 1 + i % 4, i * 1.25, TIMESTAMP '2024-01-01' + i * INTERVAL 1 HOUR, "
                 "CASE WHEN i % 5 = 0 THEN NULL ELSE 'n' || i END, i % 2 = 0, ['a', 'b c'], i / 7 "
                 "FROM range(1, 201) t(i)")
    conn.close()


def test_dump_data_from_a_duckdb_destination(env, tmp_path):
    make_duckdb(tmp_path / "d.duckdb")
    env.setenv("SRC_DSN", "duckdb:///d.duckdb")
    run(["make-tables"])
    env.delenv("SRC_DSN")
    env.setenv("DST_DSN", "duckdb:///d.duckdb")
    before = md5_of(tmp_path / "d.duckdb")
    run(["dump-data", "--output", "pq", "--parquet", "--table", "item", "--table", "kind"])
    run(["dump-data", "--output", "csv", "--table", "item"])
    assert md5_of(tmp_path / "d.duckdb") == before
    conn = duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
    want = conn.execute("SELECT * FROM item ORDER BY id").fetchall()
    conn.close()
    item = pq.read_table(tmp_path / "pq" / "item.parquet")
    assert item.schema.field("price").type == pa.decimal128(8, 2)
    assert [tuple(r.values()) for r in item.to_pylist()] == want
    with open(tmp_path / "csv" / "item.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["id", "kind_id", "price", "made", "note", "ok", "tags", "ratio"] and len(rows) == 201
    assert [int(r[0]) for r in rows[1:]] == [w[0] for w in want]


def test_duckdb_source_through_the_pipeline_into_postgres(env, tmp_path, fresh_db):
    make_duckdb(tmp_path / "s.duckdb")
    before = md5_of(tmp_path / "s.duckdb")
    env.setenv("SRC_DSN", "duckdb:///s.duckdb")
    env.setenv("DST_DSN", fresh_db)
    run(["make-tables"])
    orm = yaml.safe_load(open(tmp_path / "orm.yaml"))
    item = orm["tables"]["item"]
    assert {c: v["type"] for c, v in item["columns"].items()} == {
        "id": "bigint", "kind_id": "integer", "price": "numeric(8,2)", "made": "timestamp without time zone",
        "note": "text", "ok": "boolean", "tags": "text[]", "ratio": "double precision"}
    assert item["primary_key"]["columns"] == ["id"]
    assert [(f["columns"], f["ref_table"]) for f in item["foreign_keys"]] == [(["kind_id"], "kind")]
    assert orm["tables"]["kind"]["columns"]["name"]["nullable"] is False
    assert orm["tables"]["kind"]["unique"][0]["columns"] == ["name"]
    res = run(["generate-config"])
    assert "needs a PostgreSQL source" in res.output
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({
        "tables": {"kind": {"vocabulary_table": True}, "item": {"num_rows_per_pass": 30}},
        "src-stats": [{"name": "by_kind", "query": "SELECT kind_id, count(*) AS n, sum(price)::numeric(12,2) AS total "
                                                   "FROM item WHERE note IS NOT NULL GROUP BY kind_id ORDER BY 1"},
                      # PostgreSQL's integer division (DuckDB's own / would give 28.57...)
                      {"name": "sevenths", "query": "SELECT count(*) / 7 AS q, -count(*) / 7 AS m FROM item"}],
    }))
    run(["make-stats"])
    stats = yaml.safe_load(open(tmp_path / "src-stats.yaml"))
    conn = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    want = conn.execute("SELECT kind_id, count(*), sum(price) FROM item WHERE note IS NOT NULL "
                        "GROUP BY 1 ORDER BY 1").fetchall()
    kinds = conn.execute("SELECT id, name FROM kind ORDER BY id").fetchall()
    conn.close()
    assert [(r["kind_id"], r["n"], r["total"]) for r in stats["by_kind"]["results"]] == \
        [(k, n, float(t)) for k, n, t in want]
    assert stats["sevenths"]["results"] == [{"q": 28, "m": -28}]
    run(["make-vocab"])
    run(["create-tables"])
    run(["create-vocab"])
    run(["create-data"])
    with psycopg.connect(fresh_db) as pg:
        assert pg.execute("SELECT id, name FROM kind ORDER BY id").fetchall() == kinds
        assert pg.execute("SELECT count(*), count(DISTINCT kind_id) > 0 FROM item").fetchone() == (30, True)
        assert pg.execute("SELECT count(*) FROM item i LEFT JOIN kind k ON k.id = i.kind_id "
                          "WHERE i.kind_id IS NOT NULL AND k.id IS NULL").fetchone()[0] == 0
    assert md5_of(tmp_path / "s.duckdb") == before


def test_a_src_stats_query_that_writes_is_refused_on_a_duckdb_source(env, tmp_path):
    make_duckdb(tmp_path / "s.duckdb")
    before = md5_of(tmp_path / "s.duckdb")
    env.setenv("SRC_DSN", "duckdb:///s.duckdb")
    run(["make-tables"])
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"src-stats": [
        {"name": "d", "query": "DELETE FROM item"},
        {"name": "c", "query": "COPY item TO '/tmp/x.csv'"},
        {"name": "w", "query": "WITH x AS (DELETE FROM kind RETURNING id) SELECT count(*) FROM x"},
    ]}))
    res = run(["make-stats"], ok=False)
    assert res.exit_code == 1
    out = res.output
    assert "src-stats[0].query: DELETE statement" in out and "src-stats[1].query" in out
    assert "src-stats[2].query" in out and "data-modifying WITH" in out
    assert not (tmp_path / "src-stats.yaml").exists()
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"src-stats": [
        {"name": "x", "query": "SELECT no_such_function(id) FROM item"}]}))
    res = run(["make-stats"], ok=False)
    assert res.exit_code == 1 and "src-stats[0].query: DuckDB:" in res.output
    assert md5_of(tmp_path / "s.duckdb") == before


# ---- a directory of Parquet files -------------------------------------------------------------


def test_parquet_directory_source_through_the_pipeline(pagila_orm, tmp_path, make_db):
    # the source: three Pagila tables dumped as Parquet by dump-data itself
    run(["dump-data", "--output", "files", "--parquet", "--table", "language", "--table", "actor",
         "--table", "category"])
    for name in ("orm.yaml", "config.yaml"):
        os.rename(tmp_path / name, tmp_path / f"pagila-{name}")
    os.environ.pop("DST_DSN")
    # one table as CSV instead (DuckDB's read_csv guesses its types)
    pa_csv.write_csv(pq.read_table(tmp_path / "files" / "category.parquet"), tmp_path / "files" / "category.csv")
    os.unlink(tmp_path / "files" / "category.parquet")
    res = run(["make-tables", "--parquet-dir", "files"])
    assert "3 tables" in res.output
    orm = yaml.safe_load(open(tmp_path / "orm.yaml"))
    assert orm["dsn"] == "parquet:///" + str(tmp_path / "files")
    # NOT NULL in Pagila, so required in the Parquet file dump-data wrote; a CSV file declares nothing
    assert orm["tables"]["actor"]["columns"]["actor_id"] == {"type": "integer", "nullable": False}
    assert orm["tables"]["category"]["columns"]["category_id"]["nullable"] is True
    assert orm["tables"]["actor"]["columns"]["last_update"]["type"] == "timestamp without time zone"
    assert "primary_key" not in orm["tables"]["actor"]
    assert orm["tables"]["category"]["columns"]["name"]["type"] == "text"
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({
        "tables": {"language": {"vocabulary_table": True}, "category": {"vocabulary_table": True},
                   "actor": {"num_rows_per_pass": 25}},
        "src-stats": [{"name": "actors", "query": "SELECT count(*) AS n, count(DISTINCT last_name) AS names "
                                                  "FROM actor"}],
    }))
    run(["make-stats"])  # SRC_DSN unset: the directory orm.yaml records
    stats = yaml.safe_load(open(tmp_path / "src-stats.yaml"))
    with psycopg.connect(pagila_orm) as conn:
        n, names = conn.execute("SELECT count(*), count(DISTINCT last_name) FROM actor").fetchone()
        languages = conn.execute("SELECT language_id, name, last_update FROM language ORDER BY 1").fetchall()
    assert stats["actors"]["results"] == [{"n": n, "names": names}]
    run(["make-vocab"])
    dst = make_db("sqlsynth_files_dst")
    os.environ["DST_DSN"] = dst
    run(["create-tables"])
    run(["create-vocab"])
    run(["create-data"])
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT language_id, name, last_update FROM language ORDER BY 1").fetchall() == \
            [(i, name.rstrip(), ts) for i, name, ts in languages]
        assert conn.execute("SELECT count(*) FROM actor").fetchone()[0] == 25
        assert conn.execute("SELECT count(*) FROM category").fetchone()[0] == 16


def test_generate_config_fit_on_a_duckdb_source_is_fitted_by_make_stats(env, tmp_path):
    make_duckdb(tmp_path / "s.duckdb")
    env.setenv("SRC_DSN", "duckdb:///s.duckdb")
    run(["make-tables"])
    res = run(["generate-config", "--rules"], ok=False)
    assert res.exit_code == 1 and "--no-rules" in res.output
    run(["generate-config", "--fit"])
    assert "stats: auto" in (tmp_path / "config.yaml").read_text()
    run(["make-stats"])
    stats = yaml.safe_load(open(tmp_path / "src-stats.yaml"))
    q = stats["auto__item__price"]["results"][0]["q"]
    assert q[0] == 1.25 and q[-1] == 250.0  # the minimum and maximum of price
    assert stats["auto__nulls__item__price"]["results"][0] == {"total": 200, "nulls": 0, "fraction": 0.0}
    assert stats["auto__item__ok"]["results"][0]["probability"] == 0.5


def test_dump_data_to_stdout_and_a_directory_with_two_files_for_one_table(env, tmp_path):
    make_duckdb(tmp_path / "d.duckdb")
    env.setenv("SRC_DSN", "duckdb:///d.duckdb")
    run(["make-tables"])
    env.setenv("DST_DSN", "duckdb:///d.duckdb")
    out = run(["dump-data", "--output", "-", "--table", "kind"]).output
    assert list(csv.reader(out.splitlines())) == [["id", "name"], ["1", "small"], ["2", "large"],
                                                   ["3", "tab\there"], ["4", "back\\slash"]]
    res = run(["dump-data", "--output", "-", "--table", "kind", "--table", "item"], ok=False)
    assert res.exit_code == 1 and "one table" in res.output
    run(["dump-data", "--output", "files", "--parquet", "--table", "kind"])
    run(["dump-data", "--output", "more", "--table", "kind"])
    os.rename(tmp_path / "more" / "kind.csv", tmp_path / "files" / "kind.csv")
    res = run(["make-tables", "--parquet-dir", "files", "--orm-file", "f.yaml"], ok=False)
    assert res.exit_code == 1 and "table kind is given by two files" in res.output


def test_a_value_parquet_cannot_hold_fails_the_dump_cleanly(env, tmp_path, fresh_db):
    with psycopg.connect(fresh_db) as conn:
        conn.execute("CREATE TABLE t (id int PRIMARY KEY, x numeric(5,2)); INSERT INTO t VALUES (1, 1.5), (2, 'NaN')")
    env.setenv("SRC_DSN", fresh_db)
    env.setenv("DST_DSN", fresh_db)
    run(["make-tables"])
    res = run(["dump-data", "--output", "out", "--parquet", "--table", "t"], ok=False)
    assert res.exit_code == 1 and "table t: Parquet:" in res.output and "nothing was written" in res.output
    assert not (tmp_path / "out").exists() and leftovers(tmp_path) == []
    run(["dump-data", "--output", "out", "--table", "t"])
    assert (tmp_path / "out" / "t.csv").read_text().splitlines() == ["id,x", "1,1.50", "2,NaN"]


def test_differential_privacy_on_a_duckdb_source(env, tmp_path):
    pytest.importorskip("snsql")
    make_duckdb(tmp_path / "s.duckdb")
    env.setenv("SRC_DSN", "duckdb:///s.duckdb")
    run(["make-tables"])
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"src-stats": [{
        "name": "dp_price", "query": "SELECT id, price FROM item",
        "dp-query": "SELECT COUNT(*) AS n, AVG(price) AS mean FROM query_result", "epsilon": 2.0,
        "snsql-metadata": {"max_ids": 1, "id": {"type": "int", "private_id": True},
                           "price": {"type": "float", "lower": 0, "upper": 300}}}]}))
    run(["make-stats"])
    entry = yaml.safe_load(open(tmp_path / "src-stats.yaml"))["dp_price"]
    assert entry["privacy"]["epsilon_spent"] > 0
    (row,) = entry["results"]
    assert 150 < row["n"] < 250 and 60 < row["mean"] < 190  # 200 rows, mean price 125.6, with noise


def test_dump_data_parquet_keeps_every_mapped_type(env, tmp_path, fresh_db):
    with psycopg.connect(fresh_db) as conn:
        conn.execute("""CREATE TABLE t (id int PRIMARY KEY, s smallint, b bigint, r real, d double precision,
            n numeric(7,3), big numeric, ok boolean, day date, ts timestamp, tz timestamptz, tm time, raw bytea,
            txt text, u uuid, j jsonb, arr int[])""")
        conn.execute("""INSERT INTO t VALUES
            (1, -3, 9000000000, 1.5, 'Infinity', 1234.567, 12345678901234567890.5, true, '2024-02-29',
             '2024-02-29 23:59:59.123456', '2024-02-29 23:59:59.5+02', '12:34:56.789', '\\x00ff10', 'NA',
             'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{1,NULL,3}'),
            (2, NULL, NULL, 'NaN', -0.25, NULL, NULL, false, NULL, NULL, NULL, NULL, '\\x', '', NULL, NULL, '{}'),
            (3, 7, 1, NULL, NULL, -0.001, 0, NULL, '1999-12-31', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00',
             '00:00:00', NULL, 'NULL', NULL, 'null', NULL)""")
    env.setenv("SRC_DSN", fresh_db)
    env.setenv("DST_DSN", fresh_db)
    run(["make-tables"])
    run(["dump-data", "--output", "out", "--parquet", "--table", "t"])
    got = pq.read_table(tmp_path / "out" / "t.parquet")
    types = {f.name: str(f.type) for f in got.schema}
    assert types == {"id": "int32", "s": "int16", "b": "int64", "r": "float", "d": "double", "n": "decimal128(7, 3)",
                     "big": "string", "ok": "bool", "day": "date32[day]", "ts": "timestamp[us]",
                     "tz": "timestamp[us, tz=UTC]", "tm": "time64[us]", "raw": "binary", "txt": "string",
                     "u": "string", "j": "string", "arr": "string"}
    with psycopg.connect(fresh_db) as conn:
        conn.execute("SET TimeZone = 'UTC'")
        want = conn.execute("SELECT id, s, b, r, d, n, big::text, ok, day, ts, tz, tm, raw, txt, u::text, j::text, "
                            "arr::text FROM t ORDER BY id").fetchall()
    rows = [tuple(r.values()) for r in got.to_pylist()]
    import math

    def same(a, b):
        if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
            return True
        return a == b
    assert len(rows) == len(want) == 3
    for g, w in zip(rows, want):
        assert all(same(a, b) for a, b in zip(g, w)), (g, w)


def test_duckdb_source_to_duckdb_destination_then_dump_data(env, tmp_path):
    make_duckdb(tmp_path / "s.duckdb")
    env.setenv("SRC_DSN", "duckdb:///s.duckdb")
    env.setenv("DST_DSN", "duckdb:///d.duckdb")
    run(["make-tables"])
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({
        "tables": {"kind": {"vocabulary_table": True}, "item": {"num_rows_per_pass": 40}}}))
    for step in ("make-vocab", "create-tables", "create-vocab", "create-data"):
        run([step])
    run(["dump-data", "--output", "out", "--parquet"])  # the generated tables: item
    assert sorted(os.listdir(tmp_path / "out")) == ["item.parquet"]
    item = pq.read_table(tmp_path / "out" / "item.parquet")
    assert item.num_rows == 40 and set(item.column("kind_id").to_pylist()) <= {1, 2, 3, 4, None}
    conn = duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True)
    assert sorted(item.column("id").to_pylist()) == [r[0] for r in conn.execute(
        "SELECT id FROM item ORDER BY id").fetchall()]
    conn.close()
