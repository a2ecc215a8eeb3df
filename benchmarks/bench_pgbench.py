"""sqlsynth against `pgbench -i`, the anchor load testers use, on pgbench's own schema.

    .venv/bin/python benchmarks/bench_pgbench.py [--scale 20] [--repeat 3] [--jobs 1 2]
        [--admin-dsn postgresql://root@127.0.0.1:5432/postgres] [--output benchmarks/RESULTS_pgbench.md]

``--quick``: scale 1 (100,000 accounts), once, --jobs 1 and 2 (a smoke test of the benchmark, run by
tests/test_benchmarks.py; write it elsewhere with --output).

A source database is initialised by `pgbench -i -s SCALE` (history empty) and reflected by
`sqlsynth make-tables`. Then, interleaved and repeated (the order rotating), each run into a fresh
database:

- `pgbench -i -I dtGp -s SCALE` (server-side generate_series) and `pgbench -i -I dtgp -s SCALE`
  (client-side COPY): drop, create tables, generate, primary keys; neither VACUUMs nor ANALYZEs, which
  sqlsynth does (ANALYZE of every loaded table), so `pgbench -i -I dtgvp -s SCALE` (pgbench's default
  steps: client-side COPY, then VACUUM, which also analyzes) is shown as a second anchor;
- `sqlsynth create-tables` + `sqlsynth create-data --jobs J`, whole processes, with
  (a) a config asking for the values pgbench writes (aid, bid, tid in order, bid = (aid - 1) / 100000 + 1,
      balances 0, blank filler in accounts, NULL filler in branches and tellers), and
  (b) the config `sqlsynth generate-config --no-fit` writes, unedited but for the row counts
      (num_rows_per_pass replaced by pgbench's rows; the source has rows, but --no-fit is the config a
      user gets without statistics: every column by its type's default generator), and
  (c) the config `sqlsynth generate-config` writes with the source reachable (its default: generators
      fitted to the source), then `sqlsynth make-stats`, both unedited: what a user gets by default
      (row counts from the source, which pgbench -i -s SCALE filled).

Python runs with bytecode caching on (PYTHONDONTWRITEBYTECODE unset, the trees compiled first), as
an installed sqlsynth does (pip compiles the bytecode at install).

The best wall time of each is reported with the ratio pgbench / sqlsynth (>1: sqlsynth is faster).
Every run's accounts are counted, and (a)'s contents are compared with pgbench's by an md5 of the table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import psycopg
import yaml
from psycopg import conninfo, sql

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACCOUNTS = 100_000  # pgbench: rows of pgbench_accounts per scale unit (10 tellers, 1 branch)
CLI = "import sys; from sqlsynth.cli import main; sys.argv = ['sqlsynth'] + sys.argv[1:]; main()"
DIGEST = "SELECT md5(string_agg(t::text, ',' ORDER BY {key})) FROM {table} AS t"


def with_db(dsn: str, dbname: str) -> str:
    return conninfo.make_conninfo(dsn, dbname=dbname)


def admin(dsn: str, statement: sql.Composable) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(statement)


def create_db(dsn: str, name: str) -> str:
    admin(dsn, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    admin(dsn, sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
    return with_db(dsn, name)


def drop_db(dsn: str, name: str) -> None:
    try:
        admin(dsn, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    except psycopg.Error as e:
        print(f"warning: could not drop database {name}: {e}", file=sys.stderr)


def run(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    secs = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:1] + cmd[-6:])} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return secs, p.stdout + p.stderr


def sqlsynth(args: list[str], env: dict, cwd: str, root: str = ROOT) -> tuple[float, str]:
    """`sqlsynth ARGS` in a fresh process, from the checkout at root (this one unless a baseline)."""
    env = {**env, "PYTHONPATH": root + os.pathsep + env.get("PYTHONPATH", "")}
    return run([sys.executable, "-c", CLI, *args], env=env, cwd=cwd)


def same_values_config(scale: int) -> dict:
    """(a): the values pgbench -i writes (see initGenerateDataServerSide in pgbench.c)."""
    def seq(column: str) -> dict:
        return {"name": "sqlsynth.sequence", "columns_assigned": column, "kwargs": {"format": "{}"}}

    def zero(column: str) -> dict:
        return {"name": "dist_gen.constant", "columns_assigned": column, "kwargs": {"value": 0}}

    def null(column: str) -> dict:
        return {"name": "generic.null_provider.null", "columns_assigned": column}

    return {"tables": {
        "pgbench_branches": {"rows": scale, "row_generators": [
            seq("bid"), zero("bbalance"),
            null("filler")]},
        "pgbench_tellers": {"rows": 10 * scale, "row_generators": [
            seq("tid"),
            {"name": "sqlsynth.sql", "columns_assigned": "bid", "kwargs": {"expression": "(_row - 1) / 10 + 1"}},
            zero("tbalance"), null("filler")]},
        "pgbench_accounts": {"rows": ACCOUNTS * scale, "row_generators": [
            seq("aid"),
            {"name": "sqlsynth.sql", "columns_assigned": "bid",
             "kwargs": {"expression": f"(_row - 1) / {ACCOUNTS} + 1"}},
            zero("abalance"),
            {"name": "dist_gen.constant", "columns_assigned": "filler", "kwargs": {"value": ""}}]},
        "pgbench_history": {"rows": 0},
    }}


def with_pgbench_rows(config: dict, scale: int) -> dict:
    """(b): the generated config, its num_rows_per_pass replaced by pgbench's row counts."""
    rows = {"pgbench_branches": scale, "pgbench_tellers": 10 * scale, "pgbench_accounts": ACCOUNTS * scale,
            "pgbench_history": 0}
    for name, table in config["tables"].items():
        table.pop("num_rows_per_pass", None)
        table.pop("rows_from_source", None)
        table["rows"] = rows[name]
    return config


