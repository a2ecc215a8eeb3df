#!/usr/bin/env python
"""Start-up benchmark: the whole-process wall time of `sqlsynth create-data` on the bundled Pagila
example, against the server's floor (`psql -f` of the same compiled script) and the interpreter's
floor (`python -c pass`).

Exact command (from the repository root, PostgreSQL at 127.0.0.1:5432, trust auth):

    .venv/bin/python benchmarks/bench_startup.py --before /path/to/a/checkout/of/main \\
        --output benchmarks/RESULTS_startup.md

Options: --passes N (default 3000: 15 tables x 3000 = 45,000 rows), --seed S (default 1), --runs R
(default 5: each figure is the best of R), --admin-dsn DSN (default postgresql://root@127.0.0.1:5432/postgres),
--before DIR (another source tree, e.g. `git worktree add /tmp/main main`, measured in the same run
with PYTHONPATH=DIR), --output FILE, --quick (50 passes, 1 run: a smoke test of the benchmark, run by
tests/test_benchmarks.py).

What one run does, all on the same server, in a temporary working directory holding the example's
orm.yaml and config.yaml (sqlsynth/examples/pagila):

R rounds, each running every variant once (so that they share the host's load), each figure the
best of its R runs:

1. for each tree (this one, and --before if given): a fresh destination database (CREATE DATABASE,
   then `sqlsynth create-tables`, not timed), then `python -m sqlsynth create-data --num-passes N
   --seed S` timed from fork to exit. This tree runs twice: with its pool cache removed
   (./.sqlsynth/cache: "cold", the first run after a change of config or seed), then with it
   filled ("warm");
2. the server's floor: `psql -X -q -v ON_ERROR_STOP=1 -f` of the same load compiled once as one
   script (`sqlsynth compile`), into a fresh database after create-tables: the work PostgreSQL
   does for these rows, with a client that costs nothing;
3. the interpreter's floor: `python -c pass`;
4. the breakdown of one warm run of each tree, in its own interpreter: imports (`-X importtime`: the
   sum over the modules the run imported, whenever it imported them), then the library's phases,
   timed by wrapping sqlsynth.api's functions: loading orm.yaml + config.yaml (with validation),
   building the plan (pools included), compiling, and the rest of create-data (connecting,
   inserting, constraints, ANALYZE);
5. prints a markdown table (and writes it with --output); drops the databases it made.

Python runs with bytecode caching on (PYTHONDONTWRITEBYTECODE unset), as an installed sqlsynth does;
a first run fills each tree's __pycache__ before anything is timed.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import psycopg
from psycopg import conninfo, sql

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
PAGILA = os.path.join(ROOT, "sqlsynth", "examples", "pagila")
DEFAULT_ADMIN = "postgresql://root@127.0.0.1:5432/postgres"
# the program as a user runs it (`python -m sqlsynth` is the console script's entry point: since cli.run,
# the process ends without the interpreter's teardown, which calling cli.main from -c would leave in)
CLI = ["-m", "sqlsynth"]
# one warm create-data with sqlsynth.api's functions timed (those a tree lacks are left out)
PHASES = r"""
import sys, time, json
t0 = time.perf_counter()
from sqlsynth import api
from sqlsynth.settings import load_settings
import sqlsynth.compile.program, sqlsynth.plan.build  # the api imports them at import or when it calls them
spent = {"import sqlsynth.cli/api": time.perf_counter() - t0}
# sqlsynth.api is a package of modules calling each other: the name is replaced in every one that has it,
# and in the modules that define it (for a function the api imports when it calls it)
OWNERS = ("sqlsynth.compile.program", "sqlsynth.plan.build")
MODULES = [m for k, m in list(sys.modules.items()) if k == "sqlsynth.api" or k.startswith("sqlsynth.api.") or k in OWNERS]
def timed(name, label):
    f = next((getattr(m, name) for m in MODULES if hasattr(m, name)), None)
    if f is None:
        return
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            spent[label] = spent.get(label, 0.0) + time.perf_counter() - t
    for m in MODULES:
        if getattr(m, name, None) is f:
            setattr(m, name, wrapper)
