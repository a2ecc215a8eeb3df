"""dump-data on a 1,000,000-row table, against the plain copies in the same run, and the Parquet dump's
peak memory at two table sizes.

    .venv/bin/python benchmarks/bench_dump.py [--rows 1000000] [--repeat 3] [--dsn postgresql://root@127.0.0.1:5432/postgres]

A table ``event (id bigint PK, name text, amount numeric(10,2), at timestamptz, flag bool, tags text[])``
is filled with INSERT ... SELECT generate_series in a fresh database (and ``event_small``, a quarter of
it), and the same rows in a DuckDB file. Best of --repeat:

  dump-data (PostgreSQL, CSV)       api.dump_data -> out/event.csv
  dump-data (PostgreSQL, Parquet)   api.dump_data --parquet (server-side cursor, batches)
  ceiling: psql COPY TO csv         psql -c "COPY (SELECT * FROM event ORDER BY id) TO STDOUT (FORMAT csv, HEADER)" > file
  dump-data (DuckDB, CSV / Parquet) api.dump_data with DST_DSN=duckdb:///...
  ceiling: DuckDB COPY TO           duckdb's own COPY (SELECT * FROM event ORDER BY id) TO 'file' (FORMAT ...)

ratio = rows/s / the matching ceiling's rows/s (PostgreSQL Parquet against psql's CSV, the only plain
PostgreSQL export). Memory: the Parquet dump of event_small and of event, each in a fresh Python
process, peak RSS (VmHWM, Linux); bounded memory means the two are close although the tables differ
fourfold (both
above one row group, 131,072 rows, at the default size). ``--quick``: 5,000 rows, once (a smoke test of the benchmark, run by tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import psycopg

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from sqlsynth import api  # noqa: E402
from sqlsynth.settings import Settings  # noqa: E402

DDL = ("CREATE TABLE {t} (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(10,2), at timestamptz NOT NULL, "
       "flag bool NOT NULL, tags text[])")
FILL = """INSERT INTO {t}
SELECT i, 'name ' || i || ' ' || md5(i::text), (i %% 100000) / 100.0, TIMESTAMPTZ '2020-01-01 00:00:00+00' + i * INTERVAL '1 minute',
       i %% 3 = 0, CASE WHEN i %% 7 = 0 THEN NULL ELSE ARRAY['a' || i %% 10, 'b'] END
FROM generate_series(1, %s) AS g(i)"""
DUCK_FILL = """CREATE TABLE event AS
SELECT i::BIGINT AS id, 'name ' || i || ' ' || md5(i::VARCHAR) AS name, ((i % 100000) / 100.0)::DECIMAL(10,2) AS amount,
       TIMESTAMPTZ '2020-01-01 00:00:00+00' + i * INTERVAL 1 MINUTE AS at, i % 3 = 0 AS flag,
       CASE WHEN i % 7 = 0 THEN NULL ELSE ['a' || i % 10, 'b'] END AS tags
