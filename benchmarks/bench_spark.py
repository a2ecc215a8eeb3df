#!/usr/bin/env python
"""Spark engine benchmark: sqlsynth create-data --engine spark against dbldatagen (Databricks Labs'
PySpark data generator) on one wide table and sqlsynth's Pagila-shaped multi-table load on one local
SparkSession, and local[1] against local[2] (one JVM each), in one run; Parquet output in a temporary
directory.

Exact command (from the repository root; pip install '.[spark]', Java 17):

    .venv/bin/python benchmarks/bench_spark.py --output benchmarks/RESULTS_spark.md

Options: --rows N (wide table rows, default 2,000,000), --passes N (Pagila passes, default 2000),
--fan-out F (default 8), --repeat R (default 3), --master URL (default local[2]), --pagila-dir DIR,
--big-passes N and --big-fan-out F (default 40): also load Pagila once at that size (25000 passes,
fan-out 40: 5.25M rows; smallint keys cap the passes at 32767) and check every foreign key with
DuckDB; default off, --output FILE, --quick (20,000 rows, 50 passes, once: a
smoke test, run by tests/test_benchmarks.py).

What one run does:

1. the wide table: id, 4 integers (uniform ranges), 3 doubles (normal, uniform, lognormal), 3 strings
   from value lists (uniform picks), 2 dates (uniform in a range): the same columns and kinds in
   dbldatagen's spec (``random=True``, its Normal/Beta distributions are not the same draws; the
   values differ, the work per value is comparable) and in a sqlsynth orm.yaml + config.yaml;
   R times each (best kept): build the DataFrame (sqlsynth: compile/spark.py's SQL) and write it
   to Parquet, partitions = the session's cores (2 x defaultParallelism for both);
2. scaling, first, before the main session starts: sqlsynth's wide table (the same rows, 4 partitions)
   written by a child process on ``--master local[1]`` and one on ``local[2]`` (one JVM each, started
   one after the other, never two at once), interleaved over R rounds (local[1], local[2], local[1],
   ...); each child warms up (two untimed writes) then times one write; best of R per master; the
   load average is read before and after;
3. the bundled Pagila orm.yaml + config.yaml with bench_pagila.fan_out_config (fan-out F), R times:
   every table to Parquet (execute/spark.create_data), rows/s over the whole load;
4. with --big-passes: Pagila once at that size, then every foreign key checked on the Parquet files
   by DuckDB (orphans must be 0);
5. prints a markdown table (and writes it with --output); removes the files it wrote.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, os.pardir)]

import yaml  # noqa: E402
from bench_pagila import DEFAULT_PAGILA, fan_out_config, git_version  # noqa: E402

from sqlsynth import api  # noqa: E402
from sqlsynth.compile.spark import compile_spark  # noqa: E402
from sqlsynth.schema.io import load_schema  # noqa: E402
from sqlsynth.schema.integrity import key_checks  # noqa: E402

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
STATES = ["open", "closed", "pending", "archived"]
COLOURS = ["red", "green", "blue", "cyan", "magenta", "yellow", "black", "white", "grey", "orange"]


def wide_project(directory: str, rows: int) -> None:
    """orm.yaml + config.yaml of the wide table (the same columns as dbldatagen_wide)."""
    cols = {"id": {"type": "bigint", "nullable": False, "primary": True}}
    for n in range(1, 5):
        cols[f"i{n}"] = {"type": "integer", "nullable": False}
    for n in range(1, 4):
        cols[f"f{n}"] = {"type": "double precision", "nullable": False}
    for n in range(1, 4):
        cols[f"s{n}"] = {"type": "text", "nullable": False}
    for n in range(1, 3):
        cols[f"d{n}"] = {"type": "date", "nullable": False}
    orm = {"schema": "public", "tables": {"wide": {"columns": cols, "primary_key": {"name": "wide_pkey", "columns": ["id"]}}}}
    gens = [{"name": "generic.numeric.integer_number", "columns_assigned": f"i{n}", "kwargs": {"start": 0, "end": 10 ** (n + 2)}}
            for n in range(1, 5)]
    gens += [{"name": "dist_gen.normal", "columns_assigned": "f1", "kwargs": {"mean": 50.0, "sd": 10.0}},
             {"name": "dist_gen.uniform", "columns_assigned": "f2", "kwargs": {"low": 0.0, "high": 1000.0}},
             {"name": "dist_gen.lognormal", "columns_assigned": "f3", "kwargs": {"logmean": 1.0, "logsd": 0.5}}]
    gens += [{"name": "dist_gen.choice", "columns_assigned": f"s{n}", "kwargs": {"a": vals}}
             for n, vals in ((1, WORDS), (2, STATES), (3, COLOURS))]
    gens += [{"name": "generic.datetime.date", "columns_assigned": f"d{n}", "kwargs": {"start": 2000, "end": 2025}}
             for n in (1, 2)]
    cfg = {"tables": {"wide": {"rows": rows, "row_generators": gens}}}
    with open(os.path.join(directory, "orm.yaml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(orm, fh, sort_keys=False)
    with open(os.path.join(directory, "config.yaml"), "w", encoding="utf-8") as fh:
        yaml.safe_dump(cfg, fh, sort_keys=False)


def dbldatagen_wide(spark, rows: int, partitions: int):
    import dbldatagen as dg
    from dbldatagen import distributions as dist

    spec = dg.DataGenerator(spark, name="wide", rows=rows, partitions=partitions, randomSeed=1)
    spec = spec.withIdOutput()
    for n in range(1, 5):
        spec = spec.withColumn(f"i{n}", "int", minValue=0, maxValue=10 ** (n + 2), random=True)
    spec = spec.withColumn("f1", "double", minValue=0.0, maxValue=100.0, distribution=dist.Normal(50.0, 10.0), random=True)
    spec = spec.withColumn("f2", "double", minValue=0.0, maxValue=1000.0, random=True)
    spec = spec.withColumn("f3", "double", minValue=0.0, maxValue=100.0, distribution=dist.Gamma(1.0, 2.0), random=True)
    for n, vals in ((1, WORDS), (2, STATES), (3, COLOURS)):
        spec = spec.withColumn(f"s{n}", "string", values=vals, random=True)
    for n in (1, 2):
        spec = spec.withColumn(f"d{n}", "date", data_range=dg.DateRange("2000-01-01 00:00:00", "2025-12-31 00:00:00",
                                                                         "days=1"), random=True)
    return spec.build()


MASTERS = ("local[1]", "local[2]")
SCALING_PARTITIONS = 4
WARM_UPS = 2  # untimed writes in each scaling child before the timed one


def _load(avg: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.2f}" for x in avg)


def scaling_child(master: str, rows: int, partitions: int) -> int:
    """In a child process: one JVM on `master`; WARM_UPS untimed writes, then one timed; prints the seconds."""
    from sqlsynth.execute import spark as sx

    spark = sx.session(master, partitions, {"spark.driver.memory": "2g"})
    spark.sparkContext.setLogLevel("ERROR")
    work = tempfile.mkdtemp(prefix="sqlsynth-bench-scale-")
    here = os.getcwd()
    try:
        os.chdir(work)
        wide_project(work, rows)
        plan = api.plan_load("orm.yaml", "config.yaml", seed=1)
        prog = compile_spark(plan, partitions)
        for w in range(WARM_UPS):  # the JIT and the first jobs' start-up, as the main session's runs before theirs
            sx.create_data(prog, plan.schema, os.path.join(work, f"warm{w}"), spark=spark)
        t0 = time.perf_counter()
        sx.create_data(prog, plan.schema, os.path.join(work, "timed"), spark=spark)
        print(f"SECONDS {time.perf_counter() - t0:.6f}")
    finally:
        os.chdir(here)
        shutil.rmtree(work, ignore_errors=True)
        spark.stop()
    return 0


def scale_runs(rows: int, repeat: int) -> dict[str, list[float]]:
    """{master: [seconds]}: R rounds, each master once per round, in its own child process."""
    import subprocess

    out: dict[str, list[float]] = {m: [] for m in MASTERS}
    for _ in range(repeat):
        for m in MASTERS:
            r = subprocess.run([sys.executable, os.path.abspath(__file__), "--scaling-child", m, "--rows", str(rows)],
                               capture_output=True, text=True, check=True)
            out[m].append(float(next(ln for ln in r.stdout.splitlines() if ln.startswith("SECONDS")).split()[1]))
    return out


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--passes", type=int, default=2000)
    ap.add_argument("--fan-out", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--pagila-dir", default=DEFAULT_PAGILA)
    ap.add_argument("--big-passes", type=int, default=0)
    ap.add_argument("--big-fan-out", type=int, default=40)
    ap.add_argument("--output", default=None)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--scaling-child", default=None, help=argparse.SUPPRESS)  # MASTER: one timed write, in this JVM
    a = ap.parse_args(argv)
    if a.scaling_child:
        return scaling_child(a.scaling_child, a.rows, SCALING_PARTITIONS)
    if a.quick:
        a.rows, a.passes, a.repeat = 20_000, 50, 1
        a.big_passes = min(a.big_passes, 200)  # --quick --big-passes N: the key checks, on a small load
    from sqlsynth.execute import spark as sx

    load_before = os.getloadavg()
    scale_times = scale_runs(a.rows, a.repeat)
    scaling = {m: min(ts) for m, ts in scale_times.items()}
    load_after_scaling = os.getloadavg()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # dbldatagen's UDFs run in this venv's Python
    spark = sx.session(a.master, 2, {"spark.driver.memory": "2g"})
    spark.sparkContext.setLogLevel("ERROR")
    cores = spark.sparkContext.defaultParallelism
    work = tempfile.mkdtemp(prefix="sqlsynth-bench-spark-")
    here = os.getcwd()
    lines: list[str] = []
    try:
        os.chdir(work)
        wide_project(work, a.rows)
        plan = api.plan_load("orm.yaml", "config.yaml", seed=1)
        n = [0]

        def out() -> str:
            n[0] += 1
            return os.path.join(work, f"o{n[0]}")

        def sqlsynth_wide(parts: int) -> None:
            prog = compile_spark(plan, parts)
            sx.create_data(prog, plan.schema, out(), spark=spark)

        def dbldatagen_run(parts: int) -> None:
            dbldatagen_wide(spark, a.rows, parts).write.mode("errorifexists").parquet(out())

        parts = 2 * cores
        sqlsynth_wide(parts)  # warm-up (JIT, the first job's start-up), not timed
        dbldatagen_run(parts)
        t_dbl = best(a.repeat, lambda: dbldatagen_run(parts))
        t_sql = best(a.repeat, lambda: sqlsynth_wide(parts))
        os.chdir(here)
        pdir = tempfile.mkdtemp(prefix="pagila-", dir=work)
        for f in ("orm.yaml", "config.yaml"):
            shutil.copy(os.path.join(a.pagila_dir, f), os.path.join(pdir, f))
        os.chdir(pdir)
        fan_out_config(load_schema("orm.yaml"), "config.yaml", a.fan_out)
        pplan = api.plan_load("orm.yaml", "config.yaml", num_passes=a.passes, seed=1)
        pprog = compile_spark(pplan, parts)
        prow = pprog.total_rows
        t_pagila = best(a.repeat, lambda: sx.create_data(pprog, pplan.schema, out(), spark=spark))
        big = None
        if a.big_passes:
            shutil.copy(os.path.join(a.pagila_dir, "config.yaml"), "config.yaml")
            fan_out_config(load_schema("orm.yaml"), "config.yaml", a.big_fan_out)
            bplan = api.plan_load("orm.yaml", "config.yaml", num_passes=a.big_passes, seed=1)
            bprog = compile_spark(bplan, parts)
            bout = out()
            t0 = time.perf_counter()
            sx.create_data(bprog, bplan.schema, bout, spark=spark)
            t_big = time.perf_counter() - t0
            big = (bprog.total_rows, t_big, *check_fks(bplan.schema, bout))
        ratio = t_dbl / t_sql
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        lines += [f"# Spark engine benchmark ({stamp}, {git_version()})", "",
                  f"pyspark {spark.version}, master {a.master} ({cores} cores), best of {a.repeat}, Parquet output, "
                  f"{parts} partitions unless said.", "",
                  "| load | rows | seconds | rows/s |", "|---|---:|---:|---:|",
                  f"| dbldatagen wide table | {a.rows:,} | {t_dbl:.2f} | {a.rows / t_dbl:,.0f} |",
                  f"| sqlsynth wide table | {a.rows:,} | {t_sql:.2f} | {a.rows / t_sql:,.0f} |",
                  *[f"| sqlsynth wide table, --master {m} (own JVM, {SCALING_PARTITIONS} partitions) | {a.rows:,} | "
                    f"{t:.2f} | {a.rows / t:,.0f} |" for m, t in scaling.items()],
                  f"| sqlsynth Pagila, {len(pprog.steps)} tables (--num-passes {a.passes}, fan-out {a.fan_out}) | "
                  f"{prow:,} | {t_pagila:.2f} | {prow / t_pagila:,.0f} |"]
        if big:
            lines.append(f"| sqlsynth Pagila, --num-passes {a.big_passes}, fan-out {a.big_fan_out} | {big[0]:,} | {big[1]:.2f} | {big[0] / big[1]:,.0f} |")
        lines += ["", f"sqlsynth / dbldatagen (wide table rows/s): **{ratio:.2f}x** (target >= 1.0x: "
                      f"{'met' if ratio >= 1.0 else '**missed**'}).",
                  f"local[2] / local[1] (sqlsynth wide table rows/s, one JVM each, best of {a.repeat} interleaved): "
                  f"**{scaling[MASTERS[0]] / scaling[MASTERS[1]]:.2f}x** (every round, seconds: "
                  + "; ".join(f"{m} {', '.join(f'{t:.2f}' for t in ts)}" for m, ts in scale_times.items()) + ").",
                  f"Load average (1, 5, 15 min) before the scaling runs {_load(load_before)}, after them "
                  f"{_load(load_after_scaling)}, at the end {_load(os.getloadavg())} (2 cores shared with other jobs)."]
        if big:
            lines.append(f"Pagila at {big[0]:,} rows: {big[2]} foreign keys checked by DuckDB on the Parquet files, "
                         f"**{big[3]} orphan rows**; {big[4]} primary/unique keys, **{big[5]} keys held twice**.")
    finally:
        os.chdir(here)
        shutil.rmtree(work, ignore_errors=True)
        spark.stop()
    text = "\n".join(lines) + "\n"
    print(text)
    if a.output:
        with open(a.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    return 0


def check_fks(schema, out: str) -> tuple[int, int, int, int]:
    """(foreign keys checked, orphan rows, unique keys checked, keys held twice) on the Parquet files, by
    DuckDB (schema/integrity.py's queries)."""
    import duckdb
    from sqlglot import exp

    c = duckdb.connect()
    for name in os.listdir(out):
        files = exp.Literal.string(os.path.join(out, name, "*.parquet")).sql("duckdb")
        c.execute(f'CREATE VIEW "{name}" AS SELECT * FROM read_parquet({files})')
    n = orphans = keys = dups = 0
    there = {t: (None, t) for t in schema.tables if os.path.isdir(os.path.join(out, t))}
    for k in key_checks(schema, there):
        bad = c.execute(k.sql).fetchone()[0]
        if k.kind == "fk":
            n, orphans = n + 1, orphans + bad
        else:
            keys, dups = keys + 1, dups + bad
    return n, orphans, keys, dups


if __name__ == "__main__":
    sys.exit(main())