def count_and_digest(dsn: str) -> tuple[int, str]:
    with psycopg.connect(dsn) as conn:
        n = conn.execute("SELECT count(*) FROM pgbench_accounts").fetchone()[0]
        parts = [conn.execute(sql.SQL(DIGEST).format(key=sql.Identifier(k), table=sql.Identifier(t))).fetchone()[0]
                 for t, k in (("pgbench_branches", "bid"), ("pgbench_tellers", "tid"), ("pgbench_accounts", "aid"))]
    return n, "/".join(p[:8] if p else "-" for p in parts)


def phases(log: str) -> str:
    """The phase lines of `create-data -v` (the per-table insert times and what follows)."""
    return " ".join(line.strip() for line in log.splitlines() if line.strip())[:600]


def machine(dsn: str) -> str:
    with psycopg.connect(dsn) as conn:
        ver = conn.execute("SHOW server_version").fetchone()[0]
        settings = dict(conn.execute("SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', "
                                     "'max_wal_size', 'synchronous_commit', 'fsync', 'max_parallel_workers', "
                                     "'maintenance_work_mem')").fetchall())
    pgb = subprocess.run(["pgbench", "--version"], capture_output=True, text=True).stdout.strip()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"PostgreSQL {ver}, {pgb}; {os.cpu_count()} CPUs, client and server on the same host (shared with "
            f"other jobs); load average at start {load}; Python {platform.python_version()}; server settings "
            + ", ".join(f"{k} {v}" for k, v in sorted(settings.items())))


def git_version() -> str:
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "sqlsynth"], capture_output=True,
                               text=True, check=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --------------------------------------------------------------------------- where the time goes

COLUMNS = {"aid": ("integer", "g.i"), "bid": ("integer", "1"), "abalance": ("integer", "0"),
           "filler": ("character(84)", "''")}


def backend_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a server process so far, when the server runs on this host (else
    NaN): a figure the other jobs on a shared machine move much less than wall time."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def best(conn, statement: str, repeat: int, cleanup: str | None = None) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        conn.execute(statement)
        times.append(time.perf_counter() - t0)
        if cleanup:
            conn.execute(cleanup)
    return min(times)


def accounts_insert(sql_text: str):
    """The INSERT of pgbench_accounts in a compiled program, parsed by sqlglot."""
    import sqlglot

    for stmt in sql_text.split(";\n"):
        body = "\n".join(line for line in stmt.splitlines() if not line.startswith("--")).strip()
        if body.startswith('INSERT INTO "public"."pgbench_accounts"'):
            return sqlglot.parse_one(body, dialect="postgres")
    raise SystemExit("no INSERT of pgbench_accounts in the compiled program")


