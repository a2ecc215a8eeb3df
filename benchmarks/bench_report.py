#!/usr/bin/env python
"""How long `sqlsynth report` takes against how long create-data took, on Pagila at a scale, in one run
on the same server (issue 14: the report must take less time than create-data).

    .venv/bin/python benchmarks/bench_report.py --scale 100 --output benchmarks/RESULTS_report.md

Options: --scale S (default 100), --repeat R (default 2: create-data and the report R times each,
alternating, the best of each kept), --admin-dsn DSN (default postgresql://root@127.0.0.1:5432/postgres),
--keep, --output FILE, --quick (--scale 0.2 --repeat 1: a smoke test, run by tests/test_benchmarks.py).

1. loads the bundled Pagila into a fresh source database; the README's workflow with no edit
   (make-tables, generate-config, make-stats, make-vocab, create-tables, create-vocab);
2. create-data --scale S --jobs 1 (compile included, constraints deferred as big loads do), timed;
3. sqlsynth report (SRC_DSN reachable: exact-match rates and exact value TVDs included; HTML and JSON
   written), timed; then the report from src-stats.yaml alone (no SRC_DSN), timed;
4. remove-data, and again (--repeat): the best of each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_faithful import create_db, drop_db, load_pagila, with_db  # noqa: E402

from sqlsynth import api  # noqa: E402
from sqlsynth.settings import Settings  # noqa: E402


@contextmanager
def chdir(path: str):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=100.0)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--admin-dsn", default="postgresql://root@127.0.0.1:5432/postgres")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--output")
    ap.add_argument("--quick", action="store_true", help="--scale 0.2 --repeat 1: a smoke test, not a measurement")
    a = ap.parse_args(argv)
    if a.quick:
        a.scale, a.repeat = 0.2, 1
    made: list[str] = []
    work = None
    try:
        src_name, dst_name = create_db(a.admin_dsn, "br_src"), create_db(a.admin_dsn, "br_dst")
        made += [src_name, dst_name]
        src, dst = with_db(a.admin_dsn, src_name), with_db(a.admin_dsn, dst_name)
        load_pagila(src)
        work = tempfile.mkdtemp(prefix="bench_report_")
        both, dst_only = Settings(src_dsn=src, dst_dsn=dst), Settings(dst_dsn=dst)
        runs: dict[str, list[float]] = {"create-data": [], "report (SRC_DSN)": [], "report (src-stats.yaml)": []}
        rows = 0
        figures: dict = {}
        with chdir(work):
            api.make_tables(both)
            api.generate_config(both)
            api.make_stats(both)
            api.make_vocab(both)
            api.create_tables(both)
            api.create_vocab(both)
            for r in range(a.repeat):
                if r:
                    api.remove_data(both)
                t0 = time.perf_counter()
                prog = api.create_data(both, scale=a.scale, seed=1, defer_constraints=True, defer_indexes=True)
                runs["create-data"].append(time.perf_counter() - t0)
                rows = prog.total_rows
                t0 = time.perf_counter()
                res = api.report(both, out="report", fmt="both")
                runs["report (SRC_DSN)"].append(time.perf_counter() - t0)
                figures = res.figures
                t0 = time.perf_counter()
                api.report(dst_only, out="report-stored", fmt="both")
                runs["report (src-stats.yaml)"].append(time.perf_counter() - t0)
            html_kb = os.path.getsize("report.html") / 1024
        best = {k: min(v) for k, v in runs.items()}
        sc = figures["scores"]
        lines = ["# sqlsynth report against create-data (benchmarks/bench_report.py)", "",
                 f"Pagila, the README's workflow with no edit, create-data --scale {a.scale:g} --jobs 1 "
                 f"(**{rows:,} rows**, constraints deferred), then `sqlsynth report` (JSON and HTML), "
                 f"best of {a.repeat}, alternating, same server.", "",
                 "| step | best seconds | all runs (s) | / create-data |", "|---|---|---|---|"]
        for k, v in runs.items():
            lines.append(f"| {k} | {best[k]:.1f} | {', '.join(f'{x:.1f}' for x in v)} | "
                         f"{best[k] / best['create-data']:.2f} |")
        ok = best["report (SRC_DSN)"] < best["create-data"] and best["report (src-stats.yaml)"] < best["create-data"]
        lines += ["", f"Report faster than create-data: **{'yes' if ok else 'no'}**. Scores (SRC_DSN): overall "
                      f"{sc['overall']:.1f}, shape {sc['shape']:.1f}, relationships {sc['relationships']:.1f}, "
                      f"logic {sc['logic']:.1f}, privacy {sc['privacy']:.1f}; report.html {html_kb:,.0f} KB."]
        text = "\n".join(lines) + "\n"
        print(text)
        if a.output:
            Path(a.output).write_text(text)
    finally:
        if not a.keep:
            for name in made:
                drop_db(a.admin_dsn, name)
            if work:
                shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
