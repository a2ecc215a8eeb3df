#!/usr/bin/env python
"""Faithfulness and speed of the unedited workflow on Pagila: the config shaped to the source
(generate-config with SRC_DSN reachable) against the starter config of orm.yaml alone
(generate-config --no-fit), in one run on the same server.

    .venv/bin/python benchmarks/bench_faithful.py --output benchmarks/RESULTS_faithful.md

Options: --passes N (starter config, default 30000: 15 x 30000 rows), --scale S (shaped config,
default 10: about the same number of rows), --repeat R (default 2, best kept; the loads alternate),
--admin-dsn DSN (default postgresql://root@127.0.0.1:5432/postgres), --keep, --output FILE, --quick
(toy sizes: a smoke test, run by tests/test_benchmarks.py).

1. loads the bundled Pagila into a fresh source database;
2. metrics at the source's size: the starter config with --num-passes 1000 (1,000 rows a
   table) and the shaped config at --scale 1 (make-stats, make-vocab, create-vocab first), each into
   its own destination, measured in SQL against the source (tests/faithful_metrics.py);
3. speed: create-data (--jobs 1, one transaction, compile included) of the starter config at
   --passes and of the shaped config at --scale, --repeat times each, alternating, emptying the
   tables in between; rows/s of the best run of each.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from faithful_metrics import compare, facts  # noqa: E402

from sqlsynth import api  # noqa: E402
from sqlsynth.settings import Settings  # noqa: E402


def with_db(dsn: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(dsn).set(database=name).render_as_string(hide_password=False)


def create_db(admin: str, prefix: str) -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name


def drop_db(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def chdir(path: str):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def load_pagila(dsn: str) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from pgserver import load_sql_file

    pagila = ROOT / "sqlsynth" / "examples" / "pagila"
    load_sql_file(dsn, pagila / "pagila-schema.sql")
    load_sql_file(dsn, pagila / "pagila-data.sql")


LINE = re.compile(r"^(?P<t>\w+): (?P<n>\d+) rows in (?P<s>[\d.]+)s")


def timed_load(settings: Settings, **kw) -> tuple[int, float, dict[str, tuple[int, float]]]:
    """(rows, seconds end to end, {table: (rows, seconds of its INSERT)})."""
    per: dict[str, tuple[int, float]] = {}

    def report(msg: str) -> None:
        m = LINE.match(msg)
        if m:
            per[m.group("t")] = (int(m.group("n")), float(m.group("s")))
    t0 = time.perf_counter()
    prog = api.create_data(settings, report=report, **kw)
    return prog.total_rows, time.perf_counter() - t0, per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=30000)
    ap.add_argument("--scale", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-defer", action="store_true",
                    help="check foreign keys row by row during the INSERTs (default: deferred, as big loads do)")
    ap.add_argument("--admin-dsn", default="postgresql://root@127.0.0.1:5432/postgres")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--output")
    ap.add_argument("--quick", action="store_true", help="toy sizes (--passes 200 --scale 0.2 --repeat 1): a smoke "
                                                         "test of the benchmark itself, not a measurement")
    a = ap.parse_args(argv)
    if a.quick:
        a.passes, a.scale, a.repeat = 200, 0.2, 1
    made: list[str] = []
    try:
        src_name = create_db(a.admin_dsn, "bf_src")
        made.append(src_name)
        src = with_db(a.admin_dsn, src_name)
        load_pagila(src)
        dbs = {}
        for key in ("before_m", "after_m", "before_s", "after_s"):
            dbs[key] = create_db(a.admin_dsn, f"bf_{key}")
            made.append(dbs[key])
        dsn = {k: with_db(a.admin_dsn, v) for k, v in dbs.items()}
        tmp = tempfile.mkdtemp(prefix="bench_faithful_")
        before_dir, after_dir = os.path.join(tmp, "before"), os.path.join(tmp, "after")
        os.makedirs(before_dir)
        os.makedirs(after_dir)
        s_src = Settings(src_dsn=src)
        with chdir(before_dir):
            api.make_tables(s_src)
            api.generate_config(s_src, fit=False, rules=False)
            for k in ("before_m", "before_s"):
                api.create_tables(Settings(dst_dsn=dsn[k]))
            api.create_data(Settings(dst_dsn=dsn["before_m"]), num_passes=1000, seed=7)
        with chdir(after_dir):
            api.make_tables(s_src)
            api.generate_config(s_src)
            api.make_stats(s_src)
            api.make_vocab(s_src)
            for k in ("after_m", "after_s"):
                api.create_tables(Settings(dst_dsn=dsn[k]))
                api.create_vocab(Settings(dst_dsn=dsn[k]))
            api.create_data(Settings(dst_dsn=dsn["after_m"]), seed=7)
        fs, fb, fa = facts(src), facts(dsn["before_m"]), facts(dsn["after_m"])
        mb, ma = compare(fs, fb), compare(fs, fa)
        speed = {"before": [], "after": []}
        for r in range(a.repeat):
            order = ["before", "after"] if r % 2 == 0 else ["after", "before"]
            for which in order:
                folder, key = (before_dir, "before_s") if which == "before" else (after_dir, "after_s")
                with chdir(folder):
                    st = Settings(dst_dsn=dsn[key])
                    kw = {"num_passes": a.passes} if which == "before" else {"scale": a.scale}
                    kw.update(defer_constraints=not a.no_defer, defer_indexes=not a.no_defer)
                    speed[which].append(timed_load(st, seed=1, **kw))
                    api.remove_data(st)
        best = {w: min(v, key=lambda x: x[1]) for w, v in speed.items()}
        per_table: dict[str, dict[str, float]] = {"before": {}, "after": {}}  # best rows/s of each INSERT
        for w, runs in speed.items():
            for _n, _s, per in runs:
                for t, (n, secs) in per.items():
                    if n and secs > 0:
                        per_table[w][t] = max(per_table[w].get(t, 0.0), n / secs)
        lines = ["# Faithful by default: Pagila, unedited workflow (benchmarks/bench_faithful.py)", "",
                 "Metrics in SQL against the source (tests/faithful_metrics.py). *before*: generate-config "
                 "--no-fit (the starter config of orm.yaml) and create-data --num-passes 1000; *after*: "
                 "generate-config shaped to the source, make-stats, make-vocab, create-vocab, create-data "
                 "(--scale 1).", "",
                 "| metric | source | before | after |", "|---|---|---|---|"]
        rows_total = lambda f: sum(f["rows"].values())  # noqa: E731
        lines.append(f"| rows (all 15 tables) | {rows_total(fs):,} | {rows_total(fb):,} | {rows_total(fa):,} |")
        lines.append(f"| rows per table equal to the source's | yes | {'yes' if mb['rows equal (x scale)'] else 'no'} | "
                     f"{'yes' if ma['rows equal (x scale)'] else 'no'} |")
        lines.append(f"| customers without a rental | {fs['no rental']:.3f} | {fb['no rental']:.3f} | {fa['no rental']:.3f} |")
        for name in ("rentals per customer", "payments per rental", "inventory per film", "actors per film"):
            lines.append(f"| {name}, TVD | 0 | {mb[name + ' TVD']:.3f} | {ma[name + ' TVD']:.3f} |")

        def rng(f):
            lo, hi = f["rental_date"]
            return f"{lo:%Y-%m-%d} .. {hi:%Y-%m-%d}" if lo else "-"
        lines.append(f"| rental date (lower(rental_period)) range | {rng(fs)} | {rng(fb)} | {rng(fa)} |")
        lines.append(f"| payment.amount max / mean | {float(fs['amount'][0]):.2f} / {float(fs['amount'][1]):.2f} | "
                     f"{float(fb['amount'][0]):.2f} / {float(fb['amount'][1]):.2f} | "
                     f"{float(fa['amount'][0]):.2f} / {float(fa['amount'][1]):.2f} |")
        vals = lambda f: ", ".join(f"{v:g}" for v in sorted(f["rental_rate"])) if len(f["rental_rate"]) <= 5 \
            else f"{len(f['rental_rate'])} values"  # noqa: E731
        lines.append(f"| rental_rate values | {vals(fs)} | {vals(fb)} | {vals(fa)} |")
        lines.append(f"| distinct customer emails | {fs['distinct emails']:.2f} | {fb['distinct emails']:.2f} | "
                     f"{fa['distinct emails']:.2f} |")
        lines += ["", f"Speed: create-data --jobs 1 (compile included), foreign keys and indexes "
                      f"{'checked row by row' if a.no_defer else 'deferred (dropped, re-created after the load)'}, "
                      f"best of {a.repeat}, alternating, same server.", "",
                  "| config | rows | seconds | rows/s |", "|---|---|---|---|"]
        for w, label in (("before", f"starter, --num-passes {a.passes}"), ("after", f"shaped, --scale {a.scale:g}")):
            n, secs, _per = best[w]
            lines.append(f"| {label} | {n:,} | {secs:.1f} | {n / secs:,.0f} |")
        ratio = (best["after"][0] / best["after"][1]) / (best["before"][0] / best["before"][1])
        lines += ["", f"End to end, shaped / starter rows/s: {ratio:.2f} (the two loads differ in their mix of "
                      "tables: the shaped one has 70 % of its rows in rental and payment, the costliest tables "
                      "(partition routing, three foreign keys checked per row), the starter one 13 %).", "",
                  "Per table (INSERT only, best of the runs): rows/s", "",
                  "| table | starter | shaped | shaped / starter |", "|---|---|---|---|"]
        rows_after = {t: n for t, (n, _s) in best["after"][2].items()}
        same_mix_before = same_mix_after = 0.0
        for t in sorted(set(per_table["before"]) & set(per_table["after"])):
            b, f = per_table["before"][t], per_table["after"][t]
            note = "" if rows_after.get(t, 0) >= 1000 else " (too few rows to time)"
            lines.append(f"| {t} | {b:,.0f} | {f:,.0f} | {f / b:.2f}{note} |")
            if rows_after.get(t, 0) >= 1000:
                same_mix_before += rows_after[t] / b
                same_mix_after += rows_after[t] / f
        if same_mix_after:
            lines += ["", f"The shaped load's tables at each config's per-table rate (seconds of INSERT): starter "
                          f"{same_mix_before:.1f} s, shaped {same_mix_after:.1f} s; shaped / starter rows/s on the same "
                          f"mix: {same_mix_before / same_mix_after:.2f}."]
        lines += ["", "All runs (rows, s): before " + str([(n, round(s_, 1)) for n, s_, _p in speed["before"]])
                  + ", after " + str([(n, round(s_, 1)) for n, s_, _p in speed["after"]]) + "."]
        text = "\n".join(lines) + "\n"
        print(text)
        if a.output:
            Path(a.output).write_text(text)
    finally:
        if not a.keep:
            for name in made:
                drop_db(a.admin_dsn, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
