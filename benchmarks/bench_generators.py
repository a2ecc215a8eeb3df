"""Pool-backed and distribution columns against constant expressions, same table, same run.

    .venv/bin/python benchmarks/bench_generators.py [--rows 1000000] [--dsn postgresql://root@127.0.0.1:5432/postgres]

``--quick``: 2,000 rows, once (a smoke test of the benchmark, run by tests/test_benchmarks.py).

Target: the generated table reaches at least 70% of the rows/s of the same table
filled by INSERT ... SELECT of constants. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import uuid

import psycopg
import yaml

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from sqlsynth.compile.program import compile_plan  # noqa: E402
from sqlsynth.config.load import load_config  # noqa: E402
from sqlsynth.execute.postgres import run_program  # noqa: E402
from sqlsynth.plan.build import build_plan  # noqa: E402
from sqlsynth.schema.reflect import reflect  # noqa: E402

DDL = """CREATE TABLE people (
  id serial PRIMARY KEY, first_name varchar(45) NOT NULL, last_name varchar(45) NOT NULL,
  email varchar(80), city text, amount numeric(8,2), score double precision,
  created timestamp NOT NULL, status text NOT NULL)"""
CONSTANTS = ("INSERT INTO people (id, first_name, last_name, email, city, amount, score, created, status) "
             "SELECT g.i, 'Alice', 'Smith', 'alice@example.com', 'London', 12.34, 0.5, "
             "TIMESTAMP '2020-01-01 00:00:00', 'active' FROM generate_series(1::bigint, %s) AS g(i)")
CONFIG = {"tables": {"people": {"rows": None, "row_generators": [
    {"name": "generic.person.first_name", "columns_assigned": "first_name"},
    {"name": "generic.person.last_name", "columns_assigned": "last_name"},
    {"name": "generic.person.email", "columns_assigned": "email", "kwargs": {"domains": ["gmail.com", "ucl.ac.uk"]}},
    {"name": "generic.address.city", "columns_assigned": "city"},
    {"name": "dist_gen.lognormal", "columns_assigned": "amount", "kwargs": {"logmean": 2.3, "logsd": 0.8}},
    {"name": "dist_gen.normal", "columns_assigned": "score", "kwargs": {"mean": 50, "sd": 10}},
    {"name": "generic.datetime.datetime", "columns_assigned": "created", "kwargs": {"start": 2015, "end": 2025}},
    {"name": "dist_gen.weighted_choice", "columns_assigned": "status",
     "kwargs": {"a": [{"value": "active", "count": 70}, {"value": "closed", "count": 20}, {"value": "new", "count": 10}]}},
]}}}


def with_db(dsn: str, name: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(dsn).set(database=name).render_as_string(hide_password=False)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--dsn", default=os.environ.get("SQLSYNTH_TEST_DSN", "postgresql://root@127.0.0.1:5432/postgres"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="toy sizes: a smoke test of the benchmark itself")
    args = ap.parse_args(argv)
    if args.quick:
        args.rows, args.repeat = 2000, 1
    name = f"sqlsynth_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.dsn, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    db = with_db(args.dsn, name)
    try:
        with psycopg.connect(db, autocommit=True) as c:
            c.execute(DDL)
        schema = reflect(db, "public")
        cfg = dict(CONFIG)
        cfg["tables"]["people"]["rows"] = args.rows
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "config.yaml")
            with open(path, "w") as fh:
                yaml.safe_dump(cfg, fh)
            config = load_config(path)
        t0 = time.perf_counter()
        prog = compile_plan(build_plan(schema, config, seed=1))
        compile_s = time.perf_counter() - t0
        gen_times, const_times = [], []
        for _ in range(args.repeat):
            with psycopg.connect(db, autocommit=True) as c:
                c.execute("TRUNCATE people")
            t0 = time.perf_counter()
            run_program(db, prog)
            gen_times.append(time.perf_counter() - t0)
            with psycopg.connect(db) as c:
                sample = c.execute("SELECT first_name, last_name, email, city, amount, score, created, status "
                                   "FROM people ORDER BY id LIMIT 3").fetchall()
            with psycopg.connect(db, autocommit=True) as c:
                c.execute("TRUNCATE people")
                t0 = time.perf_counter()
                with c.transaction():
                    c.execute(CONSTANTS % args.rows)
                const_times.append(time.perf_counter() - t0)
        g, k = min(gen_times), min(const_times)
        with psycopg.connect(db) as c:
            ver = c.execute("SHOW server_version").fetchone()[0]
        print(f"# Generators vs constants ({args.rows:,} rows, best of {args.repeat}; PostgreSQL {ver}, "
              f"{os.cpu_count()} CPUs, {platform.python_version()})\n")
        print("| fill | seconds | rows/s |")
        print("|---|---:|---:|")
        print(f"| constant INSERT ... SELECT | {k:.2f} | {args.rows / k:,.0f} |")
        print(f"| sqlsynth (4 pools, lognormal, normal, datetime, weighted choice; incl. pool COPY, ANALYZE) | {g:.2f} | {args.rows / g:,.0f} |")
        print(f"\nratio sqlsynth / constant: **{k / g:.0%}** (target >= 70%); compile time {compile_s:.2f}s\n")
        print("Generated rows:\n")
        for r in sample:
            print("    ", r)
    finally:
        with psycopg.connect(args.dsn, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