timed("load_inputs", "load + validate orm.yaml, config.yaml")
timed("build_plan", "build the plan (pools included)")
timed("compile_plan", "compile")
t = time.perf_counter()
api.create_data(load_settings(), "orm.yaml", None, int(sys.argv[1]), int(sys.argv[2]))
total = time.perf_counter() - t
spent["execute: connect, insert, constraints, ANALYZE"] = total - sum(v for k, v in spent.items() if k[0] != "i")
print(json.dumps(spent))
"""


def with_db(dsn: str, dbname: str) -> str:
    return conninfo.make_conninfo(dsn, dbname=dbname)


def fresh_db(admin: str, name: str) -> str:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    return with_db(admin, name)


def drop_db(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def env_for(tree: str, dst: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = tree
    if dst:
        env["DST_DSN"] = dst
    return env


def run(cmd: list[str], cwd: str, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])}... failed ({p.returncode}):\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
    return wall, p


def cli(tree: str, cwd: str, dst: str, *args: str) -> float:
    return run([sys.executable, *CLI, *args], cwd, env_for(tree, dst))[0]


def workdir(base: str, name: str) -> str:
    d = os.path.join(base, name)
    os.makedirs(d)
    for f in ("orm.yaml", "config.yaml"):
        shutil.copy(os.path.join(PAGILA, f), d)
    return d


def create_data(tree: str, cwd: str, admin: str, db: str, passes: int, seed: int) -> float:
    dst = fresh_db(admin, db)
    cli(tree, cwd, dst, "create-tables")
    return cli(tree, cwd, dst, "create-data", "--num-passes", str(passes), "--seed", str(seed))


def import_seconds(tree: str, cwd: str, dst: str, passes: int, seed: int) -> float:
    """Sum of the top-level imports of one create-data run (-X importtime: microseconds, cumulative)."""
    p = run([sys.executable, "-X", "importtime", *CLI, "create-data", "--num-passes", str(passes),
             "--seed", str(seed)], cwd, env_for(tree, dst))[1]
    total = 0
    for line in p.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", line)
        if m:  # no indentation before the name: a top-level import (its children are inside)
            total += int(m.group(1))
    return total / 1e6


def phases(tree: str, cwd: str, dst: str, passes: int, seed: int) -> dict[str, float]:
    import json

    p = run([sys.executable, "-c", PHASES, str(passes), str(seed)], cwd, env_for(tree, dst))[1]
    return json.loads(p.stdout.strip().splitlines()[-1])


def commit_of(tree: str) -> str:
    p = subprocess.run(["git", "-C", tree, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", tree, "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True).stdout.strip()
    return (p.stdout.strip() + (" + uncommitted changes" if dirty else "")) if p.returncode == 0 else "not a git tree"


def ms(s: float) -> str:
    return f"{s * 1000:,.0f}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--admin-dsn", default=DEFAULT_ADMIN)
    ap.add_argument("--before", default=None, metavar="DIR", help="another source tree to measure (e.g. main)")
    ap.add_argument("--output", default=None)
    ap.add_argument("--quick", action="store_true", help="50 passes, one run: a smoke test of the benchmark")
    args = ap.parse_args(argv)
    if args.quick:
        args.passes, args.runs = 50, 1
    if shutil.which("psql") is None:
        raise SystemExit("psql not found on PATH (the server's floor runs the compiled script with it)")
    trees = [("this tree", ROOT)] + ([("before (--before)", os.path.abspath(args.before))] if args.before else [])
    tag = uuid.uuid4().hex[:8]
    db = f"sqlsynth_bstart_{tag}"
    base = tempfile.mkdtemp(prefix="sqlsynth_bstart_")
    rows = 15 * args.passes
    breakdown: dict[str, tuple[float, dict[str, float]]] = {}
    try:
        dirs = {label: workdir(base, re.sub(r"\W+", "_", label)) for label, _ in trees}
        for label, tree in trees:  # fills __pycache__ (and, for this tree, a pool cache of another size)
            create_data(tree, dirs[label], args.admin_dsn, db, 2, args.seed)
        cwd = dirs[trees[0][0]]
        script = os.path.join(base, "load.sql")
        cli(ROOT, cwd, fresh_db(args.admin_dsn, db), "compile", "--num-passes", str(args.passes), "--seed",
            str(args.seed), "-o", script)
        times: dict[str, list[float]] = {}
        for _ in range(args.runs):  # rounds: every variant once per round, so they share the host's load
            for label, tree in trees:
                if tree == ROOT:
                    shutil.rmtree(os.path.join(dirs[label], ".sqlsynth"), ignore_errors=True)
                    times.setdefault(f"{label}, empty pool cache (cold)", []).append(
                        create_data(tree, dirs[label], args.admin_dsn, db, args.passes, args.seed))
                name = label + (", pool cache filled (warm)" if tree == ROOT else "")
                times.setdefault(name, []).append(create_data(tree, dirs[label], args.admin_dsn, db, args.passes,
                                                              args.seed))
            # the server's floor: the same load as one script through psql
            dst = fresh_db(args.admin_dsn, db)
            cli(ROOT, cwd, dst, "create-tables")
            times.setdefault("server's floor: psql -f of the compiled script", []).append(
                run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst, "-f", script], cwd, env_for(ROOT))[0])
            times.setdefault("interpreter's floor: python -c pass", []).append(
                run([sys.executable, "-c", "pass"], base, env_for(ROOT))[0])
        best = {k: min(v) for k, v in times.items()}
        for label, tree in trees:
            dst = fresh_db(args.admin_dsn, db)
            cli(tree, dirs[label], dst, "create-tables")
            imports = import_seconds(tree, dirs[label], dst, args.passes, args.seed)
            dst = fresh_db(args.admin_dsn, db)
            cli(tree, dirs[label], dst, "create-tables")
            breakdown[label] = (imports, phases(tree, dirs[label], dst, args.passes, args.seed))
        with psycopg.connect(args.admin_dsn) as conn:
            server = conn.execute("SHOW server_version").fetchone()[0]
    finally:
        drop_db(args.admin_dsn, db)
        shutil.rmtree(base, ignore_errors=True)

    psql_floor = best["server's floor: psql -f of the compiled script"]
    out = [f"# Start-up: whole-process `sqlsynth create-data` on the Pagila example ({_dt.date.today()})", "",
           f"`sqlsynth create-data --num-passes {args.passes} --seed {args.seed}`: **{rows:,} rows** in 15 tables, "
           f"into a fresh database each time (create-tables not timed); best of {args.runs}. PostgreSQL {server}, "
           f"Python {sys.version.split()[0]}. Command: `{' '.join(['benchmarks/bench_startup.py', *(argv if argv is not None else sys.argv[1:])])}`.",
           "", "Trees: " + "; ".join(f"{label} = {commit_of(tree)}" for label, tree in trees) + ".",
           "", "| run | wall ms (best) | minus psql floor, ms |", "|---|---:|---:|"]
    for label, s in best.items():
        out.append(f"| {label} | {ms(s)} | {ms(s - psql_floor) if 'floor' not in label else ''} |")
    out += ["", "## Breakdown of one warm run", "",
            "Imports: `-X importtime`, summed over every module the run imported (whenever it did). Phases: "
            "sqlsynth.api's functions timed in one interpreter (imports made inside a phase count in both).", ""]
    labels = list(breakdown)
    out.append("| | " + " | ".join(f"{l}, ms" for l in labels) + " |")
    out.append("|---|" + "---:|" * len(labels))
    out.append("| all imports (-X importtime) | " + " | ".join(ms(breakdown[l][0]) for l in labels) + " |")
    keys = list(dict.fromkeys(k for l in labels for k in breakdown[l][1]))
    for k in keys:
        out.append(f"| {k} | " + " | ".join(ms(breakdown[l][1][k]) if k in breakdown[l][1] else "" for l in labels)
                   + " |")
    text = "\n".join(out) + "\n"
    print(text)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
