"""make-vocab / create-vocab on a 1,000,000-row vocabulary table, against plain psql COPY in the same run.

    .venv/bin/python benchmarks/bench_vocab.py [--rows 1000000] [--repeat 3] [--dsn postgresql://root@127.0.0.1:5432/postgres]

A concept-like table (id int PK, name text, domain text, valid_from date, flag bool) is filled in
a fresh source database with INSERT ... SELECT generate_series. Then, best of --repeat:

  make-vocab                  api.make_vocab -> concept.copy
  make-vocab --compress       api.make_vocab -> concept.copy.gz
  create-vocab (.copy/.gz)    api.create_vocab into a fresh destination (create-tables once,
                              remove-vocab between repeats); wall time includes the FK/sequence
                              work, the commit and ANALYZE
  ceilings                    psql "COPY concept TO STDOUT" > file; psql "COPY concept FROM STDIN" < file;
                              and the pipe psql src COPY TO | psql dst COPY FROM (into the same empty table)

Prints a markdown table (rows/s; ratio = rows/s / the matching ceiling's rows/s). ``--quick``: 5,000
rows, once (a smoke test of the benchmark, run by tests/test_benchmarks.py).
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

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from sqlsynth import api  # noqa: E402
from sqlsynth.settings import Settings  # noqa: E402

DDL = "CREATE TABLE concept (id int PRIMARY KEY, name text NOT NULL, domain text NOT NULL, valid_from date NOT NULL, flag bool NOT NULL)"
FILL = """INSERT INTO concept
SELECT i,
       (ARRAY['Acute', 'Chronic', 'Primary', 'Secondary', 'Congenital', 'Recurrent', 'Malignant', 'Benign'])[1 + i %% 8]
       || ' ' || (ARRAY['fracture', 'infection', 'neoplasm', 'disorder', 'deficiency', 'injury', 'syndrome'])[1 + (i / 8) %% 7]
       || ' of ' || (ARRAY['femur', 'lung', 'liver', 'left kidney', 'skin', 'upper limb', 'heart valve', 'colon',
                          'spinal cord', 'retina', 'thyroid'])[1 + (i / 56) %% 11]
       || ' (' || i || ')',
       (ARRAY['Condition', 'Drug', 'Procedure', 'Measurement', 'Observation'])[1 + (i::bigint * 7919) %% 5],
       DATE '1970-01-01' + (i * 37) %% 20000,
       i %% 3 <> 0