def per_column(conn, insert, repeat: int) -> tuple[float, dict[str, float]]:
    """CREATE TEMP TABLE AS the insert's SELECT: all constant (aid = the row number), then each column
    generated as sqlsynth does and the others constant; the differences are the columns' costs."""
    import sqlglot
    from sqlglot import exp

    select = insert.expression
    names = [c.name for c in insert.this.expressions]
    generated = dict(zip(names, select.expressions))

    def variant(keep: str | None) -> str:
        sel = select.copy()
        cols = []
        for name in names:
            typ, const = COLUMNS[name]
            e = generated[name].copy() if name == keep else sqlglot.parse_one(const, dialect="postgres")
            cols.append(exp.Alias(this=exp.Cast(this=e, to=exp.DataType.build(typ, dialect="postgres")),
                                  alias=exp.to_identifier(name)))
        sel.set("expressions", cols)
        return "CREATE TEMP TABLE perf_cost AS " + sel.sql(dialect="postgres")

    drop = "DROP TABLE perf_cost"
    base = best(conn, variant(None), repeat, drop)
    return base, {name: best(conn, variant(name), repeat, drop) - base for name in names}


def breakdown(admin_dsn: str, tmp: str, env: dict, key: str, repeat: int, tag: str, root: str = ROOT) -> dict:
    """Where (key)'s time goes at --jobs 1: start-up, compile, the insert (EXPLAIN ANALYZE, with the
    primary key dropped first as create-data does above 1,000,000 rows), the primary key, ANALYZE,
    and the cost of each column of the accounts' SELECT."""
    out: dict = {}
    out["import"] = min(run([sys.executable, "-c", "import sqlsynth.cli, sqlsynth.api"],
                            env={**env, "PYTHONPATH": root + os.pathsep + env.get("PYTHONPATH", "")})[0]
                        for _ in range(repeat))
    out["compile"] = min(sqlsynth(["compile", "--force", "--config-file", f"{key}.yaml", "--seed", "1", "-o",
                                   f"{key}.sql"], env, tmp, root)[0] for _ in range(repeat)) - out["import"]
    with open(os.path.join(tmp, f"{key}.sql"), encoding="utf-8") as fh:
        insert = accounts_insert(fh.read())
    name = f"perf_explain_{tag}"
    dst = create_db(admin_dsn, name)
    try:
        sqlsynth(["create-tables", "--config-file", f"{key}.yaml"], {**env, "DST_DSN": dst, "DST_SCHEMA": "public"},
                 tmp, root)
        with psycopg.connect(dst, autocommit=True) as conn:
            conn.execute("SET search_path = public")
            conn.execute("ALTER TABLE pgbench_accounts DROP CONSTRAINT pgbench_accounts_pkey")
            # best of repeat, the table emptied (TRUNCATE: a new heap, as pgbench's) in between
            out.update(timed_phases(conn, [
                ("insert", "EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) " + insert.sql(dialect="postgres")),
                ("primary key", "ALTER TABLE pgbench_accounts ADD CONSTRAINT pgbench_accounts_pkey PRIMARY KEY (aid)"),
                ("analyze", "ANALYZE pgbench_accounts")], repeat,
                ["TRUNCATE pgbench_accounts", "ALTER TABLE pgbench_accounts DROP CONSTRAINT pgbench_accounts_pkey"]))
            out["base"], out["columns"] = per_column(conn, insert, repeat)
            out["expressions"] = {c.name: e.sql(dialect="postgres")
                                  for c, e in zip(insert.this.expressions, insert.expression.expressions)}
    finally:
        drop_db(admin_dsn, name)
    return out


PGBENCH_INSERT = ("insert into pgbench_accounts(aid,bid,abalance,filler) select aid, (aid - 1) / {n} + 1, 0, '' "
                  "from generate_series(1, {rows}) as aid")  # pgbench.c, initGenerateDataServerSide


def timed_phases(conn, statements: list[tuple[str, str]], repeat: int, reset: list[str]) -> dict:
    """Best of repeat of each (phase, statement) in order, wall and server CPU seconds; `reset` run
    between repeats. The EXPLAIN output of the phase "insert" is kept as "plan"."""
    out: dict = {}
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    for r in range(repeat):
        for statement in reset if r else ():
            conn.execute(statement)
        for phase, statement in statements:
            t0, c0 = time.perf_counter(), backend_cpu(pid)
            res = conn.execute(statement)
            secs, cpu = time.perf_counter() - t0, backend_cpu(pid) - c0
            out[phase] = min(out.get(phase, secs), secs)
            out[phase + " cpu"] = min(out.get(phase + " cpu", cpu), cpu)
            if phase == "insert" and res.description:
                out["plan"] = [row[0] for row in res.fetchall()]
    return out


