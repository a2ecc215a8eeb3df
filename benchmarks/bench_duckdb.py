#!/usr/bin/env python
"""DuckDB destination benchmark: sqlsynth create-data into DuckDB, against DuckDB's own INSERT ... SELECT
of constants (the floor: same tables, same row counts, no generators) and against sqlsynth create-data
into PostgreSQL, on the same config, in the same run.

Exact command (from the repository root, PostgreSQL at 127.0.0.1:5432, trust auth):

    .venv/bin/python benchmarks/bench_duckdb.py --output benchmarks/RESULTS_duckdb.md

Options: --passes N (default 20000), --fan-out F (default 8), --seed S (default 1), --repeat R (default 3),
--admin-dsn DSN (default postgresql://root@127.0.0.1:5432/postgres), --pagila-dir DIR, --output FILE,
--quick (300 passes, fan-out 2, once: a smoke test, run by tests/test_benchmarks.py),
--breakdown (also: where the time goes, in CPU seconds of this process, all DuckDB threads; see below).

What one run does:

1. takes the bundled Pagila orm.yaml and config.yaml (no source database needed) into a temporary
   directory and gives the tables no smallint foreign key points at ``num_rows_per_pass: fan-out``
   (bench_pagila.fan_out_config): 10 tables x 20000 + 5 x 160000 = 1.0M rows by default;
2. compiles the load twice, once for DuckDB (compile/duckdb.py) and once for PostgreSQL (timed
   apart, not part of the rates; both build the Mimesis pools there);
3. R times each (best kept, per load):
   a. sqlsynth into a fresh DuckDB file (create-tables first, untimed): execute/duckdb.create_data;
   b. the floor into a fresh DuckDB file: per table ``INSERT INTO t (same columns) SELECT ... FROM
      range(1, n + 1) t(i)``, one transaction, where keys are ``i``, foreign keys
      ``1 + (i - 1) % parent_rows`` (composite keys: mixed radix) and every other column a constant
      of its DuckDB type (bench_pagila's ceiling, for DuckDB);
   c. sqlsynth into a PostgreSQL database (created for the run, emptied with remove-data between
      runs, CHECKPOINT before each): execute/postgres.run_program. The DuckDB loads (a, b alternating)
      run first, then PostgreSQL's, so that the server's background writes do not overlap them;
4. prints a markdown table (and writes it with --output); drops the database and files it made.

--breakdown adds, best of R per figure, in CPU seconds (steadier than wall time on a shared machine):
per table, sqlsynth's SELECT alone (every column computed: ``count`` of each) and its INSERT (compute,
store, keys), the floor's INSERT, and each load's COMMIT (DuckDB writes the file at COMMIT).
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

from bench_pagila import DEFAULT_ADMIN, DEFAULT_PAGILA, all_fks, checkpoint, create_db, drop_db, fan_out_config, git_version, unique_sets  # noqa: E402

from sqlsynth import api  # noqa: E402
from sqlsynth.compile.duckdb import compile_duckdb  # noqa: E402
from sqlsynth.compile.program import compile_plan  # noqa: E402
from sqlsynth.execute import duckdb as duck  # noqa: E402
from sqlsynth.execute.postgres import run_program  # noqa: E402
from sqlsynth.schema.ddl_duckdb import duck_type  # noqa: E402
from sqlsynth.schema.io import load_schema  # noqa: E402
from sqlsynth.settings import Settings  # noqa: E402
from sqlsynth.sql.sqlx import q  # noqa: E402

_CONST = [("INT", "1"), ("DECIMAL", "1"), ("DOUBLE", "1"), ("FLOAT", "1"), ("VARCHAR", "'x'"), ("TEXT", "'x'"),
          ("TIMESTAMP", "'2007-03-15 12:00:00'"), ("DATE", "'2007-03-15'"), ("BOOLEAN", "true"),
          ("BLOB", "'\\x00'")]


def constant(schema, col) -> str:
    typ, checks = duck_type(schema, col.type, col.name)
    if typ.endswith("[]"):
        return f"CAST([] AS {typ})"
    if typ.startswith("STRUCT"):
        return f"CAST({{'lower': '2007-03-15 12:00:00', 'upper': '2007-03-16 12:00:00'}} AS {typ})"
    if col.type in schema.enums:
        return f"CAST('{schema.enums[col.type].labels[0]}' AS {typ})"
    for prefix, text in _CONST:
        if prefix in typ.upper():
            if checks and text == "1":
                text = "2000"  # Pagila's year domain: 1901 .. 2155
            return f"CAST({text} AS {typ})"
    raise SystemExit(f"no constant for {col.name} ({col.type})")


def floor_sql(schema, plan, name: str) -> str:
    t, n = schema.tables[name], plan.tables[name].rows
    fk_parent = {}
    for fk in all_fks(schema, t):
        for c in fk.columns:
            fk_parent.setdefault(c, plan.tables[fk.ref_table].rows)
    exprs: dict[str, str] = {}
    for cols in unique_sets(schema, t):
        if len(cols) > 1 and all(c in fk_parent for c in cols) and not any(c in exprs for c in cols):
            div = 1
            for c in cols:
                exprs[c] = f"1 + ((i - 1) // {div}) % {fk_parent[c]}"
                div *= fk_parent[c]
    cols = plan.tables[name].columns()
    for c in cols:
        col = t.columns[c]
        if c in exprs:
            continue
        if c in fk_parent:
            exprs[c] = f"1 + (i - 1) % {fk_parent[c]}"
        elif col.primary or col.serial or any(c in u for u in unique_sets(schema, t)):
            exprs[c] = "i"
        else:
            exprs[c] = constant(schema, col)
    return (f"INSERT INTO {plan.qtable(name)} ({', '.join(q(c) for c in cols)}) "
            f"SELECT {', '.join(exprs[c] for c in cols)} FROM range(1, {n + 1}) t(i)")


def fresh_duckdb(tmp: str, orm: str, cfg: str, label: str) -> str:
    path = os.path.join(tmp, f"{label}.duckdb")
    if os.path.exists(path):
        os.remove(path)
    api.create_tables(Settings(dst_dsn=f"duckdb:///{path}"), orm, cfg)
    return f"duckdb:///{path}"


def run_floor(dsn: str, inserts: list[str]) -> float:
    import duckdb

    from sqlsynth.duck import duckdb_path

    conn = duckdb.connect(duckdb_path(dsn))
    conn.execute("SET search_path = 'public'")  # the enums' schema, as execute/duckdb.py sets it
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for st in inserts:
        conn.execute(st)
    conn.execute("COMMIT")
    secs = time.perf_counter() - t0
    conn.close()
    return secs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--passes", type=int, default=20000)
    ap.add_argument("--fan-out", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--admin-dsn", default=DEFAULT_ADMIN)
    ap.add_argument("--pagila-dir", default=DEFAULT_PAGILA)
    ap.add_argument("--output")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--breakdown", action="store_true")
    a = ap.parse_args(argv)
    if a.quick:
        a.passes, a.fan_out, a.repeat = 300, 2, 1
    tmp = tempfile.mkdtemp(prefix="sqlsynth_bench_duckdb_")
    dbname = f"sqlsynth_bench_duck_{os.getpid()}"
    pg = None
    try:
        orm, cfg = os.path.join(tmp, "orm.yaml"), os.path.join(tmp, "config.yaml")
        shutil.copy(os.path.join(a.pagila_dir, "orm.yaml"), orm)
        shutil.copy(os.path.join(a.pagila_dir, "config.yaml"), cfg)
        schema = load_schema(orm)
        fan_out_config(schema, cfg, a.fan_out)
        t0 = time.perf_counter()
        plan = api.plan_load(orm, cfg, num_passes=a.passes, seed=a.seed)
        dprog = compile_duckdb(plan)
        compile_duck = time.perf_counter() - t0
        t0 = time.perf_counter()
        pprog = compile_plan(api.plan_load(orm, cfg, num_passes=a.passes, seed=a.seed))
        compile_pg = time.perf_counter() - t0
        rows = dprog.total_rows
        inserts = [floor_sql(schema, plan, n) for n in plan.order if plan.tables[n].rows > 0]
        pg = create_db(a.admin_dsn, dbname)
        api.create_tables(Settings(dst_dsn=pg), orm, cfg)
        best = {"duck": float("inf"), "floor": float("inf"), "pg": float("inf")}
        for r in range(a.repeat):  # the DuckDB loads back to back, then PostgreSQL's (its background
            dsn = fresh_duckdb(tmp, orm, cfg, "sqlsynth")  # writer must not run during DuckDB's)
            t0 = time.perf_counter()
            duck.create_data(dsn, dprog)
            best["duck"] = min(best["duck"], time.perf_counter() - t0)
            best["floor"] = min(best["floor"], run_floor(fresh_duckdb(tmp, orm, cfg, "floor"), inserts))
            print(f"DuckDB run {r + 1}: sqlsynth {best['duck']:.2f}s, floor {best['floor']:.2f}s (best so far)", flush=True)
        for r in range(a.repeat):
            if r:
                api.remove_data(Settings(dst_dsn=pg), orm, cfg)
            checkpoint(pg)
            t0 = time.perf_counter()
            run_program(pg, pprog)
            best["pg"] = min(best["pg"], time.perf_counter() - t0)
            print(f"PostgreSQL run {r + 1}: {best['pg']:.2f}s (best so far)", flush=True)
        text = report(a, rows, len(inserts), best, compile_duck, compile_pg)
        if a.breakdown:
            text += breakdown(tmp, orm, cfg, dprog, inserts, a.repeat)
        print(text)
        if a.output:
            with open(a.output, "w", encoding="utf-8") as fh:
                fh.write(text)
    finally:
        if pg is not None:
            drop_db(a.admin_dsn, dbname)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def report(a, rows: int, tables: int, best: dict[str, float], compile_duck: float, compile_pg: float) -> str:
    rate = lambda s: f"{rows / s:,.0f}"  # noqa: E731
    lines = [
        "# DuckDB destination: sqlsynth against DuckDB's constant floor and against PostgreSQL",
        "",
        f"`benchmarks/bench_duckdb.py --passes {a.passes} --fan-out {a.fan_out} --repeat {a.repeat}`"
        f"{' (--quick)' if a.quick else ''}; {_dt.date.today().isoformat()}, sqlsynth {git_version()}.",
        f"**{rows:,} rows** in {tables} tables (bundled Pagila config, seed {a.seed}); best of {a.repeat}.",
        "",
        "| load | seconds | rows/s | vs DuckDB floor |",
        "| --- | ---: | ---: | ---: |",
        f"| DuckDB: INSERT ... SELECT of constants (floor) | {best['floor']:.2f} | {rate(best['floor'])} | 1.00x |",
        f"| DuckDB: sqlsynth create-data | {best['duck']:.2f} | {rate(best['duck'])} | "
        f"{best['floor'] / best['duck']:.2f}x |",
        f"| PostgreSQL: sqlsynth create-data | {best['pg']:.2f} | {rate(best['pg'])} | "
        f"{best['floor'] / best['pg']:.2f}x |",
        "",
        f"DuckDB create-data runs at **{best['floor'] / best['duck']:.2f}x** its constant floor and "
        f"**{best['pg'] / best['duck']:.2f}x** PostgreSQL's create-data on the same config. Compile time "
        f"(not in the rates): DuckDB {compile_duck:.2f}s, PostgreSQL {compile_pg:.2f}s.",
        "",
    ]
    return "\n".join(lines)


def cpu(conn, sql: str) -> float:
    t0 = time.process_time()
    conn.execute(sql).fetchall()
    return time.process_time() - t0


def select_alone(insert_sql: str) -> str:
    """The INSERT's SELECT with every column computed and nothing stored: ``count`` of each column."""
    import sqlglot

    sel = sqlglot.parse_one(insert_sql, read="duckdb").expression
    n = len(sel.expressions)
    sel.set("expressions", [e.as_(f"c{i}") for i, e in enumerate(sel.expressions)])
    return f"SELECT {', '.join(f'count(c{i})' for i in range(n))} FROM ({sel.sql('duckdb')})"


