"""--jobs scaling on this machine: the ceiling of two connections, then sqlsynth --jobs 1 against --jobs 2.

(a) Ceiling: a Pagila payment-shaped heap (no index, as a deferred load leaves it) filled on the server
    by INSERT ... SELECT over generate_series, ROWS rows:
      one     -- one connection, all rows into one table;
      2-one   -- two connections at once, half the rows each, into the SAME table;
      2-two   -- two connections at once, half the rows each, into two tables.
    The ratio one / 2-x is what --jobs 2 can reach for its insert phase on this host (client and
    server share its cores). pg_stat_activity of the two backends is sampled meanwhile (wait events).
(b) sqlsynth: Pagila with --passes and --fan-out (5.1M rows by default), run_load (what create-data
    runs) at --jobs 1 and --jobs 2, constraints deferred, each run into a fresh database after a
    CHECKPOINT; insert phase and end to end; the workers' wait events sampled during --jobs 2.
(c) peak RSS of `sqlsynth create-data --jobs 2` and `--jobs 1` in their own processes (VmHWM).

Every variant runs --repeat times, interleaved (the order rotates); the best is kept.
Usage: .venv/bin/python benchmarks/bench_jobs.py [--repeat 3] [--rows 4000000] [--output FILE]
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time

import psycopg
from psycopg import sql

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from bench_pagila import (DEFAULT_ADMIN, DEFAULT_PAGILA, checkpoint, create_db, drop_db,  # noqa: E402
                          fan_out_config, git_version, load_pagila)
from run_all import peak_rss  # noqa: E402

from sqlsynth import api  # noqa: E402
from sqlsynth.execute import schedule as workers  # noqa: E402 - ASYNC_COMMIT
from sqlsynth.compile.chunks import DEFAULT_CHUNK_ROWS, split_program  # noqa: E402
from sqlsynth.compile.steps import is_context  # noqa: E402
from sqlsynth.execute.constraints import read_deferrable  # noqa: E402
from sqlsynth.execute.parallel import run_load  # noqa: E402
from sqlsynth.execute.parallel_load import spooled, table_keys  # noqa: E402
from sqlsynth.execute.postgres import exec_step  # noqa: E402
from sqlsynth.settings import Settings  # noqa: E402

PAYMENT = """CREATE TABLE {t} (payment_id integer NOT NULL, customer_id integer NOT NULL,
  staff_id integer NOT NULL, rental_id integer NOT NULL, amount numeric(5,2) NOT NULL,
  payment_date timestamptz NOT NULL)"""
FILL = """INSERT INTO {t} SELECT g, 1 + (hashint4(g) & 1023), 1 + (g & 1), g, ((hashint4(g + 7) & 1023) / 100.0)::numeric(5,2),
  timestamptz '2007-01-01' + g * interval '1 second' FROM generate_series({lo}::int, {hi}::int) g"""


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


class Sampler(threading.Thread):
    """pg_stat_activity of the backends whose application_name starts with `prefix`, every 20 ms:
    counts of wait_event_type:wait_event while active (CPU when none)."""

    def __init__(self, dsn: str, prefix: str):
        super().__init__(daemon=True)
        self.dsn, self.prefix = dsn, prefix
        self.counts: collections.Counter = collections.Counter()
        self.stop = threading.Event()

    def run(self) -> None:
        with psycopg.connect(self.dsn, autocommit=True) as conn:
            while not self.stop.is_set():
                for et, ev in conn.execute(
                        "SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE state = 'active' "
                        "AND application_name LIKE %s", [self.prefix + "%"]).fetchall():
                    self.counts[f"{et}:{ev}" if et else "CPU"] += 1
                time.sleep(0.02)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.join()

    def summary(self) -> str:
        total = sum(self.counts.values()) or 1
        return ", ".join(f"{k} {v / total:.0%}" for k, v in self.counts.most_common(6))


def ceiling_run(dsn: str, variant: str, rows: int) -> tuple[float, str]:
    """Seconds for `rows` rows in the variant's layout (tables created fresh, untimed), wait events."""
    tables = ["pay_a", "pay_b"]
    with psycopg.connect(dsn, autocommit=True) as c:
        for t in tables:
            c.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(t)))
            c.execute(sql.SQL(PAYMENT).format(t=sql.Identifier(t)))
        c.execute("CHECKPOINT")
    if variant == "one":
        parts = [("pay_a", 1, rows)]
    else:
        half = rows // 2
        parts = [("pay_a", 1, half), ("pay_a" if variant == "2-one" else "pay_b", half + 1, rows)]
    conns = [psycopg.connect(dsn, autocommit=True, application_name="bench_jobs ceiling") for _ in parts]
    stmts = [sql.SQL(FILL).format(t=sql.Identifier(t), lo=sql.Literal(lo), hi=sql.Literal(hi)) for t, lo, hi in parts]
    errors: list[BaseException] = []

    def go(conn, stmt):
        try:
            conn.execute(stmt)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    with Sampler(dsn, "bench_jobs ceiling") as smp:
        secs = run_threads(conns, [(go, (c, s)) for c, s in zip(conns, stmts)], errors)
    return secs, smp.summary()