FROM range(1, ? + 1) t(i)"""
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report its parent's peak
CHILD = """
import sys
sys.path.insert(0, {root!r})
from sqlsynth import api
from sqlsynth.settings import Settings
api.dump_data(Settings(dst_dsn={dsn!r}), {out!r}, {orm!r}, None, ({table!r},), True, True)
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def with_db(dsn: str, name: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(dsn).set(database=name).render_as_string(hide_password=False)


def best(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dsn", default=os.environ.get("SQLSYNTH_TEST_DSN", "postgresql://root@127.0.0.1:5432/postgres"))
    ap.add_argument("--quick", action="store_true", help="5,000 rows, once")
    args = ap.parse_args(argv)
    if args.quick:
        args.rows, args.repeat = 5_000, 1
    import duckdb
    import pyarrow.parquet as pq

    name = f"sqlsynth_bench_dump_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    db = with_db(args.dsn, name)
    work = tempfile.mkdtemp(prefix="sqlsynth_bench_dump_")
    cwd = os.getcwd()
    try:
        os.chdir(work)
        with psycopg.connect(db) as conn:
            for t, n in (("event", args.rows), ("event_small", max(args.rows // 4, 1))):
                conn.execute(DDL.format(t=t))
                conn.execute(FILL.format(t=t), [n])
            conn.execute("ANALYZE")
        api.make_tables(Settings(src_dsn=db), "orm.yaml")
        duck = os.path.join(work, "event.duckdb")
        dconn = duckdb.connect(duck)
        dconn.execute(DUCK_FILL, [args.rows])
        dconn.close()
        pg, dk = Settings(dst_dsn=db), Settings(dst_dsn="duckdb:///" + duck)
        rows = {}

        def dump(settings: Settings, parquet: bool) -> None:
            api.dump_data(settings, "out", "orm.yaml", None, ("event",), parquet, True)

        rows["dump-data (PostgreSQL, CSV)"] = best(args.repeat, lambda: dump(pg, False))
        rows["dump-data (PostgreSQL, Parquet)"] = best(args.repeat, lambda: dump(pg, True))
        assert pq.ParquetFile("out/event.parquet").metadata.num_rows == args.rows
        psql = shutil.which("psql")

        def psql_csv() -> None:
            with open("ceiling.csv", "wb") as fh:
                subprocess.run([psql, db, "-X", "-q", "-c",
                                "COPY (SELECT * FROM event ORDER BY id) TO STDOUT (FORMAT csv, HEADER)"],
                               stdout=fh, check=True)
        rows["ceiling: psql COPY TO csv"] = best(args.repeat, psql_csv)
        rows["dump-data (DuckDB, CSV)"] = best(args.repeat, lambda: dump(dk, False))
        rows["dump-data (DuckDB, Parquet)"] = best(args.repeat, lambda: dump(dk, True))

        def duck_copy(fmt: str) -> None:
            c = duckdb.connect(duck, read_only=True)
            c.execute(f"COPY (SELECT * FROM event ORDER BY id) TO 'ceiling.{fmt}' (FORMAT {fmt})")
            c.close()
        rows["ceiling: DuckDB COPY TO csv"] = best(args.repeat, lambda: duck_copy("csv"))
        rows["ceiling: DuckDB COPY TO parquet"] = best(args.repeat, lambda: duck_copy("parquet"))
        ceiling = {"dump-data (PostgreSQL, CSV)": "ceiling: psql COPY TO csv",
                   "dump-data (PostgreSQL, Parquet)": "ceiling: psql COPY TO csv",
                   "dump-data (DuckDB, CSV)": "ceiling: DuckDB COPY TO csv",
                   "dump-data (DuckDB, Parquet)": "ceiling: DuckDB COPY TO parquet"}
        peaks = {}
        for t in ("event_small", "event"):
            res = subprocess.run([sys.executable, "-c", CHILD.format(
                root=os.path.abspath(os.path.join(os.path.dirname(__file__), "..")), dsn=db, out=f"mem_{t}",
                orm="orm.yaml", table=t)], capture_output=True, text=True, check=True)
            peaks[t] = int(res.stdout.strip().splitlines()[-1]) / 1024
    finally:
        os.chdir(cwd)
        shutil.rmtree(work, ignore_errors=True)
        with psycopg.connect(args.dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    print(f"# dump-data: {args.rows:,} rows, best of {args.repeat}\n")
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores\n")
    print("| approach | seconds | rows/s | ratio to its ceiling |")
    print("|---|---|---|---|")
    for k, secs in rows.items():
        ratio = f"{rows[ceiling[k]] / secs:.2f}" if k in ceiling else "1.00"
        print(f"| {k} | {secs:.2f} | {args.rows / secs:,.0f} | {ratio} |")
    small = max(args.rows // 4, 1)
    print(f"\nPeak RSS of the Parquet dump (a fresh process each): {small:,} rows: {peaks['event_small']:,.0f} MB; "
          f"{args.rows:,} rows: {peaks['event']:,.0f} MB (growth {peaks['event'] - peaks['event_small']:,.0f} MB "
          "for four times the rows)")


if __name__ == "__main__":
    main()
