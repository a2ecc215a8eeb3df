#!/usr/bin/env python
"""What consistency rules cost: Pagila at 100x its source row counts, with and without the rules
generate-config proposes, loaded in the same run on the same server.

    .venv/bin/python benchmarks/bench_rules.py --output benchmarks/RESULTS_rules.md

Options: --scale S (default 100), --seed, --repeat R (default 3), --admin-dsn, --src-dsn (reuse a
database that already holds Pagila), --keep, --output FILE, --quick (the source's row counts, once:
a smoke test of the benchmark, run by tests/test_benchmarks.py).

One run: loads Pagila into a fresh source (unless --src-dsn), reflects it (api.make_tables) and
writes the config with api.generate_config, which measures the source and proposes the rules
(customer create_date <= last_update, payment_date after its rental's date, payment's customer =
its rental's customer, a store's manager works there). Every table gets `rows:` = S x its source
row count, capped at 32,767 for the tables a smallint foreign key refers to. A copy of the config
without the `rules:` entries is "before"; "same" is before with payment_date drawn over the years
the rules put it in (the same partitions: see the caveat). The programs are compiled by this code
and run into separate destinations with run_load (what create-data --jobs 1 does: above 1M rows, constraints and
indexes deferred), alternating which goes first, --repeat times; each table's best time is kept.
The four rules are checked on the "after" data.

Caveat: with the rules, payment_date follows the rentals' dates, so payments land in other
partitions than the independent default puts them (which spreads them over the month
partitions), and partition routing, index builds and key checks then cost differently: "before"
and "after" compare two layouts, "same" and "after" the rules alone. The rows' computation alone
is also timed (CREATE TEMP TABLE AS the insert's SELECT).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_pagila import (DEFAULT_ADMIN, DEFAULT_PAGILA, base_type, checkpoint, create_db, drop_db,  # noqa: E402
                          load_pagila)

from sqlsynth import api  # noqa: E402
from sqlsynth.execute.parallel import run_load  # noqa: E402
from sqlsynth.execute.postgres import exec_step  # noqa: E402
from sqlsynth.sql.sqlx import render as render_sql  # noqa: E402
from sqlsynth.settings import Settings  # noqa: E402

CHECKS = {
    "payment.customer_id = its rental's customer_id":
        "SELECT avg((p.customer_id = r.customer_id)::int) FROM payment p JOIN rental r USING (rental_id)",
    "payment_date >= its rental_date":
        "SELECT avg((p.payment_date >= lower(r.rental_period))::int) FROM payment p JOIN rental r USING (rental_id)",
    "customers with last_update before create_date": "SELECT count(*) FROM customer WHERE last_update < create_date",
    "stores whose manager works elsewhere":
        "SELECT count(*) FROM store s JOIN staff m ON m.staff_id = s.manager_staff_id WHERE m.store_id <> s.store_id",
}


LABELS = ("before", "same", "after")


def same_partitions_config(after_dsn: str, before_cfg: str, work: Path) -> str:
    """The "before" config with payment_date drawn (uniformly, no rule) over the years the rules put
    the payments in: the same partitions as "after", so the loads differ by the rules alone."""
    with psycopg.connect(after_dsn) as conn:
        lo, hi = conn.execute("SELECT extract(year FROM min(payment_date))::int, "
                              "extract(year FROM max(payment_date))::int FROM payment").fetchone()
    data = yaml.safe_load(Path(before_cfg).read_text())
    gens = data["tables"]["payment"].setdefault("row_generators", []) or []
    gens.append({"name": "generic.datetime.datetime", "columns_assigned": "payment_date",
                 "kwargs": {"start": lo, "end": hi}})
    data["tables"]["payment"]["row_generators"] = gens
    out = work / "same.yaml"
    out.write_text(yaml.safe_dump(data, sort_keys=False))
    return str(out)


def scaled_rows(src: str, schema, scale: int) -> dict[str, int]:
    narrow = {fk.ref_table for t in schema.tables.values() for fk in t.foreign_keys
              for c in fk.columns if base_type(t.columns[c].type) in ("smallint", "int2")}
    out = {}
    with psycopg.connect(src) as conn:
        for name, t in schema.tables.items():
            if t.is_partition:
                continue
            n = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] * scale
            out[name] = min(n, 32767) if name in narrow else n
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--admin-dsn", default=DEFAULT_ADMIN)
    ap.add_argument("--src-dsn", default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--output", default=None)
    ap.add_argument("--quick", action="store_true", help="the source's row counts, once: a smoke test")
    args = ap.parse_args()
    if args.quick:
        args.scale, args.repeat = 1, 1

    made = []
    tag = str(os.getpid())
    src = args.src_dsn
    if src is None:
        made.append(f"sqlsynth_bench_rules_src_{tag}")
        src = create_db(args.admin_dsn, made[-1])
        load_pagila(src, DEFAULT_PAGILA)
    work = Path(tempfile.mkdtemp(prefix="bench_rules_"))
    try:
        orm, after_cfg, before_cfg = (str(work / f) for f in ("orm.yaml", "after.yaml", "before.yaml"))
        settings = Settings(src_dsn=src, src_schema="public")
        schema = api.make_tables(settings, orm, force=True)
        lines: list[str] = []
        api.generate_config(settings, orm, after_cfg, force=True, fit=False, rules=True, rule_report=lines.append)
        rows = scaled_rows(src, schema, args.scale)
        data = yaml.safe_load(Path(after_cfg).read_text())
        for name, td in data["tables"].items():
            td["rows"] = rows[name]
        Path(after_cfg).write_text(yaml.safe_dump(data, sort_keys=False))
        for td in data["tables"].values():
            td.pop("rules", None)
        Path(before_cfg).write_text(yaml.safe_dump(data, sort_keys=False))

        dsts, progs = {}, {}

        def prepare(label: str, cfg: str) -> None:
            t0 = time.perf_counter()
            progs[label] = api.compile_program(orm, cfg, 1, args.seed, "public")
            compile_s = time.perf_counter() - t0
            made.append(f"sqlsynth_bench_rules_{label}_{tag}")
            dsts[label] = create_db(args.admin_dsn, made[-1])
            api.create_tables(Settings(dst_dsn=dsts[label]), orm, cfg)
            print(f"{label}: compiled in {compile_s:.2f} s, {progs[label].total_rows:,} rows")

        for label, cfg in (("before", before_cfg), ("after", after_cfg)):
            prepare(label, cfg)
        best: dict[str, dict[str, tuple[int, float]]] = {k: {} for k in LABELS}
        wall: dict[str, float] = {k: float("inf") for k in LABELS}
        for r in range(args.repeat):
            for label in (LABELS[::-1] if r % 2 == 0 else LABELS):  # "after" first: "same" needs its dates
                if label == "same" and label not in progs:
                    prepare(label, same_partitions_config(dsts["after"], before_cfg, work))
                if r:
                    api.remove_data(Settings(dst_dsn=dsts[label]), orm, after_cfg)
                if not args.quick:
                    checkpoint(dsts[label])
                t0 = time.perf_counter()
                prog = progs[label]
                stats = run_load(dsts[label], prog.plan, prog, jobs=1)  # what create-data does
                wall[label] = min(wall[label], time.perf_counter() - t0)
                for t, (n, s) in stats.items():
                    if t not in best[label] or s < best[label][t][1]:
                        best[label][t] = (n, s)
                print(f"  round {r + 1} {label}: {time.perf_counter() - t0:.2f} s")
        with psycopg.connect(dsts["after"]) as conn:
            checks = {k: conn.execute(q).fetchone()[0] for k, q in CHECKS.items()}
        compute = expression_cost(dsts["before"], progs, max(3, args.repeat))
        report = render(args, lines, best, wall, checks, compute)
        print(report)
        if args.output:
            Path(args.output).write_text(report)
    finally:
        if not args.keep:
            for name in made:
                drop_db(args.admin_dsn, name)
            shutil.rmtree(work, ignore_errors=True)


def expression_cost(dsn: str, progs: dict, repeat: int) -> dict[str, dict[str, float]]:
    """Seconds to compute each table's rows into a temporary table (no partitions, keys or indexes):
    the cost of the expressions alone, before and after, best of `repeat` alternating rounds.
    rental has no rule: the same SQL twice, its ratio shows the host's noise."""
    out: dict[str, dict[str, float]] = {}
    for table in ("payment", "customer", "rental"):
        for r in range(repeat):
            for label in (LABELS if r % 2 == 0 else LABELS[::-1]):
                prog = progs[label]
                step = next(s for s in prog.steps if s.kind == "insert" and s.table == table)
                select = render_sql(step.statement())
                names = ", ".join(f"c{i}" for i in range(len(prog.plan.tables[table].columns())))
                with psycopg.connect(dsn) as conn:
                    for p in prog.steps:  # the value pools the SELECT reads (temporary tables)
                        if p.kind in ("pool", "copy"):
                            exec_step(conn, p)
                    t0 = time.perf_counter()
                    conn.execute(f"CREATE TEMP TABLE bench_x AS SELECT * FROM ({select}) AS s({names})")
                    secs = time.perf_counter() - t0
                    conn.rollback()
                best = out.setdefault(table, {})
                best[label] = min(best.get(label, float("inf")), secs)
    return out


