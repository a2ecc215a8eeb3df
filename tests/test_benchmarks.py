"""Benchmarks that cannot rot: every module in benchmarks/ imports, and each one runs end to end at
toy sizes (--quick) against the test server, writing only into a temporary directory.

This checks that the benchmarks work and produce their tables, not how fast anything is (speed is
measured by the benchmarks themselves, never by tests). run_all.py runs in one process while the
five single-topic benchmarks run one after another in a second one: the two lanes mostly wait on
the server, so the smoke takes about as long as run_all.py --quick alone.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
MODULES = sorted(p.name for p in BENCH.glob("*.py"))
SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")
NUMBER = r"[\d,]+(?:\.\d+)?"


def test_the_benchmarks_are_all_here():
    assert MODULES == ["bench_duckdb.py", "bench_dump.py", "bench_faithful.py", "bench_generators.py", "bench_jobs.py", "bench_pagila.py", "bench_pgbench.py",
                       "bench_real_schemas.py", "bench_report.py", "bench_rules.py", "bench_spark.py",
                       "bench_startup.py", "bench_stories.py", "bench_vocab.py", "run_all.py"]


@pytest.mark.parametrize("name", MODULES)
def test_every_benchmark_imports(name, monkeypatch):
    """Importing runs nothing (main only under __main__) and finds every name it uses from sqlsynth."""
    monkeypatch.setattr(sys, "path", list(sys.path))  # the benchmarks put benchmarks/ and the root on it
    spec = importlib.util.spec_from_file_location(f"bench_{name[:-3]}", BENCH / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(module.main)
    assert "--quick" in (BENCH / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", MODULES)
def test_no_benchmark_reads_outside_the_tree(name):
    text = (BENCH / name).read_text(encoding="utf-8")
    assert "shared/" not in text
    assert not re.search(r"""["'](?:/work|/home|/root|/tmp|/data)\b""", text), name


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() not in SETTINGS}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _start(args: list[str], cwd: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=cwd, env=_env(), stdin=subprocess.DEVNULL,
                            stdout=open(log, "w"), stderr=subprocess.STDOUT, text=True)


def _finish(proc: subprocess.Popen, log: Path, what: str) -> str:
    try:
        code = proc.wait(timeout=900)
    finally:
        if proc.poll() is None:
            proc.kill()
    text = log.read_text(encoding="utf-8")
    assert code == 0, f"{what} exited {code}:\n{text[-3000:]}"
    assert "Traceback" not in text, text[-3000:]
    return text


LANE = """
import os, runpy, sys
start = os.getcwd()
for script, *args in {runs!r}:
    os.chdir(start)  # bench_stories and bench_vocab work in a directory of their own
    print(f"=== {{script}}", flush=True)
    sys.argv = [script, *args]
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        if e.code not in (None, 0):
            raise
"""