def run_threads(conns, targets, errors: list[BaseException]) -> float:
    """Seconds from starting one thread per (function, args) to the last one's end; then the
    connections closed and the first error raised."""
    threads = [threading.Thread(target=f, args=args) for f, args in targets]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    secs = time.perf_counter() - t0
    for c in conns:
        c.close()
    if errors:
        raise errors[0]
    return secs


def insert_only(dsn: str, prog, jobs: int, chunk_rows: int | None) -> float:
    """sqlsynth's chunk statements alone on `jobs` connections (constraints and indexes dropped first,
    untimed; nothing re-created): each connection takes the next chunk in plan order, preferring a table
    no other connection is writing, as the scheduler does. Seconds from the first chunk to the last."""
    plan = prog.plan
    phases = split_program(prog, plan, chunk_rows or DEFAULT_CHUNK_ROWS).without_cycle_steps(plan)
    with psycopg.connect(dsn, autocommit=True) as c:
        with c.transaction():
            for d in read_deferrable(c, [plan.qtable(t) for t in phases.targets], True, True,
                                     table_keys(plan)).drop_order:
                c.execute(d.drop_sql)
    context = [spooled(s) for s in phases.head if is_context(s)]
    conns = [psycopg.connect(dsn, autocommit=True, application_name="sqlsynth worker bench") for _ in range(jobs)]
    for c in conns:
        c.execute("SET synchronous_commit = off")  # as the workers
        for st in context:
            exec_step(c, st, session=True)
    todo = [(g, j) for g in phases.groups for j in range(g.count)]
    busy: set[str] = set()
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work(conn) -> None:
        while True:
            with lock:
                if not todo or errors:
                    return
                pick = next((t for t in todo if t[0].table not in busy), todo[0])
                todo.remove(pick)
                busy.add(pick[0].table)
            try:
                conn.execute(pick[0].sql(pick[1]))
            except BaseException as e:  # noqa: BLE001
                errors.append(e)
                return
            finally:
                with lock:
                    busy.discard(pick[0].table)

    return run_threads(conns, [(work, (c,)) for c in conns], errors)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=4_000_000, help="rows of the ceiling's table")
    ap.add_argument("--passes", type=int, default=30000)
    ap.add_argument("--fan-out", type=int, default=32)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--chunk-rows", type=int, default=None)
    ap.add_argument("--skip-ceiling", action="store_true")
    ap.add_argument("--ceiling-only", action="store_true", help="(a) only (e.g. to compare server settings)")
    ap.add_argument("--skip-rss", action="store_true")
    ap.add_argument("--admin-dsn", default=DEFAULT_ADMIN)
    ap.add_argument("--pagila-dir", default=DEFAULT_PAGILA)
    ap.add_argument("--output", default=None, help="write the markdown here (default: print it)")
    ap.add_argument("--quick", action="store_true", help="toy sizes: a smoke test of the benchmark itself")
    args = ap.parse_args(argv)
    if args.quick:
        args.rows, args.passes, args.fan_out, args.repeat, args.chunk_rows = 20000, 300, 2, 1, 200
    command = " ".join([".venv/bin/python", "benchmarks/bench_jobs.py"] + (argv if argv is not None else sys.argv[1:]))
    tag = str(os.getpid())
    created: list[str] = []
    tmp = tempfile.mkdtemp(prefix="sqlsynth_jobs_")
    loads: list[str] = []
    out: list[str] = []
    try:
        loads.append(" ".join(f"{x:.1f}" for x in os.getloadavg()))
        # (a) the ceiling
        ceil: dict[str, tuple[float, str]] = {}
        ceil_all: dict[str, list[float]] = {"one": [], "2-one": [], "2-two": []}
        if not args.skip_ceiling:
            name = f"sqlsynth_jobs_ceil_{tag}"
            d = create_db(args.admin_dsn, name)
            created.append(name)
            variants = ["one", "2-one", "2-two"]
            for r in range(args.repeat):
                for v in variants[r % 3:] + variants[:r % 3]:
                    secs, waits = ceiling_run(d, v, args.rows)
                    ceil_all[v].append(secs)
                    log(f"ceiling {v}: {secs:.2f}s  ({waits})")
                    if v not in ceil or secs < ceil[v][0]:
                        ceil[v] = (secs, waits)
            drop_db(args.admin_dsn, created.pop())
            loads.append(" ".join(f"{x:.1f}" for x in os.getloadavg()))

        best: dict[str, dict] = {}
        rss: dict = {}
        if not args.ceiling_only:
            # (b) sqlsynth
            src_name = f"sqlsynth_jobs_src_{tag}"
            src = create_db(args.admin_dsn, src_name)
            created.append(src_name)
            load_pagila(src, args.pagila_dir)
            orm, cfg = os.path.join(tmp, "orm.yaml"), os.path.join(tmp, "config.yaml")
            api.make_tables(Settings(src_dsn=src), orm, force=True)
            api.generate_config(Settings(src_dsn=src), orm, cfg, force=True, fit=False, rules=False)
            from sqlsynth.schema.io import load_schema
            fan_out_config(load_schema(orm), cfg, args.fan_out)
            prog = api.compile_program(orm, cfg, args.passes, args.seed, "public")
            plan = prog.plan
            total = sum(s.rows for s in prog.steps if s.kind == "insert")
            log(f"{total:,} rows")

            def destination(which: str) -> tuple[str, str]:
                name = f"sqlsynth_jobs_{which}_{tag}"
                dsn = create_db(args.admin_dsn, name)
                created.append(name)
                api.create_tables(Settings(dst_dsn=dsn), orm, cfg)
                return name, dsn

            # "2sync": --jobs 2 with each worker's commits waiting for the WAL flush (as before async commit)
            variants = {"1": "--jobs 1", "2": "--jobs 2", "2sync": "--jobs 2, synchronous commit (before)"}
            # the chunk statements alone (no constraint re-created), 1 and 2 connections
            only: dict[int, list[float]] = {1: [], 2: []}
            walls: dict[str, list[float]] = {v: [] for v in variants}
            async_commit = workers.ASYNC_COMMIT
            keys = list(variants)
            for r in range(args.repeat):
                for v in keys[r % 3:] + keys[:r % 3]:
                    jobs = int(v[0])
                    workers.ASYNC_COMMIT = "SET synchronous_commit = on" if v == "2sync" else async_commit
                    name, d = destination(f"j{v}")
                    checkpoint(d)
                    tm: dict = {}
                    with Sampler(d, "sqlsynth worker") as smp:
                        t0 = time.perf_counter()
                        run_load(d, plan, prog, jobs=jobs, chunk_rows=args.chunk_rows, defer=True, timings=tm)
                        tm["wall"] = time.perf_counter() - t0
                    tm["waits"] = smp.summary() if jobs > 1 else "-"
                    drop_db(args.admin_dsn, name)
                    created.remove(name)
                    walls[v].append(tm["wall"])
                    log(f"{variants[v]}: insert {tm['insert']:.2f}s, total {tm['wall']:.2f}s, workers idle "
                        f"{tm.get('idle', 0):.2f}s  {tm['waits']}")
                    if v not in best or tm["wall"] < best[v]["wall"]:
                        best[v] = tm
                for n in ((1, 2) if r % 2 == 0 else (2, 1)):
                    name, d = destination(f"only{n}")
                    checkpoint(d)
                    only[n].append(insert_only(d, prog, n, args.chunk_rows))
                    drop_db(args.admin_dsn, name)
                    created.remove(name)
                    log(f"chunk statements alone on {n} connection(s): {only[n][-1]:.2f}s")
            workers.ASYNC_COMMIT = async_commit
            loads.append(" ".join(f"{x:.1f}" for x in os.getloadavg()))

            if not args.skip_rss:
                for jobs in (1, 2):
                    name, d = destination(f"rss{jobs}")
                    rss[jobs] = peak_rss(orm, cfg, d, args.passes, jobs, args.seed)
                    drop_db(args.admin_dsn, name)
                    created.remove(name)

        with psycopg.connect(args.admin_dsn) as c:
            pg = c.execute("SHOW server_version").fetchone()[0]
            wal = {k: c.execute(sql.SQL("SHOW {}").format(sql.Identifier(k))).fetchone()[0]
                   for k in ("shared_buffers", "wal_buffers", "max_wal_size", "synchronous_commit")}
        out += [f"- date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, sqlsynth {git_version()}, "
                f"PostgreSQL {pg} ({', '.join(f'{k} {v}' for k, v in wal.items())}), {os.cpu_count()} CPUs shared by client, server and other processes; "
                f"load average (1/5/15 min) at start, after (a), after (b): {' | '.join(loads)}",
                f"- command: `{command}`", ""]
        if ceil:
            one = ceil["one"][0]
            out += [f"Ceiling: {args.rows:,} payment-shaped rows, INSERT ... SELECT generate_series, no index, "
                    f"best of {args.repeat} interleaved:", "",
                    "| layout | s | rows/s | speed-up vs one connection | in each round (median) | wait events of the backends (samples) |",
                    "|---|---:|---:|---:|---:|---|"]
            for v, what in (("one", "1 connection, 1 table"), ("2-one", "2 connections, 1 table"),
                            ("2-two", "2 connections, 2 tables")):
                s, w = ceil[v]
                per = [a / b for a, b in zip(ceil_all["one"], ceil_all[v])]
                out.append(f"| {what} | {s:.2f} | {args.rows / s:,.0f} | {one / s:.2f}x | "
                           f"{', '.join(f'{x:.2f}' for x in per)} ({statistics.median(per):.2f}x) | {w} |")
            out.append("")
        if best:
            b1 = best["1"]
            out += [f"sqlsynth: Pagila, --num-passes {args.passes}, fan-out {args.fan_out}: {total:,} rows; "
                    f"best of {args.repeat} interleaved (all end-to-end runs: "
                    + "; ".join(f"{variants[v]} {', '.join(f'{w:.1f}' for w in walls[v])} s" for v in variants) + "):", "",
                    "| | insert phase s | after the last chunk s | end to end s | speed-up vs --jobs 1 (insert / end to end) "
                    "| end-to-end speed-up in each round (median) | workers idle s | workers' wait events |",
                    "|---|---:|---:|---:|---:|---:|---:|---|"]
            rounds = {v: [walls["1"][r] / walls[v][r] for r in range(args.repeat)] for v in variants}
            for v, b in best.items():
                out.append(f"| {variants[v]} | {b['insert']:.2f} | {b['wall'] - b['insert']:.2f} | {b['wall']:.2f} | "
                           f"{b1['insert'] / b['insert']:.2f}x / **{b1['wall'] / b['wall']:.2f}x** | "
                           f"{', '.join(f'{x:.2f}' for x in rounds[v])} ({statistics.median(rounds[v]):.2f}x) | "
                           + (f"{b['idle']:.2f}" if 'idle' in b else "-") + f" | {b['waits']} |")
            o1, o2 = min(only[1]), min(only[2])
            out += ["", f"sqlsynth's chunk statements alone (constraints and indexes dropped, nothing re-created; "
                    f"runs: 1 connection {', '.join(f'{x:.1f}' for x in only[1])} s, 2 connections "
                    f"{', '.join(f'{x:.1f}' for x in only[2])} s): 1 connection **{o1:.2f} s**, 2 connections "
                    f"**{o2:.2f} s**: **{o1 / o2:.2f}x** (in each round: "
                    f"{', '.join(f'{a / b:.2f}' for a, b in zip(only[1], only[2]))}, median "
                    f"{statistics.median(a / b for a, b in zip(only[1], only[2])):.2f}x)"
                    + (f" (the ceiling's best two-connection speed-up: {ceil['one'][0] / min(ceil['2-one'][0], ceil['2-two'][0]):.2f}x)"
                       if ceil else ""), "",
                    "--jobs 1 'insert phase' sums its INSERT statements (one transaction); --jobs 2's runs from the first "
                    "chunk to the last chunk's commit, and the keys, FKs and ANALYZE of the tables already loaded are "
                    "rebuilt meanwhile on the other connection: it holds more work than --jobs 1's. 'workers idle' sums "
                    "the seconds a worker waited for a ready task (or for the prologue) before the last re-creation. Each round runs every variant once, one after the other; the ratio within a round is less exposed to the other processes' load than the best of each.", ""]
        if rss:
            out += ["Peak RSS (VmHWM) of `sqlsynth create-data` in its own process: "
                    + "; ".join(f"--jobs {j}: {r['rss_mb']:.0f} MB ({r['rows']:,} rows, {r['seconds']:.1f} s)"
                                for j, r in rss.items()), ""]
        text = "\n".join(out)
        print(text)
        if args.output:
            with open(args.output, "a", encoding="utf-8") as fh:
                fh.write(text + "\n")
    finally:
        for name in created:
            drop_db(args.admin_dsn, name)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
