#!/usr/bin/env python
"""Pagila throughput benchmark: sqlsynth create-data against a constant INSERT ... SELECT ceiling.

Exact command (from the repository root, PostgreSQL at 127.0.0.1:5432, trust auth):

    .venv/bin/python benchmarks/bench_pagila.py --output benchmarks/RESULTS.md

Options: --passes N (default 30000), --fan-out F (default 8), --seed S (default 1), --repeat R (default 2),
--defer-fks (both loads drop every FK first and re-add it after the last INSERT),
--admin-dsn DSN (default postgresql://root@127.0.0.1:5432/postgres), --src-dsn DSN (reuse a
database that already holds Pagila instead of loading one), --pagila-dir DIR, --keep, --output FILE,
--quick (500 passes, fan-out 2, once: a smoke test of the benchmark, run by tests/test_benchmarks.py).

What one run does, all on the same server:

1. loads Pagila into a fresh source database (unless --src-dsn), reflects it with
   api.make_tables into a temporary directory, writes the starter config with
   api.generate_config, and creates two destination databases A and B with api.create_tables;
2. compiles the load (api.compile_program, timed on its own) and runs it into A with
   sqlsynth.execute.postgres.run_program -- exactly what api.create_data does -- keeping the
   per-table (rows, seconds) it returns (fixed seed, so every run writes the same rows);
3. runs the ceiling into B: the same program with every INSERT replaced by
   ``INSERT INTO t (same columns) SELECT <constant> ... FROM generate_series(1, n) AS g(i)``,
   where key columns get cheap arithmetic so constraints hold (primary key / unique / serial
   columns: g.i; foreign key columns: 1 + (g.i - 1) % parent_rows; composite keys made of
   foreign keys: mixed radix so pairs are distinct) and every other column a constant of its
   type (payment_date: '2007-03-15 12:00:00', inside partition payment_p2007_03). The other
   statements of the program (the FK drop/re-add that breaks the staff <-> store cycle, setval)
   run unchanged, in one transaction, like sqlsynth's.
   Steps 2 and 3 are done --repeat times (default 2), alternating which database goes first and
   emptying both in between (api.remove_data); each table's best time is reported. A CHECKPOINT
   precedes every load so neither pays for the other's dirty buffers;
4. prints a markdown table (and writes it with --output);
5. drops the databases it created, unless --keep.

Row counts. Pagila's foreign key columns are mostly ``smallint`` (city.country_id,
customer.address_id, film_actor.actor_id, rental.customer_id, ...), so a table referenced
by one cannot hold more than 32767 rows. The benchmark therefore keeps those tables at
``passes`` rows and gives the tables that only ``integer`` columns reference (or none:
film_actor, film_category, inventory, rental, payment) ``num_rows_per_pass: fan_out``.
Default: 10 tables x 30000 + 5 tables x 240000 = 1.5M rows. ``--fan-out 1 --passes 100000``
gives 15 x 100000 rows but exceeds the smallint range (the benchmark warns before running).
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

import psycopg
import yaml
from psycopg import conninfo, sql

from sqlsynth import api
from sqlsynth.compile.program import Program
from sqlsynth.compile.steps import CatalogConstraint, DropConstraint
from sqlsynth.execute.postgres import exec_step, run_program
from sqlsynth.schema.io import load_schema
from sqlsynth.schema.model import Schema, Table
from sqlsynth.settings import Settings

DEFAULT_ADMIN = "postgresql://root@127.0.0.1:5432/postgres"
DEFAULT_PAGILA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "sqlsynth", "examples", "pagila")
INT_MAX = {"smallint": 32767, "int2": 32767, "integer": 2147483647, "int4": 2147483647, "int": 2147483647,
           "bigint": 9223372036854775807, "int8": 9223372036854775807}
PARTITION_TS = "2007-03-15 12:00:00"  # inside payment_p2007_03


# --------------------------------------------------------------------------- databases

def with_db(dsn: str, dbname: str) -> str:
    return conninfo.make_conninfo(dsn, dbname=dbname)


def admin_exec(admin_dsn: str, statement: sql.Composable) -> None:
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(statement)


def create_db(admin_dsn: str, name: str) -> str:
    admin_exec(admin_dsn, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    admin_exec(admin_dsn, sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    return with_db(admin_dsn, name)


def drop_db(admin_dsn: str, name: str) -> None:
    try:
        admin_exec(admin_dsn, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    except psycopg.Error as e:
        print(f"warning: could not drop database {name}: {e}", file=sys.stderr)


def load_pagila(dsn: str, pagila_dir: str) -> None:
    """psql -f schema then data; the schema has a couple of statements PG15 rejects (no ON_ERROR_STOP)."""
    if not shutil.which("psql"):
        raise SystemExit("psql not found on PATH (needed to load Pagila)")
    for f in ("pagila-schema.sql", "pagila-data.sql"):
        path = os.path.join(pagila_dir, f)
        if not os.path.exists(path):
            raise SystemExit(f"{path} not found (use --pagila-dir or --src-dsn)")
        subprocess.run(["psql", "-q", "-X", "-d", dsn, "-f", path], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with psycopg.connect(dsn) as conn:
        n = conn.execute("SELECT count(*) FROM payment").fetchone()[0]
    if not n:
        raise SystemExit("Pagila did not load (payment is empty)")


def checkpoint(dsn: str) -> None:
    """Flush dirty buffers so one phase does not pay for the other's writes (needs superuser)."""
    try:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CHECKPOINT")
    except psycopg.Error:
        pass