def test_quick_runs_of_every_benchmark(pg_server_dsn, tmp_path):
    if shutil.which("psql") is None:
        pytest.skip("psql is not on PATH (the benchmarks load Pagila and their ceilings with it)")
    before = sorted(p.name for p in BENCH.iterdir())
    out = tmp_path / "out"
    out.mkdir()
    runs = [[str(BENCH / "bench_pagila.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output", str(out / "pagila.md")],
            [str(BENCH / "bench_generators.py"), "--quick", "--dsn", pg_server_dsn],
            [str(BENCH / "bench_stories.py"), "--quick", "--dsn", pg_server_dsn],
            [str(BENCH / "bench_vocab.py"), "--quick", "--dsn", pg_server_dsn],
            [str(BENCH / "bench_dump.py"), "--quick", "--dsn", pg_server_dsn],
            [str(BENCH / "bench_rules.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output", str(out / "rules.md")],
            [str(BENCH / "bench_faithful.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output",
             str(out / "faithful.md")],
            [str(BENCH / "bench_real_schemas.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output",
             str(out / "real.md")],
            [str(BENCH / "bench_report.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output", str(out / "report.md")],
            [str(BENCH / "bench_jobs.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output", str(out / "jobs.md")]]
    if shutil.which("pgbench"):  # comes with PostgreSQL's client programs, like psql
        runs.append([str(BENCH / "bench_pgbench.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output",
                     str(out / "pgbench.md")])
    run_all = _start([str(BENCH / "run_all.py"), "--quick", "--admin-dsn", pg_server_dsn, "--output",
                      str(out / "quick.md")], tmp_path, tmp_path / "run_all.log")
    try:
        lane = _start(["-c", LANE.format(runs=runs)], tmp_path, tmp_path / "lane.log")
        try:
            lane_text = _finish(lane, tmp_path / "lane.log", "bench_pagila/generators/stories/vocab --quick")
        finally:
            if lane.poll() is None:
                lane.kill()
        _finish(run_all, tmp_path / "run_all.log", "run_all.py --quick")
    finally:
        if run_all.poll() is None:
            run_all.kill()

    # nothing written into benchmarks/ (run_all writes RESULTS-quick.md there unless --output is given)
    assert sorted(p.name for p in BENCH.iterdir() if p.name != "__pycache__") == \
        [n for n in before if n != "__pycache__"]

    # run_all.py: the five approaches with their row counts and rates, the targets, compile time, memory
    report = (out / "quick.md").read_text(encoding="utf-8")
    assert "--num-passes 1000, fan-out 2" in report and "**20,000 rows** in 15 tables" in report, report[:2000]
    for approach in ("ceiling: COPY (FORMAT BINARY)", "ceiling: INSERT ... SELECT of constants",
                     "sqlsynth create-data --jobs 1 (one transaction)", "sqlsynth create-data --jobs 2",
                     "ancestors: Mimesis + one SQLAlchemy INSERT per row"):
        row = next((line for line in report.splitlines() if line.startswith(f"| {approach}")), None)
        assert row is not None, approach
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert all(re.fullmatch(NUMBER, c) for c in cells[1:6]), row
        assert float(cells[3].replace(",", "")) > 0, row  # insert rows/s
    targets = report.split("## Targets", 1)[1].split("##", 1)[0]
    assert len(re.findall(r"^\| .* \| (?:met|\*\*missed\*\*)", targets, re.M)) == 5, targets
    assert re.search(rf"on a generated 10-table schema .* median of 5: \*\*{NUMBER} s\*\*", report)
    assert re.search(rf"peak RSS at 20,000 rows < 200 MB \| {NUMBER} MB", report)
    assert len(re.findall(r"^\| (actor|film|rental|payment) \| ", report, re.M)) == 4

    # bench_pagila.py: every Pagila table with both rates and their ratio
    pagila = (out / "pagila.md").read_text(encoding="utf-8")
    rows = re.findall(rf"^\| (\w+) \| ({NUMBER}) \| {NUMBER} \| {NUMBER} \| {NUMBER} \| {NUMBER} \| ({NUMBER}) \|$",
                      pagila, re.M)
    assert len(rows) == 15 and {r[0] for r in rows} >= {"actor", "film", "rental", "payment"}, pagila
    assert dict((r[0], r[1]) for r in rows)["rental"] == "1,000"

    # bench_rules.py: every table before and after, the rules proposed, and each of them kept
    rules = (out / "rules.md").read_text(encoding="utf-8")
    assert len(re.findall(rf"^\| \w+ \| {NUMBER} \| {NUMBER} \| {NUMBER} \| {NUMBER} \| {NUMBER} \| {NUMBER} \| "
                          rf"{NUMBER} \|$", rules, re.M)) == 15, rules
    assert "- store: round_trip [store_manager_staff_id_fkey, staff_store_id_fkey]" in rules, rules
    assert "- customers with last_update before create_date: 0" in rules and \
        "- stores whose manager works elsewhere: 0" in rules, rules

    # bench_real_schemas.py: its own small schema through the unedited pipeline, both runs, every
    # constraint carried (source/destination counts equal) and validated
    real = (out / "real.md").read_text(encoding="utf-8")
    assert re.findall(r"^\| quick \| starter \(--no-fit\) \| (.*?) \| 2 \| 3/3 \| 1/1 \| 3/3 \| 0 \| (\d+) \| .* \| ok \|$",
                      real, re.M) == [("--num-passes 5", "10"), ("--num-passes 50 --jobs 2", "100")], real

    # bench_report.py: create-data and both reports timed, with the scores
    rep = (out / "report.md").read_text(encoding="utf-8")
    for step in ("create-data", "report (SRC_DSN)", "report (src-stats.yaml)"):
        assert re.search(rf"^\| {re.escape(step)} \| {NUMBER} \| {NUMBER} \| {NUMBER} \|$", rep, re.M), rep
    assert re.search(rf"Report faster than create-data: \*\*(yes|no)\*\*\. Scores \(SRC_DSN\): overall {NUMBER}", rep), rep

    # bench_jobs.py: the ceiling's three layouts, sqlsynth's three loads, the chunk statements alone, memory
    jobs = (out / "jobs.md").read_text(encoding="utf-8")
    layouts = re.findall(rf"^\| (\d) connections?, (\d) tables? \| {NUMBER} \| {NUMBER} \| ({NUMBER})x \| ", jobs, re.M)
    assert [r[:2] for r in layouts] == [("1", "1"), ("2", "1"), ("2", "2")] and layouts[0][2] == "1.00", jobs
    loads = re.findall(rf"^\| (--jobs [^|]+) \| ({NUMBER}) \| {NUMBER} \| ({NUMBER}) \| ({NUMBER})x / \*\*({NUMBER})x\*\* \|",
                       jobs, re.M)
    assert [r[0] for r in loads] == ["--jobs 1", "--jobs 2", "--jobs 2, synchronous commit (before)"], jobs
    assert loads[0][3] == loads[0][4] == "1.00" and all(float(r[2]) > 0 for r in loads), jobs
    assert re.search(rf"chunk statements alone .* 2 connections \*\*{NUMBER} s\*\*: \*\*{NUMBER}x\*\*", jobs), jobs
    assert re.search(rf"--jobs 1: {NUMBER} MB \(6,000 rows, .*--jobs 2: {NUMBER} MB \(6,000 rows", jobs), jobs

    # bench_pgbench.py: the three pgbench loads and the six sqlsynth ones, each with its time and three
    # ratios; config (a) wrote exactly pgbench's rows
    if shutil.which("pgbench"):
        pgb = (out / "pgbench.md").read_text(encoding="utf-8")
        rows = re.findall(rf"^\| ((?:pgbench|sqlsynth) [^|]+) \| ({NUMBER}) \| {NUMBER} \| ({NUMBER}) \| ({NUMBER}) "
                          rf"\| ({NUMBER}) \| ", pgb, re.M)
        assert [r[0] for r in rows] == ["pgbench -i -I dtGp (server-side)", "pgbench -i -I dtgp (client-side)",
                                        "pgbench -i -I dtgvp (its default: + VACUUM)",
                                        "sqlsynth (a) --jobs 1", "sqlsynth (a) --jobs 2", "sqlsynth (b) --jobs 1",
                                        "sqlsynth (b) --jobs 2", "sqlsynth (c) --jobs 1", "sqlsynth (c) --jobs 2"], pgb
        assert all(float(r[1]) > 0 and float(r[2]) > 0 and float(r[4]) > 0 for r in rows), pgb
        # each pgbench load against itself
        assert rows[0][2] == "1.00" and rows[1][3] == "1.00" and rows[2][4] == "1.00", pgb
        assert "| insert cpu |" in pgb and "pgbench's statements |" in pgb, pgb
        assert "(md5 of branches, tellers and accounts equal): **yes**" in pgb, pgb
        assert "scale 1: 100,000 accounts" in pgb, pgb

    # the other three print their tables
    sections = dict(part.split("\n", 1) for part in lane_text.split("=== ")[1:])
    sections = {Path(k).name: v for k, v in sections.items()}
    gen = sections["bench_generators.py"]
    assert re.search(rf"^\| constant INSERT \.\.\. SELECT \| {NUMBER} \| {NUMBER} \|$", gen, re.M), gen
    assert re.search(r"ratio sqlsynth / constant: \*\*\d+%\*\*", gen), gen
    stories = sections["bench_stories.py"]
    assert re.search(rf"^\| sqlsynth batched .* \| 20 \| \d+ \| {NUMBER} \| {NUMBER} \|$", stories, re.M), stories
    assert re.search(r"speed-up: \*\*[\d.]+x\*\*", stories), stories
    vocab = sections["bench_vocab.py"]
    assert "5,000 rows, best of 1" in vocab and "(ordered md5): True" in vocab, vocab
    assert len(re.findall(rf"^\| .* \| {NUMBER} \| {NUMBER} \| ", vocab, re.M)) == 9, vocab
    dump = sections["bench_dump.py"]
    assert "5,000 rows, best of 1" in dump, dump
    assert len(re.findall(rf"^\| (?:dump-data|ceiling): .*\| {NUMBER} \| {NUMBER} \| {NUMBER} \|$|"
                          rf"^\| dump-data \(.*\| {NUMBER} \| {NUMBER} \| {NUMBER} \|$", dump, re.M)) == 7, dump
    assert re.search(rf"1,250 rows: {NUMBER} MB; 5,000 rows: {NUMBER} MB", dump), dump


def test_quick_run_of_the_duckdb_benchmark(pg_server_dsn, tmp_path):
    out = tmp_path / "duckdb.md"
    done = subprocess.run([sys.executable, str(BENCH / "bench_duckdb.py"), "--quick", "--breakdown", "--admin-dsn",
                           pg_server_dsn, "--output", str(out)], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert "**6,000 rows** in 15 tables" in text, text
    for load in ("DuckDB: INSERT ... SELECT of constants (floor)", "DuckDB: sqlsynth create-data",
                 "PostgreSQL: sqlsynth create-data"):
        assert re.search(rf"\| {re.escape(load)} \| {NUMBER} \| {NUMBER} \| {NUMBER}x \|", text), load
    for table in ("film", "rental", "**all**"):  # --breakdown: compute, insert and floor per table, then COMMIT
        assert re.search(rf"\| {re.escape(table)} \| {NUMBER} \| {NUMBER} \| {NUMBER} \|", text), table
    assert re.search(rf"\| COMMIT \| \| {NUMBER} \| {NUMBER} \|", text), text


def test_quick_run_of_the_spark_benchmark(tmp_path):
    """bench_spark.py --quick: both wide-table loads, the local[1] and local[2] runs (one JVM each) and
    Pagila, with rates, and the scaling ratio."""
    for module in ("pyspark", "dbldatagen"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install '.[spark]'): bench_spark.py needs it")
    out = tmp_path / "spark.md"
    done = subprocess.run([sys.executable, str(BENCH / "bench_spark.py"), "--quick", "--output", str(out)],
                          cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for load in ("dbldatagen wide table", "sqlsynth wide table",
                 "sqlsynth wide table, --master local[1] (own JVM, 4 partitions)",
                 "sqlsynth wide table, --master local[2] (own JVM, 4 partitions)"):
        assert re.search(rf"^\| {re.escape(load)} \| 20,000 \| {NUMBER} \| {NUMBER} \|$", text, re.M), load
    assert re.search(rf"^\| sqlsynth Pagila, 15 tables .* \| {NUMBER} \| {NUMBER} \| {NUMBER} \|$", text, re.M), text
    assert re.search(rf"sqlsynth / dbldatagen \(wide table rows/s\): \*\*{NUMBER}x\*\*", text), text
    assert re.search(rf"local\[2\] / local\[1\] .*: \*\*{NUMBER}x\*\*", text), text


def test_quick_run_of_the_startup_benchmark(pg_server_dsn, tmp_path):
    """bench_startup.py --quick: whole-process create-data (cold and warm pool cache), the psql and
    interpreter floors and the breakdown, each a number."""
    if shutil.which("psql") is None:
        pytest.skip("psql is not on PATH (the server's floor runs the compiled script with it)")
    out = tmp_path / "startup.md"
    p = subprocess.run([sys.executable, str(BENCH / "bench_startup.py"), "--quick", "--admin-dsn", pg_server_dsn,
                        "--output", str(out)], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    assert "**750 rows** in 15 tables" in report, report
    for label in ("this tree, empty pool cache (cold)", "this tree, pool cache filled (warm)",
                  "server's floor: psql -f of the compiled script", "interpreter's floor: python -c pass",
                  "all imports (-X importtime)", "build the plan (pools included)", "compile"):
        row = next((line for line in report.splitlines() if line.startswith(f"| {label} |")), None)
        assert row is not None, (label, report)
        assert re.fullmatch(NUMBER, row.strip("|").split("|")[1].strip()), row