FROM generate_series(1, %s) AS g(i)"""
CONFIG = "tables:\n  concept:\n    vocabulary_table: true\n"


def with_db(dsn: str, name: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(dsn).set(database=name).render_as_string(hide_password=False)


def psql() -> str:
    path = shutil.which("psql")
    if not path:
        sys.exit("psql is needed for the ceilings")
    return path


def best(times: list[float]) -> float:
    return min(times)


def timed(f) -> float:
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def sh(cmd: str) -> None:
    subprocess.run(["bash", "-o", "pipefail", "-c", cmd], check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dsn", default=os.environ.get("SQLSYNTH_TEST_DSN", "postgresql://root@127.0.0.1:5432/postgres"))
    ap.add_argument("--quick", action="store_true", help="toy sizes: a smoke test of the benchmark itself")
    args = ap.parse_args(argv)
    if args.quick:
        args.rows, args.repeat = 5000, 1
    tag = uuid.uuid4().hex[:8]
    names = {k: f"sqlsynth_bvocab_{k}_{tag}" for k in ("src", "dst", "ceil")}
    with psycopg.connect(args.dsn, autocommit=True) as c:
        for n in names.values():
            c.execute(f'CREATE DATABASE "{n}"')
    src, dst, ceil = (with_db(args.dsn, names[k]) for k in ("src", "dst", "ceil"))
    cwd = os.getcwd()
    tmp = tempfile.mkdtemp(prefix="sqlsynth_bvocab_")
    P = psql()
    try:
        t0 = time.perf_counter()
        with psycopg.connect(src, autocommit=True) as c:
            c.execute(DDL)
            c.execute(FILL, [args.rows])
            c.execute("VACUUM ANALYZE concept")
            server = c.execute("SHOW server_version").fetchone()[0]
        fill_s = time.perf_counter() - t0
        os.chdir(tmp)
        s_src = Settings(src_dsn=src, src_schema="public")
        s_dst = Settings(dst_dsn=dst)
        api.make_tables(s_src, "orm.yaml")
        with open("config.yaml", "w") as fh:
            fh.write(CONFIG)
        api.create_tables(s_dst)
        with psycopg.connect(ceil, autocommit=True) as c:
            c.execute(DDL)

        res: dict[str, list[float]] = {k: [] for k in (
            "make", "make_gz", "load", "load_gz", "c_dump", "c_dump_sorted", "c_load", "c_pipe")}
        sizes = {}
        for r in range(args.repeat):
            res["make"].append(timed(lambda: api.make_vocab(s_src, force=True)))
            res["make_gz"].append(timed(lambda: api.make_vocab(s_src, force=True, compress=True)))
            sizes = {"concept.copy": os.path.getsize("concept.copy"), "concept.copy.gz": os.path.getsize("concept.copy.gz")}
            for key, keep in (("load", "concept.copy"), ("load_gz", "concept.copy.gz")):
                other = "concept.copy.gz" if keep == "concept.copy" else "concept.copy"
                os.rename(other, other + ".away")  # create-vocab picks the newest file; keep only this one
                api.remove_vocab(s_dst)
                res[key].append(timed(lambda: api.create_vocab(s_dst)))
                os.rename(other + ".away", other)
            res["c_dump"].append(timed(lambda: sh(f"{P} -X -q -d '{src}' -c 'COPY concept TO STDOUT' > ceil.copy")))
            res["c_dump_sorted"].append(timed(lambda: sh(
                f"{P} -X -q -d '{src}' -c 'COPY (SELECT * FROM concept ORDER BY id) TO STDOUT' > /dev/null")))
            sh(f"{P} -X -q -d '{ceil}' -c 'TRUNCATE concept'")
            res["c_load"].append(timed(lambda: sh(f"{P} -X -q -d '{ceil}' -c 'COPY concept FROM STDIN' < ceil.copy")))
            sh(f"{P} -X -q -d '{ceil}' -c 'TRUNCATE concept'")
            res["c_pipe"].append(timed(lambda: sh(
                f"{P} -X -q -d '{src}' -c 'COPY concept TO STDOUT' | {P} -X -q -d '{ceil}' -c 'COPY concept FROM STDIN'")))
        with psycopg.connect(src) as a, psycopg.connect(dst) as b:
            q = "SELECT count(*), md5(string_agg(c::text, E'\\n' ORDER BY id)) FROM concept c"
            same = a.execute(q).fetchone() == b.execute(q).fetchone()
        commit = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
        n = args.rows

        def line(label: str, s: float, ceiling: float | None) -> str:
            ratio = f"{ceiling / s:.2f}" if ceiling else "1.00 (ceiling)"
            return f"| {label} | {s:.2f} | {n / s:,.0f} | {ratio} |"

        def row(label: str, key: str, ceiling: str | None) -> str:
            return line(label, best(res[key]), best(res[ceiling]) if ceiling else None)

        print(f"# sqlsynth vocabulary benchmark: {n:,} rows, best of {args.repeat}\n")
        print(f"Command: `.venv/bin/python benchmarks/bench_vocab.py --rows {n} --repeat {args.repeat} "
              "> benchmarks/RESULTS_vocab.md`\n")
        print(f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, sqlsynth commit {commit}+dirty")
        print(f"- PostgreSQL {server}; CPUs: {os.cpu_count()} (client and server on the same host); "
              f"Python {platform.python_version()}")
        print(f"- source filled by INSERT ... SELECT generate_series in {fill_s:.1f}s")
        print(f"- files: concept.copy {sizes['concept.copy'] / 1e6:.1f} MB, concept.copy.gz "
              f"{sizes['concept.copy.gz'] / 1e6:.1f} MB")
        print(f"- destination identical to the source after create-vocab (ordered md5): {same}\n")
        print("| step | seconds | rows/s | vs ceiling |")
        print("|---|---:|---:|---:|")
        print(row("psql `COPY concept TO STDOUT` > file", "c_dump", None))
        print(row("psql `COPY (SELECT * FROM concept ORDER BY id) TO STDOUT` > /dev/null", "c_dump_sorted", "c_dump"))
        print(row("**make-vocab** (concept.copy)", "make", "c_dump"))
        print(row("**make-vocab --compress** (concept.copy.gz)", "make_gz", "c_dump"))
        print(row("psql `COPY concept FROM STDIN` < file (PK index)", "c_load", None))
        print(row("**create-vocab** from concept.copy", "load", "c_load"))
        print(row("**create-vocab** from concept.copy.gz", "load_gz", "c_load"))
        print(row("psql pipe src `COPY TO` \\| dst `COPY FROM`", "c_pipe", None))
        print(line("make-vocab + create-vocab (sum)", best(res["make"]) + best(res["load"]), best(res["c_pipe"])))
        print("\nmake-vocab includes ORDER BY id and writing the file (atomic rename, fsync); create-vocab wall time "
              "includes the emptiness checks, FK drop/re-add, setval, commit and ANALYZE.")
    finally:
        os.chdir(cwd)
        shutil.rmtree(tmp, ignore_errors=True)
        with psycopg.connect(args.dsn, autocommit=True) as c:
            for nm in names.values():
                c.execute(f'DROP DATABASE IF EXISTS "{nm}" WITH (FORCE)')


if __name__ == "__main__":
    main()