def render(args, lines, best, wall, checks, compute) -> str:
    total = {k: sum(n for n, _s in v.values()) for k, v in best.items()}
    secs = {k: sum(s for _n, s in v.values()) for k, v in best.items()}
    rate = {k: total[k] / secs[k] for k in LABELS}
    out = [
        f"# Rules: Pagila at {args.scale}x, with and without the rules generate-config proposes",
        "",
        f"`.venv/bin/python benchmarks/bench_rules.py --scale {args.scale} --repeat {args.repeat}` "
        f"({time.strftime('%Y-%m-%d')}, best of {args.repeat} per table, --jobs 1 as create-data runs it).",
        "",
        "Rules proposed from the source:",
        "",
        *[f"- {line}" for line in lines],
        "",
        "*before*: the same config without its rules (payment_date spread over the month partitions by the "
        "partition-aware default); *same*: before, with payment_date drawn over the years the rules put it in "
        "(the same partitions as after: the loads differ by the rules alone); *after*: with the rules.",
        "",
        "| table | rows | before s | same s | after s | after rows/s | after / before | after / same |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in sorted(best["after"], key=lambda t: -best["after"][t][0]):
        n, sa = best["after"][t]
        sb, ss = best["before"][t][1], best["same"][t][1]
        out.append(f"| {t} | {n:,} | {sb:.2f} | {ss:.2f} | {sa:.2f} | {n / sa:,.0f} | {sb / sa:.2f} | {ss / sa:.2f} |")
    out += [f"| **all inserts** | {total['after']:,} | {secs['before']:.2f} | {secs['same']:.2f} | {secs['after']:.2f} | "
            f"{rate['after']:,.0f} | **{rate['after'] / rate['before']:.2f}** | **{rate['after'] / rate['same']:.2f}** |",
            "",
            "Whole program (inserts, constraint re-adds, setval, ANALYZE), best wall time: "
            + ", ".join(f"{k} {wall[k]:.2f} s" for k in LABELS) + ".",
            "",
            "Computing the rows alone (CREATE TEMP TABLE AS the insert's SELECT: no partitions, keys or "
            "indexes), best of alternating rounds; rental has no rule (the same SQL every time: its ratios are "
            "the host's noise):",
            "",
            "| table | before s | same s | after s | after / before rows/s | after / same rows/s |",
            "|---|---:|---:|---:|---:|---:|",
            *[f"| {t} | {v['before']:.2f} | {v['same']:.2f} | {v['after']:.2f} | {v['before'] / v['after']:.2f} | "
              f"{v['same'] / v['after']:.2f} |" for t, v in compute.items()],
            "",
            "Rules checked on the generated data (after):",
            "",
            *[f"- {k}: {v}" for k, v in checks.items()],
            ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
