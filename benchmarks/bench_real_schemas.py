#!/usr/bin/env python
"""The unedited pipeline on a real schema: make-tables .. create-data, every constraint on and validated.

The repository holds no other project's DDL: point this script at a database you loaded yourself
(--src-dsn), or at a DDL file it loads into a fresh source database with psql (--ddl, repeatable,
run in order). Exact commands used for benchmarks/RESULTS_real_schemas.md are recorded there.

    .venv/bin/python benchmarks/bench_real_schemas.py --name northwind \\
        --src-dsn postgresql://root@127.0.0.1:5432/northwind \\
        --run passes=20 --run passes=1000,jobs=2 --output benchmarks/RESULTS_real_schemas.md

What one invocation does, exactly as a user would (the `sqlsynth` commands run as subprocesses with
SRC_DSN, SRC_SCHEMA and DST_DSN in their environment, in a temporary directory, no file edited):

1. ``make-tables``, ``generate-config``, ``make-stats``, ``make-vocab`` once (timed together: "prepare");
   generate-config shapes the config to a source that holds rows (``rows_from_source``: sized by
   ``--scale``), and gets ``--no-fit`` (the starter config, sized by ``--num-passes``) for a schema
   loaded without data -- the "config" column says which;
2. for every --run (``passes=N``, ``scale=X``, ``jobs=J``, comma-separated): a fresh destination
   database, ``create-tables``, ``create-vocab``, ``create-data [--num-passes N] [--scale X] [--jobs J]``
   (timed: "load");
3. counts in the destination: tables, CHECK / FOREIGN KEY / UNIQUE+PRIMARY KEY constraints, how many
   are NOT validated (``pg_constraint.convalidated``), total rows; and in the source the same
   constraint counts, so a constraint lost on the way shows;
4. prints one markdown row per run (and appends them to --output).

A failed step is reported with its last error line and the script goes on to the next run; the exit
status is 1 if any step failed or any destination constraint is not validated.

Options: --name LABEL, --src-dsn DSN | --ddl FILE..., --schema S (SRC_SCHEMA: a name, a list, or all;
default public), --admin-dsn DSN, --run SPEC (repeatable; default passes=20 and passes=1000,jobs=2),
--keep (leave the databases and the working directory), --output FILE, --quick (a small schema of
our own with a CHECK, a unique code and a foreign key, two tiny runs: the smoke test run by
tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import psycopg
from psycopg import conninfo, sql

DEFAULT_ADMIN = "postgresql://root@127.0.0.1:5432/postgres"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir)

QUICK_DDL = """
CREATE TABLE region (id serial PRIMARY KEY, code char(2) NOT NULL UNIQUE,
                     name text NOT NULL CHECK (name <> ''));
CREATE TABLE shop (id serial PRIMARY KEY, region_id integer NOT NULL REFERENCES region,
                   opened date NOT NULL, closed date, CHECK (closed >= opened OR closed IS NULL),
                   kind text NOT NULL CHECK (upper(kind) IN ('A', 'B')));
"""

CONSTRAINT_COUNTS = """
SELECT count(*) FILTER (WHERE c.contype = 'c'),
       count(*) FILTER (WHERE c.contype = 'f'),
       count(*) FILTER (WHERE c.contype IN ('u', 'p')),
       count(*) FILTER (WHERE c.contype = 'x'),
       count(*) FILTER (WHERE NOT c.convalidated)
FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'sqlsynth%' AND c.conrelid <> 0 AND (c.conparentid = 0)
"""

TABLES = """
SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'sqlsynth%'
ORDER BY 1, 2
"""


def with_db(dsn: str, dbname: str) -> str:
    return conninfo.make_conninfo(dsn, dbname=dbname)


def create_db(admin: str, name: str) -> str:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return with_db(admin, name)


def drop_db(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def counts(dsn: str, rows: bool) -> dict:
    with psycopg.connect(dsn, autocommit=True) as conn:
        checks, fks, uniq, excl, invalid = conn.execute(CONSTRAINT_COUNTS).fetchone()
        tables = conn.execute(TABLES).fetchall()
        total = 0
        if rows:
            for s, t in tables:
                total += conn.execute(sql.SQL("SELECT count(*) FROM {}.{}").format(
                    sql.Identifier(s), sql.Identifier(t))).fetchone()[0]
    return {"tables": len(tables), "checks": checks, "fks": fks, "unique": uniq, "exclusion": excl,
            "invalid": invalid, "rows": total}


def sqlsynth(args: list[str], cwd: str, env: dict) -> tuple[bool, float, str]:
    """Run one sqlsynth command as a user would; (ok, seconds, last error line)."""
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", "from sqlsynth.cli import main; main()", *args], cwd=cwd, env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    with open(os.path.join(cwd, "commands.log"), "a", encoding="utf-8") as log:
        log.write(f"$ sqlsynth {' '.join(args)}  # exit {p.returncode}, {dt:.1f} s\n{p.stdout}{p.stderr}\n")
    lines = [ln.strip() for ln in (p.stderr or p.stdout).splitlines() if ln.strip() and "warning:" not in ln]
    # every problem line (a config check reports them all at once), shortened for the table
    err = "; ".join(lines[-6:]) if p.returncode else ""
    return p.returncode == 0, dt, err[:600]


def parse_run(spec: str) -> dict:
    out: dict = {}
    for part in spec.split(","):
        key, _, value = part.partition("=")
        if key not in ("passes", "scale", "jobs") or not value:
            raise SystemExit(f"--run {spec!r}: expected passes=N, scale=X, jobs=J separated by commas")
        out[key] = float(value) if key == "scale" else int(value)
    return out


def run_args(run: dict) -> list[str]:
    args = []
    if "passes" in run:
        args += ["--num-passes", str(run["passes"])]
    if "scale" in run:
        args += ["--scale", str(run["scale"])]
    if "jobs" in run:
        args += ["--jobs", str(run["jobs"])]
    return args


def load_ddl(dsn: str, files: list[str]) -> None:
    for f in files:
        p = subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-f", f],
                           capture_output=True, text=True)
        if p.returncode:
            raise SystemExit(f"{f}: psql failed: {p.stderr.strip().splitlines()[-1]}")


def bench(name: str, src: str, schema: str, admin: str, runs: list[dict], keep: bool) -> tuple[list[dict], bool]:
    work = tempfile.mkdtemp(prefix=f"sqlsynth-real-{name}-")
    env = {k: v for k, v in os.environ.items() if k not in ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")}
    env.update(SRC_DSN=src, SRC_SCHEMA=schema, PYTHONPATH=os.path.abspath(ROOT))
    src_counts = counts(src, rows=True)
    results, ok_all = [], True
    prep_ok, prep_s, prep_err = True, 0.0, ""
    # a source with rows: the config shaped to it (rows_from_source, sized by --scale); a schema
    # loaded without data: the starter config (num_rows_per_pass, sized by --num-passes)
    fit = ["--no-fit"] if src_counts["rows"] == 0 else []
    for cmd in (["make-tables"], ["generate-config", *fit], ["make-stats"], ["make-vocab"]):
        ok, dt, err = sqlsynth(cmd, work, env)
        prep_s += dt
        if not ok:
            prep_ok, prep_err = False, f"{cmd[0]}: {err}"
            break
    for run in runs:
        dst_name = f"sqlsynth_real_{name}_{uuid.uuid4().hex[:8]}"
        dst = create_db(admin, dst_name)
        env_run = dict(env, DST_DSN=dst)
        row = {"schema": name, "run": " ".join(run_args(run)), "config": "starter (--no-fit)" if fit else "shaped", "src": src_counts, "prepare_s": prep_s,
               "error": prep_err, "load_s": 0.0, "dst": None}
        if prep_ok:
            for cmd in (["create-tables"], ["create-vocab"], ["create-data", *run_args(run)]):
                ok, dt, err = sqlsynth(cmd, work, env_run)
                row["load_s"] += dt
                if not ok:
                    row["error"] = f"{cmd[0]}: {err}"
                    break
            row["dst"] = counts(dst, rows=True)
        ok_all &= not row["error"] and row["dst"] is not None and row["dst"]["invalid"] == 0
        results.append(row)
        print(format_row(row), flush=True)
        if not keep:
            drop_db(admin, dst_name)
    if keep:
        print(f"kept {work}", file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return results, ok_all


HEADER = ("| schema | config | run | tables | CHECK (src/dst) | FK (src/dst) | unique+PK (src/dst) | not validated | "
          "rows written | prepare s | load s | result |\n|---|---|---|---|---|---|---|---|---|---|---|---|")


def format_row(r: dict) -> str:
    s, d = r["src"], r["dst"] or {}
    result = "ok" if not r["error"] and d and d["invalid"] == 0 else (r["error"] or "constraints not validated")
    return (f"| {r['schema']} | {r['config']} | {r['run']} | {s['tables']} | {s['checks']}/{d.get('checks', '-')} | "
            f"{s['fks']}/{d.get('fks', '-')} | {s['unique']}/{d.get('unique', '-')} | {d.get('invalid', '-')} | "
            f"{d.get('rows', 0):,} | {r['prepare_s']:.1f} | {r['load_s']:.1f} | {result.replace('|', '/')} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--name", default="schema")
    ap.add_argument("--src-dsn")
    ap.add_argument("--ddl", action="append", default=[])
    ap.add_argument("--schema", default="public")
    ap.add_argument("--admin-dsn", default=DEFAULT_ADMIN)
    ap.add_argument("--run", action="append", default=[])
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--output")
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args(argv)
    runs = [parse_run(s) for s in a.run] or ([{"passes": 5}, {"passes": 50, "jobs": 2}] if a.quick
                                            else [{"passes": 20}, {"passes": 1000, "jobs": 2}])
    made = None
    ddl_files = list(a.ddl)
    tmp_ddl = None
    if a.quick and not a.src_dsn and not ddl_files:
        fd, tmp_ddl = tempfile.mkstemp(suffix=".sql")
        with os.fdopen(fd, "w") as fh:
            fh.write(QUICK_DDL)
        ddl_files = [tmp_ddl]
        a.name = "quick"
    if a.src_dsn and ddl_files:
        raise SystemExit("give --src-dsn or --ddl, not both")
    if not a.src_dsn and not ddl_files:
        raise SystemExit("give --src-dsn DSN (a database you loaded) or --ddl FILE")
    src = a.src_dsn
    try:
        if ddl_files:
            made = f"sqlsynth_real_src_{a.name}_{uuid.uuid4().hex[:8]}"
            src = create_db(a.admin_dsn, made)
            load_ddl(src, ddl_files)
        print(HEADER, flush=True)
        results, ok = bench(a.name, src, a.schema, a.admin_dsn, runs, a.keep)
    finally:
        if made and not a.keep:
            drop_db(a.admin_dsn, made)
        if tmp_ddl:
            os.unlink(tmp_ddl)
    if a.output:
        new = not os.path.exists(a.output) or not open(a.output, encoding="utf-8").read().strip()
        with open(a.output, "a", encoding="utf-8") as fh:
            if new:
                fh.write(HEADER + "\n")
            for r in results:
                fh.write(format_row(r) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