def pgbench_statements(admin_dsn: str, scale: int, repeat: int, tag: str) -> dict:
    """pgbench -i -I G's own insert of pgbench_accounts and its primary key, timed as breakdown() times
    sqlsynth's (tables from `pgbench -i -I dt`), and the ANALYZE pgbench -I dtGp does not run."""
    name = f"perf_pgstmt_{tag}"
    dst = create_db(admin_dsn, name)
    try:
        run(["pgbench", "-i", "-q", "-I", "dt", "-s", str(scale), dst])
        with psycopg.connect(dst, autocommit=True) as conn:
            return timed_phases(conn, [
                ("insert", PGBENCH_INSERT.format(n=ACCOUNTS, rows=ACCOUNTS * scale)),
                ("primary key", "alter table pgbench_accounts add primary key (aid)"),
                ("analyze", "analyze pgbench_accounts")], repeat,
                ["truncate pgbench_accounts", "alter table pgbench_accounts drop constraint pgbench_accounts_pkey"])
    finally:
        drop_db(admin_dsn, name)


def breakdown_report(costs: dict, rows: int, repeat: int, pg: dict | None = None) -> list[str]:
    keys = list(costs)
    head = " | ".join(f"({k})" if " " not in k else f"({k.replace(' ', ') ')}" for k in keys)
    lines = ["", f"## Where the time goes (--jobs 1, best of {repeat} per figure)", "",
             "Start-up is `python -c 'import sqlsynth.cli, sqlsynth.api'`; compile is `sqlsynth compile` less "
             "the start-up; the insert is `EXPLAIN ANALYZE` of the compiled INSERT of pgbench_accounts into the "
             "table without its primary key (create-data drops it above 1,000,000 rows and re-adds it after); "
             "then the primary key and ANALYZE as create-data runs them; each the best of the repeats, the table "
             "truncated in between; `cpu`: the server process's CPU seconds for that statement (from /proc: "
             "the server is on this host; the parallel index build's workers are not counted). Seconds.", "",
             "The last column is pgbench -I G's own INSERT ... SELECT and primary key, timed the same way (and "
             "an ANALYZE, which pgbench -I dtGp does not run).", "",
             f"| phase | {head} | pgbench's statements |", "|---|" + "---:|" * (len(keys) + 1)]
    pg = pg or {}
    for phase in ("import", "compile", "insert", "insert cpu", "primary key", "primary key cpu", "analyze",
                  "analyze cpu"):
        mine = f"{pg[phase]:.2f}" if phase in pg else "-"
        lines.append(f"| {phase} | " + " | ".join(f"{costs[k][phase]:.2f}" for k in keys) + f" | {mine} |")
    lines += ["", "Cost of each accounts column: `CREATE TEMP TABLE AS` the insert's SELECT with that column as "
              "sqlsynth compiles it and the others constant (aid = the row number), less the all-constant "
              "statement. Seconds:", "", f"| column | {head} |", "|---|" + "---:|" * len(keys),
              "| all constant | " + " | ".join(f"{costs[k]['base']:.2f}" for k in keys) + " |"]
    for col in costs["a"]["columns"]:
        lines.append(f"| {col} | " + " | ".join(f"{costs[k]['columns'][col]:+.2f}" for k in keys) + " |")
    for k in keys:
        lines += ["", f"({k}): the expressions and EXPLAIN ANALYZE of the accounts insert:", ""]
        for col, e in costs[k]["expressions"].items():
            lines.append(f"- {col}: `{e if len(e) < 400 else e[:397] + '...'}`")
        lines += ["", "```", *costs[k]["plan"], "```"]
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=20, help="pgbench's scale: 100,000 accounts per unit")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--admin-dsn", default=os.environ.get("SQLSYNTH_TEST_DSN",
                                                         "postgresql://root@127.0.0.1:5432/postgres"))
    ap.add_argument("--output", default=os.path.join(ROOT, "benchmarks", "RESULTS_pgbench.md"))
    ap.add_argument("--baseline", metavar="DIR", help="another checkout of sqlsynth (e.g. `git archive main "
                    "sqlsynth | tar -x -C DIR`): its create-tables + create-data runs are interleaved too, labelled "
                    "'baseline', for before/after figures in the same run")
    ap.add_argument("--quick", action="store_true", help="scale 1, once: a smoke test of the benchmark itself")
    args = ap.parse_args(argv)
    if args.quick:
        args.scale, args.repeat = 1, 1
    if shutil.which("pgbench") is None:
        raise SystemExit("pgbench not found on PATH (it comes with PostgreSQL's client programs)")
    tag = uuid.uuid4().hex[:8]
    src_name = f"perf_src_{tag}"
    meta = machine(args.admin_dsn)
    rows = ACCOUNTS * args.scale + 11 * args.scale
    results: dict[str, list[float]] = {}
    details: dict[str, list[str]] = {}
    digests: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items()
               if k not in ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA", "PYTHONDONTWRITEBYTECODE")}
        for tree in [ROOT] + ([os.path.abspath(args.baseline)] if args.baseline else []):  # as pip install does
            run([sys.executable, "-m", "compileall", "-q", os.path.join(tree, "sqlsynth")], env=env)
        try:
            src = create_db(args.admin_dsn, src_name)
            run(["pgbench", "-i", "-q", "-s", str(args.scale), src])
            src_env = {**env, "SRC_DSN": src, "SRC_SCHEMA": "public"}
            sqlsynth(["make-tables", "--force"], src_env, tmp)
            sqlsynth(["generate-config", "--no-fit", "--force", "--config-file", "generated.yaml"], src_env, tmp)
            with open(os.path.join(tmp, "generated.yaml"), encoding="utf-8") as fh:
                generated = yaml.safe_load(fh)
            configs = {"a": same_values_config(args.scale), "b": with_pgbench_rows(generated, args.scale)}
            for key, cfg in configs.items():
                with open(os.path.join(tmp, f"{key}.yaml"), "w", encoding="utf-8") as fh:
                    yaml.safe_dump(cfg, fh, sort_keys=False)
            sqlsynth(["generate-config", "--force", "--config-file", "c.yaml"], src_env, tmp)
            sqlsynth(["make-stats", "--force", "--config-file", "c.yaml"], src_env, tmp)  # ./src-stats.yaml
            with open(os.path.join(tmp, "c.yaml"), encoding="utf-8") as fh:
                configs["c"] = yaml.safe_load(fh)
            loads = [("pgbench -i -I dtGp (server-side)", ["pgbench", "-i", "-q", "-I", "dtGp", "-s", str(args.scale)]),
                     ("pgbench -i -I dtgp (client-side)", ["pgbench", "-i", "-q", "-I", "dtgp", "-s", str(args.scale)]),
                     ("pgbench -i -I dtgvp (its default: + VACUUM)", ["pgbench", "-i", "-q", "-I", "dtgvp", "-s",
                                                                     str(args.scale)])]
            loads += [(f"sqlsynth ({key}) --jobs {j}", (key, j, ROOT)) for key in configs for j in args.jobs]
            if args.baseline:
                base = os.path.abspath(args.baseline)
                loads += [(f"sqlsynth ({key}) --jobs {j} baseline", (key, j, base)) for key in configs
                          for j in args.jobs]
            for r in range(args.repeat):
                order = loads[r % len(loads):] + loads[:r % len(loads)]
                for label, what in order:
                    name = f"perf_run_{tag}"
                    dst = create_db(args.admin_dsn, name)
                    try:
                        if what[0] == "pgbench":
                            secs, log = run([*what, dst])
                        else:
                            key, jobs, root = what
                            dst_env = {**env, "DST_DSN": dst, "DST_SCHEMA": "public"}
                            t1, _ = sqlsynth(["create-tables", "--config-file", f"{key}.yaml"], dst_env, tmp, root)
                            t2, log = sqlsynth(["create-data", "-v", "--config-file", f"{key}.yaml", "--seed", "1",
                                                "--jobs", str(jobs)], dst_env, tmp, root)
                            secs = t1 + t2
                            log = f"create-tables {t1:.2f} s, create-data {t2:.2f} s: {phases(log)}"
                        n, digest = count_and_digest(dst)
                        if n != ACCOUNTS * args.scale:
                            raise SystemExit(f"{label}: {n} accounts, expected {ACCOUNTS * args.scale}")
                        results.setdefault(label, []).append(secs)
                        details.setdefault(label, []).append(log)
                        digests.setdefault(label, set()).add(digest)
                        print(f"{label}: {secs:.2f} s", flush=True)
                    finally:
                        drop_db(args.admin_dsn, name)
            pg_costs = pgbench_statements(args.admin_dsn, args.scale, args.repeat, tag)
            costs = {key: breakdown(args.admin_dsn, tmp, env, key, args.repeat, tag) for key in configs}
            if args.baseline:
                costs.update({f"{key} baseline": breakdown(args.admin_dsn, tmp, env, key, args.repeat, tag,
                                                           os.path.abspath(args.baseline)) for key in configs})
        finally:
            drop_db(args.admin_dsn, src_name)
        same = {lab: d for lab, d in digests.items() if lab.startswith("pgbench") or "(a)" in lab}
        identical = len(set().union(*same.values())) == 1
        text = report(args, meta, rows, loads, results, details, identical, configs, costs, pg_costs)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)