def breakdown(tmp: str, orm: str, cfg: str, prog, inserts: list[str], repeat: int) -> str:
    import duckdb

    from sqlsynth.duck import duckdb_path

    sel, ins, floor, commit = {}, {}, {}, {"sqlsynth": float("inf"), "floor": float("inf")}
    keep = lambda d, k, v: d.__setitem__(k, min(d.get(k, float("inf")), v))  # noqa: E731
    for _ in range(repeat):
        conn = duckdb.connect(duckdb_path(fresh_duckdb(tmp, orm, cfg, "sqlsynth")))
        conn.execute("SET integer_division = true")
        conn.execute("SET search_path = 'public'")
        conn.execute("BEGIN")
        for m in duck.HASH_MACROS:
            conn.execute(m)
        for name, table in duck.pool_tables(prog).items():
            conn.register(name, table)
        for step in prog.steps:
            keep(sel, step.table, cpu(conn, select_alone(step.sql)))
            keep(ins, step.table, cpu(conn, step.sql))
        keep(commit, "sqlsynth", cpu(conn, "COMMIT"))
        conn.close()
        conn = duckdb.connect(duckdb_path(fresh_duckdb(tmp, orm, cfg, "floor")))
        conn.execute("SET search_path = 'public'")
        conn.execute("BEGIN")
        for st in inserts:
            keep(floor, st.split()[2].split(".")[-1].strip('"'), cpu(conn, st))
        keep(commit, "floor", cpu(conn, "COMMIT"))
        conn.close()
    lines = ["", "Where the time goes (`--breakdown`; CPU seconds, best of each):", "",
             "| table | sqlsynth SELECT alone | sqlsynth INSERT | floor INSERT |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {t} | {sel[t]:.3f} | {ins[t]:.3f} | {floor.get(t, 0.0):.3f} |" for t in ins]
    lines += [f"| **all** | {sum(sel.values()):.2f} | {sum(ins.values()):.2f} | {sum(floor.values()):.2f} |",
              f"| COMMIT | | {commit['sqlsynth']:.2f} | {commit['floor']:.2f} |", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