# --------------------------------------------------------------------------- schema helpers

def base_type(t: str) -> str:
    return re.sub(r"\(.*?\)", "", t).strip().lower()


def all_fks(schema: Schema, t: Table):
    """FKs of a table plus those declared on its partitions (Pagila's payment keeps them there)."""
    out, seen = [], set()
    for tb in [t] + schema.partitions_of(t.name):
        for fk in tb.foreign_keys:
            key = (tuple(fk.columns), fk.ref_table, tuple(fk.ref_columns))
            if key not in seen:
                seen.add(key)
                out.append(fk)
    return out


def unique_sets(schema: Schema, t: Table) -> list[list[str]]:
    out, seen = [], set()
    for tb in [t] + schema.partitions_of(t.name):
        cons = ([tb.primary_key] if tb.primary_key else []) + list(tb.unique)
        cols = [u.columns for u in cons] + [ix.columns for ix in tb.indexes
                                            if ix.unique and ix.columns and not ix.where]
        for c in cols:
            if tuple(sorted(c)) not in seen:
                seen.add(tuple(sorted(c)))
                out.append(list(c))
    return out


def fan_out_config(schema: Schema, config_file: str, fan_out: int) -> list[str]:
    """Give num_rows_per_pass=fan_out to tables no smallint FK column points at; return them."""
    narrow_refs: set[str] = set()
    for t in schema.tables.values():
        for fk in t.foreign_keys:
            for c in fk.columns:
                if base_type(t.columns[c].type) in ("smallint", "int2"):
                    narrow_refs.add(fk.ref_table)
    with open(config_file, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    scaled = []
    for name, td in data["tables"].items():
        if fan_out != 1 and name not in narrow_refs and not td.get("ignore") and not td.get("vocabulary_table"):
            td["num_rows_per_pass"] = fan_out
            scaled.append(name)
    with open(config_file, "w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, sort_keys=False)
    return scaled


def smallint_overflows(schema: Schema, rows: dict[str, int]) -> list[str]:
    """FK columns whose type cannot hold every key of the parent at these row counts."""
    out = set()
    for t in schema.tables.values():
        if (t.partition_of or t.name) not in rows:
            continue
        for fk in t.foreign_keys:
            for c in fk.columns:
                lim = INT_MAX.get(base_type(t.columns[c].type))
                if lim and rows.get(fk.ref_table, 0) > lim:
                    out.add(f"{t.partition_of or t.name}.{c} ({t.columns[c].type}) -> "
                            f"{fk.ref_table} ({rows[fk.ref_table]} rows)")
    return sorted(out)


# --------------------------------------------------------------------------- the ceiling

_CONST = [  # (predicate on the lower-cased base type, literal text)
    (lambda b: b in INT_MAX or b in ("numeric", "decimal", "real", "double precision", "float4", "float8"), "1"),
    (lambda b: b in ("character varying", "varchar", "character", "char", "bpchar", "text", "name", "citext"), "x"),
    (lambda b: b.startswith("timestamp"), PARTITION_TS),
    (lambda b: b == "date", "2007-03-15"),
    (lambda b: b.startswith("time"), "12:00:00"),
    (lambda b: b in ("boolean", "bool"), "true"),
    (lambda b: b == "bytea", "\\x00"),
    (lambda b: b == "tsvector", "x"),
    (lambda b: b in ("tsrange", "tstzrange"), f"[{PARTITION_TS},2007-03-16 12:00:00)"),
    (lambda b: b == "daterange", "[2007-03-15,2007-03-16)"),
    (lambda b: b in ("json", "jsonb"), "{}"),
    (lambda b: b == "uuid", "00000000-0000-0000-0000-000000000001"),
    (lambda b: b == "interval", "1 day"),
    (lambda b: b == "inet", "127.0.0.1"),
]


def constant_text(schema: Schema, src_conn, table: str, col) -> str | None:
    """Text of a constant of the column's type; None for NULL."""
    b = base_type(col.type)
    if b.endswith("[]"):
        inner = constant_text(schema, src_conn, table, type(col)(name=col.name, type=col.type[:-2]))
        return "{" + (inner or "") + "}" if inner is not None else "{}"
    if col.type in schema.enums:
        return schema.enums[col.type].labels[0]
    for pred, text in _CONST:
        if pred(b):
            return text
    # a domain or another type: take one real value from the source (satisfies its CHECKs)
    row = src_conn.execute(
        sql.SQL("SELECT {c}::text FROM {t} WHERE {c} IS NOT NULL ORDER BY ctid LIMIT 1").format(
            c=sql.Identifier(col.name), t=sql.Identifier(table))).fetchone()
    if row is None:
        if col.nullable:
            return None
        raise SystemExit(f"no constant for {table}.{col.name} ({col.type})")
    return row[0]


def ceiling_sql(schema: Schema, src_conn, plan_rows: dict[str, int], dst_schema: str, table: str,
                columns: list[str], n: int, overriding: bool) -> str:
    t = schema.tables[table]
    fk_parent: dict[str, tuple[str, int]] = {}  # column -> (parent, usable parent rows)
    for fk in all_fks(schema, t):
        for c in fk.columns:
            lim = INT_MAX.get(base_type(t.columns[c].type), 2 ** 31 - 1)
            fk_parent.setdefault(c, (fk.ref_table, min(plan_rows.get(fk.ref_table, 0), lim)))
    exprs: dict[str, str] = {}
    # composite keys whose columns are all FKs: mixed radix over the parents' row counts
    for cols in unique_sets(schema, t):
        if len(cols) > 1 and all(c in fk_parent for c in cols) and not any(c in exprs for c in cols):
            div = 1
            for c in cols:
                p = fk_parent[c][1]
                exprs[c] = f"1 + ((g.i - 1) / {div}) % {p}" if div > 1 else f"1 + (g.i - 1) % {p}"
                div *= p
            if n > div:
                raise SystemExit(f"{table}: {n} rows do not fit the key {cols} ({div} combinations)")
    for c in columns:
        if c in exprs:
            continue
        col = t.columns[c]
        if c in fk_parent:
            parent, p = fk_parent[c]
            if p <= 0:
                raise SystemExit(f"{table}.{c}: parent {parent} has no rows")
            exprs[c] = f"1 + (g.i - 1) % {p}"
        elif col.primary or col.serial or col.identity or any(c in u for u in unique_sets(schema, t)):
            exprs[c] = "g.i"
        else:
            text = constant_text(schema, src_conn, table, col)
            lit = "NULL" if text is None else "'" + text.replace("'", "''") + "'"
            exprs[c] = f"CAST({lit} AS {col.type})"
    head = (f"INSERT INTO {sql.Identifier(dst_schema, table).as_string(src_conn)} "
            f"({', '.join(sql.Identifier(c).as_string(src_conn) for c in columns)})")
    if overriding:
        head += " OVERRIDING SYSTEM VALUE"
    return f"{head}\nSELECT {', '.join(exprs[c] for c in columns)}\nFROM generate_series(1::bigint, {n}) AS g(i)"


def defer_fks(prog: Program, dsn: str) -> Program:
    """A copy of the program that drops all foreign keys after the guard and re-adds them after the last INSERT."""
    with psycopg.connect(dsn) as conn:
        fks = conn.execute(
            "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conparentid = 0 AND connamespace = 'public'::regnamespace ORDER BY 1, 2").fetchall()
    dropped_by_prog = {s.name for s in prog.steps if isinstance(s, DropConstraint)}
    drops, adds = [], []
    for table, name, definition in fks:
        if name.strip(chr(34)) in dropped_by_prog:
            continue  # the program already moves this one (a cycle)
        drops.append(CatalogConstraint(f"ALTER TABLE {table} DROP CONSTRAINT {name}"))
        adds.append(CatalogConstraint(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"))
    steps = list(prog.steps)
    last = max(i for i, s in enumerate(steps) if s.kind == "insert")
    steps[last + 1:last + 1] = adds
    first = next(i for i, s in enumerate(steps) if s.kind != "guard")
    steps[first:first] = drops
    print(f"--defer-fks: {len(drops)} foreign keys dropped before the inserts and re-added after them")
    return Program(seed=prog.seed, steps=steps, tables=list(prog.tables), warnings=list(prog.warnings))


def run_ceiling(dsn: str, prog: Program, inserts: dict[str, str]) -> dict[str, tuple[int, float]]:
    """The program's plain SQL steps (FK drop/re-add, setval) and its INSERTs, replaced, in order, in one
    transaction. The guard, the value pools (temp tables filled by COPY) and ANALYZE are left out: only
    sqlsynth's own INSERTs need them."""
    stats: dict[str, tuple[int, float]] = {}
    with psycopg.connect(dsn) as conn:
        with conn.transaction():
            for step in prog.steps:
                if not step.transactional or step.kind not in ("sql", "insert", "constraint"):
                    continue
                if step.kind == "insert":
                    t0 = time.perf_counter()
                    conn.execute(inserts[step.table])
                    stats[step.table] = (step.rows, time.perf_counter() - t0)
                else:
                    exec_step(conn, step)
    return stats


# --------------------------------------------------------------------------- report

def git_version() -> str:
    """HEAD of the checkout holding sqlsynth, '+dirty' when sqlsynth/ has uncommitted changes."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--", "sqlsynth"], capture_output=True,
                               text=True, check=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def rate(rows: int, secs: float) -> str:
    return f"{rows / secs:,.0f}" if secs > 0 else "-"


def markdown(order, a, b, meta) -> str:
    lines = [
        "# sqlsynth Pagila benchmark: create-data vs a constant INSERT ... SELECT ceiling",
        "",
        f"Command: `{meta['command']}`",
        "",
        f"- date: {meta['date']}, sqlsynth commit {meta['git']}",
        f"- PostgreSQL: {meta['pg']}",
        f"- CPUs: {meta['cpus']} (client and server on the same host)",
        f"- foreign keys: {'dropped before the INSERTs and re-added after them (--defer-fks), in both loads' if meta['defer_fks'] else 'in place (checked row by row)'}",
        f"- passes: {meta['passes']}, fan-out: {meta['fan_out']} (tables with num_rows_per_pass={meta['fan_out']}: "
        f"{', '.join(meta['scaled']) or 'none'}), seed: {meta['seed']}",
        f"- repeat: {meta['repeat']} (each database loaded {meta['repeat']}x, alternating which goes first; "
        "every figure is the best of the repeats)",
        f"- compile (api.compile_program): {meta['compile']:.3f} s",
        f"- sqlsynth run_program wall time (best) (inserts + FK re-add + setval + commit + ANALYZE): {meta['run_wall']:.2f} s",
        f"- ceiling transaction wall time (best) (inserts + FK re-add + setval + commit): {meta['ceil_wall']:.2f} s",
        "",
        "| table | rows | sqlsynth s | sqlsynth rows/s | constant s | constant INSERT...SELECT rows/s | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    ta = tb = 0.0
    total = 0
    for t in order:
        rows, sa = a[t]
        sb = b[t][1]
        ta += sa
        tb += sb
        total += rows
        lines.append(f"| {t} | {rows:,} | {sa:.3f} | {rate(rows, sa)} | {sb:.3f} | {rate(rows, sb)} | "
                     f"{(sb / sa if sa else 0):.2f} |")
    lines.append(f"| **total** | **{total:,}** | **{ta:.2f}** | **{rate(total, ta)}** | **{tb:.2f}** | "
                 f"**{rate(total, tb)}** | **{(tb / ta if ta else 0):.2f}** |")
    lines += ["", "ratio = sqlsynth rows/s / constant rows/s (1.00 = at the ceiling). Seconds are per INSERT "
              "statement, measured by the client, inside one transaction per database."]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=30000)
    ap.add_argument("--fan-out", type=int, default=8,
                    help="num_rows_per_pass for tables no smallint FK references (default 8)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=2,
                    help="load both databases this many times (alternating order), keep each table's best")
    ap.add_argument("--defer-fks", action="store_true",
                    help="in both loads, drop every foreign key before the first INSERT and re-add it (one "
                         "validating query each) after the last: shows what per-row FK checks cost")
    ap.add_argument("--admin-dsn", default=DEFAULT_ADMIN)
    ap.add_argument("--src-dsn", default=None, help="an existing database holding Pagila (not dropped)")
    ap.add_argument("--pagila-dir", default=DEFAULT_PAGILA)
    ap.add_argument("--output", default=None, help="write the markdown here")
    ap.add_argument("--keep", action="store_true", help="keep the databases and the temp dir")
    ap.add_argument("--quick", action="store_true", help="toy sizes: a smoke test of the benchmark itself")
    args = ap.parse_args(argv)
    if args.quick:
        args.passes, args.fan_out, args.repeat = 500, 2, 1
    if args.passes < 1 or args.fan_out < 1 or args.repeat < 1:
        ap.error("--passes, --fan-out and --repeat must be >= 1")

    command = " ".join([".venv/bin/python", "benchmarks/bench_pagila.py"] + (argv if argv is not None else sys.argv[1:]))
    tag = f"{os.getpid()}"
    created: list[str] = []
    tmp = tempfile.mkdtemp(prefix="bench_pagila_")
    orm, cfg = os.path.join(tmp, "orm.yaml"), os.path.join(tmp, "config.yaml")
    try:
        # 1. source, reflection, config, destinations
        if args.src_dsn:
            src = args.src_dsn
        else:
            name = f"sqlsynth_bench_src_{tag}"
            src = create_db(args.admin_dsn, name)
            created.append(name)
            t0 = time.perf_counter()
            load_pagila(src, args.pagila_dir)
            print(f"loaded Pagila into {name} in {time.perf_counter() - t0:.1f}s")
        api.make_tables(Settings(src_dsn=src), orm, force=True)
        api.generate_config(Settings(src_dsn=src), orm, cfg, force=True, fit=False, rules=False)  # bench_rules.py: with rules
        schema = load_schema(orm)
        scaled = fan_out_config(schema, cfg, args.fan_out)
        dsts = {}
        for which in ("a", "b"):
            name = f"sqlsynth_bench_{which}_{tag}"
            dsts[which] = create_db(args.admin_dsn, name)
            created.append(name)
            api.create_tables(Settings(src_dsn=src, dst_dsn=dsts[which]), orm, cfg)

        # compile (timed on its own; api.create_data = this + run_program)
        t0 = time.perf_counter()
        prog = api.compile_program(orm, cfg, args.passes, args.seed, "public")
        compile_s = time.perf_counter() - t0
        plan = api.plan_load(orm, cfg, args.passes, args.seed, "public")  # for the column lists
        order = [s.table for s in prog.steps if s.kind == "insert"]
        rows = {s.table: s.rows for s in prog.steps if s.kind == "insert"}
        print(f"compile: {compile_s:.3f}s; {len(order)} tables, {prog.total_rows:,} rows")
        for w in smallint_overflows(schema, rows):
            print(f"warning: key column narrower than its parent's row count, expect 'out of range': {w}",
                  file=sys.stderr)
        if args.defer_fks:
            prog = defer_fks(prog, dsts["a"])
        with psycopg.connect(src) as src_conn:
            inserts = {t: ceiling_sql(schema, src_conn, rows, "public", t, plan.tables[t].columns(), rows[t],
                                      plan.tables[t].overriding_system) for t in order}

        # 2. + 3. sqlsynth into A, the ceiling into B; with --repeat, alternate the order (AB, BA, ...),
        # empty both databases in between, and keep each table's best time
        a: dict[str, tuple[int, float]] = {}
        b: dict[str, tuple[int, float]] = {}
        run_wall = ceil_wall = float("inf")
        for r in range(args.repeat):
            if r:
                for which in ("a", "b"):
                    api.remove_data(Settings(src_dsn=src, dst_dsn=dsts[which]), orm, cfg)
            for which in (("a", "b") if r % 2 == 0 else ("b", "a")):
                if not args.quick:
                    checkpoint(dsts[which])
                t0 = time.perf_counter()
                if which == "a":
                    got = run_program(dsts["a"], prog)
                    run_wall = min(run_wall, time.perf_counter() - t0)
                    best = a
                else:
                    got = run_ceiling(dsts["b"], prog, inserts)
                    ceil_wall = min(ceil_wall, time.perf_counter() - t0)
                    best = b
                for t, (n, secs) in got.items():
                    if t not in best or secs < best[t][1]:
                        best[t] = (n, secs)
                print(f"  repeat {r + 1}/{args.repeat} {'sqlsynth' if which == 'a' else 'constant'}: "
                      f"{sum(x[1] for x in got.values()):.2f}s in INSERTs")
        # both databases must hold the same row counts
        for which in ("a", "b"):
            with psycopg.connect(dsts[which]) as conn:
                for t in order:
                    got = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
                    if got != rows[t]:
                        raise SystemExit(f"database {which}: {t} holds {got} rows, expected {rows[t]}")

        # 4. report
        with psycopg.connect(dsts["a"]) as conn:
            pg = conn.execute("SHOW server_version").fetchone()[0]
        meta = dict(command=command, date=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                    pg=pg, cpus=os.cpu_count(), passes=args.passes, fan_out=args.fan_out, scaled=scaled,
                    seed=args.seed, repeat=args.repeat, git=git_version(), defer_fks=args.defer_fks, compile=compile_s, run_wall=run_wall, ceil_wall=ceil_wall)
        text = markdown(order, a, b, meta)
        print()
        print(text)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text)
            print(f"wrote {args.output}")
        return 0
    finally:
        # 5. clean up
        if args.keep:
            print(f"kept databases {', '.join(created) or '-'} and {tmp}")
        else:
            for name in created:
                drop_db(args.admin_dsn, name)
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    from sqlsynth.errors import SqlsynthError

    try:
        sys.exit(main())
    except SqlsynthError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