def report(args, meta, rows, loads, results, details, identical, configs, costs, pg_costs=None) -> str:
    g = min(results["pgbench -i -I dtGp (server-side)"])
    c = min(results["pgbench -i -I dtgp (client-side)"])
    v = min(results["pgbench -i -I dtgvp (its default: + VACUUM)"])
    lines = [f"# sqlsynth against pgbench -i (scale {args.scale}: {ACCOUNTS * args.scale:,} accounts, "
             f"{rows:,} rows; best of {args.repeat})", "",
             f"Command: `.venv/bin/python benchmarks/bench_pgbench.py --scale {args.scale} --repeat {args.repeat} "
             f"--jobs {' '.join(map(str, args.jobs))}` (one run, one server; regenerate with that command)", "",
             f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, sqlsynth commit {git_version()}",
             f"- machine: {meta}",
             "- each run into a fresh database; wall time of the whole processes (pgbench -i; sqlsynth "
             "create-tables + create-data, Python start-up included); the order rotates between repeats",
             "- (a) config asking for pgbench's values; (b) `sqlsynth generate-config --no-fit` unedited but for the "
             "row counts (every column by its type's default generator; filler char(84) gets words); (c) "
             "`sqlsynth generate-config` (fitted to the source, its default) and `sqlsynth make-stats`, unedited",
             "- Python with bytecode caching on, the trees compiled first (as pip install does)",
             "- what sqlsynth does that `pgbench -i -I dtGp` does not: two Python processes (create-tables, then "
             "create-data: start-up, compile, the guard and journal checks) and an ANALYZE of every loaded table "
             "(pgbench -I dtgvp, its default, VACUUMs and ANALYZEs: the third anchor)",
             f"- (a) writes the same rows as pgbench -i (md5 of branches, tellers and accounts equal): "
             f"**{'yes' if identical else 'NO'}**", "",
             "| load | best s | rows/s | pgbench -I dtGp / this | pgbench -I dtgp / this | pgbench -I dtgvp / this "
             "| all runs s |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for label, _ in loads:
        best = min(results[label])
        runs = ", ".join(f"{x:.2f}" for x in results[label])
        lines.append(f"| {label} | {best:.2f} | {rows / best:,.0f} | {g / best:.2f} | {c / best:.2f} | {v / best:.2f} "
                     f"| {runs} |")
    lines += ["", "Log of the best run of each load (pgbench's own phases; sqlsynth create-data -v):", ""]
    for label, _ in loads:
        i = results[label].index(min(results[label]))
        log = details[label][i]
        if label.startswith("pgbench"):
            log = next((line.strip() for line in log.splitlines() if line.startswith("done in")), "")
        lines.append(f"- {label}: {log}")
    lines += breakdown_report(costs, rows, args.repeat, pg_costs)
    lines += ["", "Config (a):", "", "```yaml", yaml.safe_dump(configs["a"], sort_keys=False).rstrip(), "```", "",
              "Config (b):", "", "```yaml", yaml.safe_dump(configs["b"], sort_keys=False).rstrip(), "```", "",
              "Config (c), with src-stats.yaml from make-stats:", "", "```yaml",
              yaml.safe_dump(configs["c"], sort_keys=False).rstrip(), "```", ""]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
