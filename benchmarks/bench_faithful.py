#!/usr/bin/env python
"""Faithfulness and speed of the unedited workflow on Pagila, in one run on the same server.

    .venv/bin/python benchmarks/bench_faithful.py --before /path/to/pre-faithful-checkout \
        --output benchmarks/RESULTS_faithful.md

1. loads the bundled Pagila into a fresh source database, and a copy of it whose smallint foreign
   key columns are widened to integer (its views, materialized views and rule dropped first): Pagila's own schema
   cannot hold 100 x its films, customers or addresses (film_actor.film_id, rental.customer_id,
   customer.address_id ... are smallint), so create-data --scale 100 lowers the scale of every
   table to what they hold (sqlsynth.plan.scale_limit) and the copy shows the true 100 x;
2. metrics, in SQL against the source (tests/faithful_metrics.py), of the README workflow with no
   edit (make-tables, generate-config, make-stats, make-vocab, create-tables, create-vocab,
   create-data): the starter config (generate-config --no-fit --no-rules, --num-passes 1000) for
   reference, the shaped config at --scale 1, at --scale S on Pagila, and at --scale S on the
   widened copy;
3. speed, the widened copy at --scale S: this tree's shaped config against *before*: with
   --before DIR, the sqlsynth of DIR (a checkout of the commit before the faithful work, with its
   own .venv) running its own unedited workflow (generate-config, create-data --num-passes N with
   N x 15 tables = the same total rows); without it, this tree's starter config the same way.
   Each create-data runs as a command (`sqlsynth create-data --seed 1`, --jobs 1, defaults), timed
   end to end (compile included), alternating, emptied (remove-data --yes) in between; best of
   --repeat.

Options: --scale S (default 100), --repeat R (default 3), --before DIR, --admin-dsn DSN (default
postgresql://root@127.0.0.1:5432/postgres), --keep, --output FILE, --quick (toy sizes: a smoke
test, run by tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from faithful_metrics import CROSS, DEGREES, compare, facts  # noqa: E402


def with_db(dsn: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(dsn).set(database=name).render_as_string(hide_password=False)


def create_db(admin: str, prefix: str, template: str | None = None) -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        q = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            q = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
        conn.execute(q)
    return name


def drop_db(admin: str, name: str) -> None:
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def load_pagila(dsn: str) -> None:
    from pgserver import load_sql_file

    pagila = ROOT / "sqlsynth" / "examples" / "pagila"
    load_sql_file(dsn, pagila / "pagila-schema.sql")
    load_sql_file(dsn, pagila / "pagila-data.sql")


WIDEN = [  # views and rules read the columns: dropped first (they are not tables, nothing generates them)
    "SELECT format('DROP VIEW IF EXISTS %I.%I CASCADE', schemaname, viewname) FROM pg_views "
    "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    "SELECT format('DROP MATERIALIZED VIEW IF EXISTS %I.%I CASCADE', schemaname, matviewname) FROM pg_matviews",
    "SELECT format('DROP RULE %I ON %I.%I', rulename, schemaname, tablename) FROM pg_rules "
    "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    # smallint columns of foreign keys, on the table that owns them (a partitioned parent, not its partitions)
    "SELECT DISTINCT format('ALTER TABLE %s ALTER COLUMN %I TYPE integer', "
    "coalesce(i.inhparent, c.conrelid)::regclass, a.attname) FROM pg_constraint c "
    "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
    "LEFT JOIN pg_inherits i ON i.inhrelid = c.conrelid "
    "WHERE c.contype = 'f' AND a.atttypid = 'int2'::regtype",
]


def widen(dsn: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for q in WIDEN:
            for (stmt,) in conn.execute(q).fetchall():
                conn.execute(stmt)
        conn.execute("ANALYZE")


def run(cli: list[str], cwd: str, env: dict, *args: str) -> str:
    if cli[0] != sys.executable:  # another checkout's python imports its own sqlsynth, not this tree's
        env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    p = subprocess.run([*cli, *args], cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
    return p.stdout + p.stderr


def workflow(cli: list[str], folder: str, src: str, dsts: list[str], shaped: bool, flags: tuple = ()) -> None:
    """make-tables, generate-config (shaped or the starter), make-stats, make-vocab; create-tables
    (and create-vocab) in every destination."""
    os.makedirs(folder)
    env = {**os.environ, "SRC_DSN": src}
    for k in ("SRC_SCHEMA", "DST_SCHEMA", "DST_DSN"):
        env.pop(k, None)
    run(cli, folder, env, "make-tables")
    run(cli, folder, env, "generate-config", *flags)
    if shaped:
        run(cli, folder, env, "make-stats")
        run(cli, folder, env, "make-vocab")
    for d in dsts:
        env_d = {**env, "DST_DSN": d}
        run(cli, folder, env_d, "create-tables")
        if shaped:
            run(cli, folder, env_d, "create-vocab")


ROWS = re.compile(r"generated (\d+) rows")


def load(cli: list[str], folder: str, dst: str, *args: str) -> tuple[int, float, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SRC_DSN", "SRC_SCHEMA", "DST_SCHEMA")}
    env["DST_DSN"] = dst
    t0 = time.perf_counter()
    out = run(cli, folder, env, "create-data", "--seed", "1", *args)
    secs = time.perf_counter() - t0
    m = ROWS.search(out)
    return (int(m.group(1).replace(",", "")) if m else 0), secs, out


def empty(cli: list[str], folder: str, dst: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SRC_DSN", "SRC_SCHEMA", "DST_SCHEMA")}
    env["DST_DSN"] = dst
    run(cli, folder, env, "remove-data", "--yes")


def metric_rows(fs: dict, cols: list[tuple[str, dict, dict, float]]) -> list[str]:
    """The metrics table: source, then (label, facts, metrics, scale) per column."""
    head = "| metric | bound | source | " + " | ".join(c[0] for c in cols) + " |"
    out = [head, "|" + "---|" * (3 + len(cols))]

    def line(name: str, bound: str, src: str, cells: list[str]) -> None:
        out.append(f"| {name} | {bound} | {src} | " + " | ".join(cells) + " |")
    total = lambda f: sum(f["rows"].values())  # noqa: E731
    line("rows (15 tables)", "", f"{total(fs):,}", [f"{total(f):,}" for _l, f, _m, _s in cols])
    line("scale applied", "", "", [f"{s:g}" for *_x, s in cols])
    line("rows per table = source x scale (vocabulary: the source's)", "yes", "yes",
         [("yes" if m["rows equal (x scale)"] else "no") for _l, _f, m, _s in cols])
    line("customers without a rental", f"{fs['no rental']:.3f} +- 0.01", f"{fs['no rental']:.3f}",
         [f"{f['no rental']:.3f}" for _l, f, _m, _s in cols])
    for name in DEGREES:
        line(f"{name}, TVD", "<= 0.05", "0", [f"{m[name + ' TVD']:.3f}" for _l, _f, m, _s in cols])
    bounds = {"payment.customer_id = its rental's": ">= 0.99", "payment_date >= its rental_date": ">= 0.99",
              "customers with last_update < create_date": "0", "stores whose manager works elsewhere": "0"}
    for name in CROSS:
        fmt = (lambda v: "-" if v is None else (f"{v:.4f}" if "=" in name else f"{v:g}"))
        line(name, bounds[name], fmt(fs[name]), [fmt(f[name]) for _l, f, _m, _s in cols])

    def rng(f):
        lo, hi = f["rental_date"]
        return f"{lo:%Y-%m-%d} .. {hi:%Y-%m-%d}" if lo else "-"
    line("rental date range", "inside the source's", rng(fs),
         [rng(f) + ("" if m["rental_date inside the source's"] else " (outside)") for _l, f, m, _s in cols])
    line("payment.amount max / mean", "max <= source's", f"{float(fs['amount'][0]):.2f} / {float(fs['amount'][1]):.2f}",
         [f"{float(f['amount'][0]):.2f} / {float(f['amount'][1]):.2f}" for _l, f, _m, _s in cols])
    vals = lambda f: ", ".join(f"{v:g}" for v in sorted(f["rental_rate"])) if len(f["rental_rate"]) <= 5 \
        else f"{len(f['rental_rate'])} values"  # noqa: E731
    line("rental_rate values", "the source's only", vals(fs), [vals(f) for _l, f, _m, _s in cols])
    line("distinct customer emails", ">= 0.99", f"{fs['distinct emails']:.3f}",
         [f"{f['distinct emails']:.3f}" for _l, f, _m, _s in cols])
    return out


SCALED = re.compile(r"is scaled by ([\d.]+) instead")


def metrics(a, here: list[str], d: dict, src: str, dsn: dict, fs: dict, fw: dict) -> tuple[list, float]:
    """The metric columns: the starter config, the shaped one at --scale 1, at --scale S on Pagila (and the
    scale it applied) and on the integer-keys copy."""
    workflow(here, d["starter"], src, [dsn["starter"]], shaped=False, flags=("--no-fit", "--no-rules"))
    workflow(here, d["shaped"], src, [dsn["s1"], dsn["sS"]], shaped=True)
    load(here, d["starter"], dsn["starter"], "--num-passes", "1000")
    load(here, d["shaped"], dsn["s1"])
    _n, _s, out = load(here, d["shaped"], dsn["sS"], "--scale", f"{a.scale:g}")
    m = SCALED.search(out)
    scale_pagila = float(m.group(1)) if m else a.scale
    load(here, d["wide"], dsn["wide"], "--scale", f"{a.scale:g}")
    cols = [("starter config, --num-passes 1000", facts(dsn["starter"]), 1.0),
            ("shaped, --scale 1", facts(dsn["s1"]), 1.0),
            (f"shaped, --scale {a.scale:g} (Pagila)", facts(dsn["sS"]), scale_pagila),
            (f"shaped, --scale {a.scale:g} (integer keys)", facts(dsn["wide"]), a.scale)]
    out_cols = [(lbl, f, compare(fw if "integer" in lbl else fs, f, sc), sc) for lbl, f, sc in cols]
    out_cols[0] = (out_cols[0][0], out_cols[0][1], {**out_cols[0][2], "rows equal (x scale)": False}, 1.0)
    return out_cols, scale_pagila


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=100.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--before", help="a checkout of the commit before the faithful work, with its own .venv")
    ap.add_argument("--admin-dsn", default="postgresql://root@127.0.0.1:5432/postgres")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--speed-only", action="store_true", help="skip the metrics (the speed section alone)")
    ap.add_argument("--same-mix", action="store_true", help="before: each table gets the shaped load's rows "
                                                            "(num_rows_per_pass set per table, --num-passes 1)")
    ap.add_argument("--output")
    ap.add_argument("--quick", action="store_true", help="toy sizes (--scale 0.5 --repeat 1): a smoke test of the "
                                                         "benchmark itself, not a measurement")
    a = ap.parse_args(argv)
    if a.quick:
        a.scale, a.repeat = 0.5, 1
    here = [sys.executable, "-c", "import sys; from sqlsynth.cli import main; sys.exit(main())"]
    os.environ["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    before_cli = here
    if a.before:
        py = Path(a.before) / ".venv" / "bin" / "python"
        before_cli = [str(py), "-c", "import sys; from sqlsynth.cli import main; sys.exit(main())"]
    made: list[str] = []
    try:
        src_name = create_db(a.admin_dsn, "bf_src")
        made.append(src_name)
        src = with_db(a.admin_dsn, src_name)
        load_pagila(src)
        wide_name = create_db(a.admin_dsn, "bf_wide", template=src_name)
        made.append(wide_name)
        wide = with_db(a.admin_dsn, wide_name)
        widen(wide)
        dsn = {}
        for key in ("starter", "s1", "sS", "wide", "speed_before", "speed_after"):
            made.append(create_db(a.admin_dsn, f"bf_{key}"))
            dsn[key] = with_db(a.admin_dsn, made[-1])
        tmp = tempfile.mkdtemp(prefix="bench_faithful_")
        d = {k: os.path.join(tmp, k) for k in ("starter", "shaped", "wide", "before")}
        workflow(here, d["wide"], wide, [dsn["wide"], dsn["speed_after"]], shaped=True)
        fs, fw = facts(src), facts(wide)
        if not a.speed_only:
            cols, scale_pagila = metrics(a, here, d, src, dsn, fs, fw)
        shaped_rows = sum(round(fw["rows"][t] * a.scale) for t in fw["rows"]
                          if t not in ("category", "city", "country", "language"))
        # speed: the widened copy at --scale S against *before* at the same total rows
        passes = max(1, round(shaped_rows / 15))
        workflow(before_cli, d["before"], wide, [dsn["speed_before"]], shaped=False,
                 flags=() if a.before else ("--no-fit", "--no-rules"))  # before the faithful work: the starter
        if a.same_mix:  # the starter config's generators, each table with the shaped load's rows
            import yaml

            cfg_path = Path(d["before"]) / "config.yaml"
            cfg = yaml.safe_load(cfg_path.read_text())
            for t, n in fw["rows"].items():
                if t in cfg.get("tables", {}):
                    vocab = t in ("category", "city", "country", "language")
                    cfg["tables"][t]["num_rows_per_pass"] = n if vocab else round(n * a.scale)
            cfg_path.write_text(yaml.safe_dump(cfg, sort_keys=False))
            passes = 1
        speed: dict[str, list] = {"before": [], "after": []}
        for r in range(a.repeat):
            for which in (["before", "after"] if r % 2 == 0 else ["after", "before"]):
                if which == "before":
                    n, secs, _o = load(before_cli, d["before"], dsn["speed_before"], "--num-passes", str(passes))
                    empty(before_cli, d["before"], dsn["speed_before"])
                else:
                    n, secs, _o = load(here, d["wide"], dsn["speed_after"], "--scale", f"{a.scale:g}")
                    empty(here, d["wide"], dsn["speed_after"])
                speed[which].append((n, secs))
                print(f"{which}: {n:,} rows in {secs:.1f} s", flush=True)
        best = {w: min(v, key=lambda x: x[1]) for w, v in speed.items()}
        rate = {w: n / s for w, (n, s) in best.items()}
        cmd = " ".join(["benchmarks/bench_faithful.py", *(argv if argv is not None else sys.argv[1:])])
        lines = ["# Faithful by default: Pagila, the unedited workflow (benchmarks/bench_faithful.py)", "",
                 f"`.venv/bin/python {cmd}` ({time.strftime('%Y-%m-%d')}; --before: a checkout of the commit "
                 "before the rules and faithful work, with its own .venv).", "",
                 "Metrics in SQL against the source (tests/faithful_metrics.py; the integer-keys column against "
                 "the widened source). Workflow with no edit: make-tables, generate-config, make-stats, make-vocab, "
                 "create-tables, create-vocab, create-data [--scale S].", ""]
        if not a.speed_only:
            lines += metric_rows(fs, cols)
        if not a.speed_only and scale_pagila != a.scale:
            lines += ["", f"Pagila's own schema holds at most 32,767 films, customers and addresses (smallint foreign "
                          f"key columns refer to them), so `create-data --scale {a.scale:g}` scales every table sized "
                          f"from the source by {scale_pagila:g} (with a warning) and keeps the proportions; "
                          f"the last column is the same workflow on a copy of Pagila with those columns widened to "
                          f"integer (views and the payment rule dropped), at the full {a.scale:g}x."]
        who = f"`{a.before}` (its own .venv)" if a.before else "this tree's starter config (no --before given)"
        lines += ["", f"## Speed: {a.scale:g}x, before and after, one run", "",
                  f"*before*: {who}, its unedited workflow: make-tables, generate-config, create-tables, "
                  + ("`create-data --seed 1 --num-passes 1` with each table's num_rows_per_pass set to the rows "
                     "the shaped load gives it (the same mix of tables; vocabulary tables generated); "
                     if a.same_mix else f"`create-data --seed 1 --num-passes {passes}` (15 tables x {passes:,} rows); ")
                  + 
                  f"*after*: this tree, the shaped workflow above on the integer-keys copy, `create-data --seed 1 "
                  f"--scale {a.scale:g}`. Each a `sqlsynth create-data` command (--jobs 1, default deferral), "
                  f"wall time including compile; alternating; best of {a.repeat}; same server.", "",
                  "| workload | rows | best seconds | rows/s |", "|---|---|---|---|",
                  f"| before (starter config, --num-passes {passes}) | {best['before'][0]:,} | "
                  f"{best['before'][1]:.1f} | {rate['before']:,.0f} |",
                  f"| after (shaped config, --scale {a.scale:g}) | {best['after'][0]:,} | {best['after'][1]:.1f} | "
                  f"{rate['after']:,.0f} |", "",
                  f"after / before rows/s: **{rate['after'] / rate['before']:.2f}**", "",
                  "All runs (rows, s): before " + str([(n, round(s, 1)) for n, s in speed["before"]])
                  + ", after " + str([(n, round(s, 1)) for n, s in speed["after"]]) + "."]
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
