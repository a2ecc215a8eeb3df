"""Source statistics: make-stats (plain, differentially private, automatic queries, --jobs),
SRC_STATS references resolved at compile time, fitted generators (`stats: auto`),
rows_from_source and the children-per-parent histogram. Pagila is the source."""

from __future__ import annotations

import importlib.util
import math
import sys
import time
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main
from sqlsynth.stats import StatsRefError, children_histogram, load_stats
from sqlsynth.stats.refs import parse_ref, resolve

HAS_SNSQL = importlib.util.find_spec("snsql") is not None
needs_snsql = pytest.mark.skipif(not HAS_SNSQL, reason="smartnoise-sql is not installed (pip install -e '.[dp]')")


def run(args: list[str], ok: bool = True):
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, res.output
    return res


def write_config(cfg: dict | str) -> None:
    Path("config.yaml").write_text(cfg if isinstance(cfg, str) else yaml.safe_dump(cfg, sort_keys=False))


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def source(dsn: str, q: str):
    with psycopg.connect(dsn) as conn:
        return conn.execute(q).fetchall()


@pytest.fixture
def src(tmp_path, monkeypatch, pagila_src):
    """cwd = a fresh folder with orm.yaml of the Pagila source; SRC_DSN set."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("SRC_SCHEMA", "public")
    run(["make-tables"])
    return pagila_src


@pytest.fixture
def dst(src, make_db, monkeypatch):
    d = make_db("sqlsynth_dst")
    monkeypatch.setenv("DST_DSN", d)
    return d


# ---- references (no database) ------------------------------------------------------------------


def test_references_are_parsed_not_evaluated():
    assert parse_ref('SRC_STATS["age_stats"]["results"][0]["mean"]') == ("age_stats", ["results", 0, "mean"])
    assert parse_ref("SRC_STATS['a'][-1]") == ("a", [-1])
    for bad in ['__import__("os").system("touch /tmp/pwned")', 'SRC_STATS["a"][0:2]', "SRC_STATS[x]",
                'sum(r["count"] for r in SRC_STATS["a"]["results"])', "SRC_STATS"]:
        with pytest.raises(StatsRefError):
            parse_ref(bad)
    stats = {"df": {"queries": {}, "results": [{"mean": 3.5}]}, "ssg": [{"mean": 1.5}]}
    # datafaker's form, SqlSynthGen's list form, on either kind of file
    assert resolve(stats, "df", ["results", 0, "mean"]) == 3.5
    assert resolve(stats, "df", [0, "mean"]) == 3.5
    assert resolve(stats, "ssg", ["results", 0, "mean"]) == 1.5
    assert resolve(stats, "ssg", [0, "mean"]) == 1.5
    assert resolve(stats, "df", []) == [{"mean": 3.5}]
    with pytest.raises(StatsRefError, match=r'SRC_STATS\["df"\]\["results"\]\[0\] has no "meen" \(it has: mean\)'):
        resolve(stats, "df", ["results", 0, "meen"])
    with pytest.raises(StatsRefError, match="has no row 2"):
        resolve(stats, "df", ["results", 2])


# ---- make-stats ---------------------------------------------------------------------------------


def test_make_stats_writes_datafaker_format(src):
    write_config({"src-stats": [
        {"name": "amount_stats",
         "query": "SELECT AVG(amount) AS mean, STDDEV(amount) AS sd, COUNT(*) AS n, MIN(payment_date)::date AS first "
                  "FROM payment",
         "comments": ["mean and sd of payments, for IG review"]},
        {"name": "staff_counts", "query": "SELECT staff_id, count(*) AS n FROM payment GROUP BY staff_id ORDER BY 1"},
    ]})
    out = run(["make-stats"]).output
    assert "amount_stats: 1 row" in out and "wrote src-stats.yaml: 2 statistics" in out
    text = Path("src-stats.yaml").read_text()
    stats = yaml.safe_load(text)
    assert list(stats) == ["amount_stats", "staff_counts", "sqlsynth__report"]  # config order, then the report's
    e = stats["amount_stats"]
    assert list(e) == ["queries", "comments", "results"]
    assert list(e["queries"]) == ["date", "query"] and e["queries"]["query"].startswith("SELECT AVG(amount)")
    assert e["comments"] == ["mean and sd of payments, for IG review"]
    (row,) = e["results"]
    assert list(row) == ["mean", "sd", "n", "first"]
    mean, sd, n, first = source(src, "SELECT AVG(amount), STDDEV(amount), COUNT(*), MIN(payment_date)::date FROM payment")[0]
    assert isinstance(row["mean"], float) and row["mean"] == pytest.approx(float(mean))  # Decimal -> float
    assert row["sd"] == pytest.approx(float(sd)) and row["n"] == n
    assert row["first"] == first.isoformat()  # dates -> ISO strings
    assert [r["staff_id"] for r in stats["staff_counts"]["results"]] == [1, 2]
    # an existing file is kept without --force
    res = run(["make-stats"], ok=False)
    assert res.exit_code == 1 and "already exists; use --force" in res.output
    run(["make-stats", "--force"])


@needs_snsql
def test_make_stats_differentially_private_query(src, dst):
    """The tutorial's two-stage DP query: the per-customer query stays on the server (a temporary
    view), smartnoise-sql aggregates it with noise; the budget spent is printed and recorded; the
    noisy result drives generation."""
    stats_cfg = """\
src-stats:
  - name: customer_payments
    query: >
      SELECT customer_id, AVG(amount)::float AS avg_amount, COUNT(*) AS payments
      FROM payment GROUP BY customer_id
    dp-query: >
      SELECT AVG(avg_amount) AS mean, AVG(payments) AS mean_payments, COUNT(*) AS customers
      FROM query_result
    epsilon: 1.0
    delta: 0.00001
    snsql-metadata:
      max_ids: 1
      customer_id: {type: int, private_id: true}
      avg_amount: {type: float, lower: 0, upper: 12}
      payments: {type: int, lower: 0, upper: 60}
    comments: [average payment per customer, differentially private]
"""
    write_config(stats_cfg)
    out = run(["make-stats"]).output
    assert "customer_payments: 1 row" in out and "privacy spent: epsilon" in out
    assert "privacy budget spent: epsilon" in out
    text = Path("src-stats.yaml").read_text()
    e = yaml.safe_load(text)["customer_payments"]
    assert e["queries"]["dp-query"].startswith("SELECT AVG(avg_amount)")
    assert e["privacy"]["epsilon_spent"] > 0 and 0 < e["privacy"]["delta_spent"] < 1e-3
    assert f"epsilon {e['privacy']['epsilon_spent']:g}" in text.splitlines()[1]  # the total, in the header
    (row,) = e["results"]
    exact_mean, exact_payments, exact_n = source(
        src, "SELECT AVG(a), AVG(n), COUNT(*) FROM (SELECT AVG(amount) a, COUNT(*) n FROM payment GROUP BY customer_id) s")[0]
    assert abs(row["mean"] - float(exact_mean)) < 0.5
    assert abs(row["mean_payments"] - float(exact_payments)) < 5
    assert abs(row["customers"] - exact_n) < 50
    with psycopg.connect(src) as conn:  # the temporary view went with the session
        assert conn.execute("SELECT count(*) FROM pg_class WHERE relname = 'query_result'").fetchone()[0] == 0
    # the noisy mean drives a generator: payments around it
    write_config(stats_cfg + """\
tables:
  payment:
    rows: 20000
    row_generators:
      - name: dist_gen.normal
        columns_assigned: amount
        kwargs: {mean: 'SRC_STATS["customer_payments"]["results"][0]["mean"]', sd: 0.5}
""")
    run(["create-tables"])
    run(["create-data", "--seed", "4"])
    mean, _sd, n = payment_mean_sd(dst)
    assert n == 20000 and abs(mean - row["mean"]) < 0.02, (mean, row["mean"])


@needs_snsql
def test_fitted_choice_with_differential_privacy(src):
    write_config({"tables": {"film": {"row_generators": [
        {"name": "dist_gen.weighted_choice", "columns_assigned": "rating", "stats": {"auto": True, "epsilon": 1.0}}]}}})
    out = run(["make-stats"]).output
    e = yaml.safe_load(Path("src-stats.yaml").read_text())["auto__film__rating"]
    assert e["privacy"]["epsilon_spent"] == pytest.approx(1.0)  # the whole statistic spends what was asked
    exact = dict(source(src, "SELECT rating::text, count(*) FROM film GROUP BY 1"))
    noisy = {r["value"]: r["count"] for r in e["results"]}
    assert set(noisy) == set(exact) and all(abs(noisy[k] - exact[k]) < 40 for k in exact)
    assert "privacy budget spent: epsilon 1" in out


def test_dp_without_smartnoise_is_one_clear_line(src, monkeypatch):
    monkeypatch.setitem(sys.modules, "snsql", None)  # import snsql -> ImportError
    write_config({"src-stats": [{"name": "x", "query": "SELECT customer_id, amount FROM payment",
                                 "dp-query": "SELECT COUNT(*) AS n FROM query_result", "epsilon": 1.0,
                                 "snsql-metadata": {"row_privacy": True, "amount": {"type": "float"}}}]})
    res = run(["make-stats"], ok=False)
    assert res.exit_code == 1
    assert res.output.strip().count("\n") == 0 and "pip install -e '.[dp]'" in res.output
    assert not Path("src-stats.yaml").exists()


def test_make_stats_errors_are_located_and_nothing_is_written(src, monkeypatch):
    text = """\
src-stats:
  - name: fine
    query: SELECT 1 AS one
  - name: broken
    query: SELECT nope FROM payment
  - name: private
    query: SELECT customer_id FROM payment
    dp-query: SELECT COUNT(*) AS n FROM query_result
    epsilon: 1
    snsql-metadata:
      row_privacy: true
      customer_id: {type: int, private_id: true}
"""
    write_config(text)
    res = run(["make-stats"], ok=False)
    assert res.exit_code == 1
    assert f"config.yaml:{line_of(text, 'row_privacy')}: src-stats[2].snsql-metadata.row_privacy: " in res.output
    write_config(text.split("  - name: private")[0])
    res = run(["make-stats"], ok=False)
    assert f"config.yaml:5: src-stats[1].query: column \"nope\" does not exist" in res.output
    assert "Traceback" not in res.output and not Path("src-stats.yaml").exists()
    monkeypatch.delenv("SRC_DSN")
    res = run(["make-stats"], ok=False)
    assert res.exit_code == 1 and "missing SRC_DSN" in res.output and res.output.count("\n") == 1


def test_jobs_run_queries_at_once_on_separate_connections(src):
    queries = [{"name": f"q{i}", "query": "SELECT pg_backend_pid() AS pid, pg_sleep(0.6)::text AS slept"}
               for i in range(4)]
    write_config({"src-stats": queries})
    t0 = time.monotonic()
    run(["make-stats", "--jobs", "4", "--no-for-report"])  # timed: the queries alone
    took = time.monotonic() - t0
    stats = yaml.safe_load(Path("src-stats.yaml").read_text())
    assert list(stats) == ["q0", "q1", "q2", "q3"]  # config order whatever finished first
    assert len({stats[f"q{i}"]["results"][0]["pid"] for i in range(4)}) == 4
    assert took < 2.0, took  # 4 x 0.6 s one after another would be 2.4 s
    write_config({"use-asyncio": True, "src-stats": queries})  # datafaker's switch means the same
    run(["make-stats", "--force"])
    stats = yaml.safe_load(Path("src-stats.yaml").read_text())
    assert len({stats[f"q{i}"]["results"][0]["pid"] for i in range(4)}) > 1


# ---- SRC_STATS references in generation ---------------------------------------------------------


def payment_mean_sd(dsn: str) -> tuple[float, float, int]:
    m, s, n = source(dsn, "SELECT AVG(amount), STDDEV(amount), COUNT(*) FROM payment")[0]
    return float(m), float(s), n


def test_src_stats_references_drive_generation(dst, src):
    text = """\
src-stats:
  - name: amount_stats
    query: SELECT AVG(amount)::float AS mean, STDDEV(amount)::float AS std_dev FROM payment
  - name: ratings
    query: SELECT rating AS value, count(*) AS count FROM film GROUP BY rating ORDER BY count DESC
tables:
  payment:
    rows: 20000
    row_generators:
      - name: dist_gen.normal
        columns_assigned: amount
        kwargs:
          mean: SRC_STATS["amount_stats"]["results"][0]["mean"]
          sd: SRC_STATS["amount_stats"][0]["std_dev"]
  film:
    row_generators:
      - name: dist_gen.weighted_choice
        columns_assigned: rating
        kwargs:
          a: {src_stats: ratings, path: [results]}
"""
    write_config(text)
    run(["make-stats"])
    run(["validate-config"])
    run(["create-tables"])
    run(["create-data", "--num-passes", "20", "--seed", "3"])
    src_mean, src_sd, _ = payment_mean_sd(src)
    mean, sd, n = payment_mean_sd(dst)
    assert n == 20000
    assert abs(mean - src_mean) / src_mean < 0.05 and abs(sd - src_sd) / src_sd < 0.05, (mean, sd, src_mean, src_sd)
    assert {r[0] for r in source(dst, "SELECT DISTINCT rating::text FROM film")} <= \
        {r[0] for r in source(src, "SELECT DISTINCT rating::text FROM film")}


def test_missing_reference_is_a_located_compile_error(src):
    text = """\
src-stats:
  - name: amount_stats
    query: SELECT AVG(amount)::float AS mean FROM payment
tables:
  payment:
    row_generators:
      - name: dist_gen.normal
        columns_assigned: amount
        kwargs:
          mean: SRC_STATS["amount_stats"]["results"][0]["mean"]
          sd: SRC_STATS["amount_stats"]["results"][0]["sd"]
  film:
    row_generators:
      - name: dist_gen.normal
        columns_assigned: length
        kwargs:
          mean: SRC_STATS["length_stats"]["results"][0]["mean"]
          sd: 'len(SRC_STATS["amount_stats"])'
"""
    write_config(text)
    # no src-stats.yaml yet: the references say so, at their lines
    res = run(["compile"], ok=False)
    assert res.exit_code == 1
    mean_line = line_of(text, 'mean: SRC_STATS["amount')
    assert (f"config.yaml:{mean_line}: tables.payment.row_generators[0].kwargs.mean: "
            'SRC_STATS["amount_stats"]: no statistics file src-stats.yaml') in res.output
    run(["make-stats"])
    res = run(["compile"], ok=False)
    assert (f"config.yaml:{line_of(text, 'sd: SRC_STATS')}: tables.payment.row_generators[0].kwargs.sd: "
            'SRC_STATS["amount_stats"]["results"][0] has no "sd" (it has: mean)') in res.output
    assert (f"config.yaml:{line_of(text, 'length_stats')}: tables.film.row_generators[0].kwargs.mean: "
            'SRC_STATS["length_stats"] is not in src-stats.yaml') in res.output
    res = run(["validate-config"], ok=False)
    assert "kwargs.sd" in res.output and res.exit_code == 1
    # an explicit --stats-file that lacks the statistic
    Path("other.yaml").write_text("amount_stats: [{mean: 4.2, sd: 2.0}]\nlength_stats: [{mean: 100}]\n")
    res = run(["compile", "--stats-file", "other.yaml"], ok=False)
    assert "kwargs.mean" not in res.output
    assert "tables.film.row_generators[0].kwargs.sd: len(SRC_STATS[\"amount_stats\"]): only plain" in res.output


def test_stats_file_is_needed_only_when_referenced(src, dst):
    Path("src-stats.yaml").write_text(": not yaml :\n  - [")
    write_config({"tables": {"film": {"rows": 3}}})
    run(["create-tables"])
    run(["compile", "-o", "x.sql"])


# ---- fitted generators, rows_from_source, null_fraction: auto, children ------------------------


def test_fitted_normal_matches_the_source_mean_and_sd(src, dst):
    write_config({"tables": {"payment": {"rows": 20000, "row_generators": [
        {"name": "dist_gen.normal", "columns_assigned": "amount", "stats": "auto"}]}}})
    res = run(["compile"], ok=False)  # before make-stats: a located error that says what to do
    assert "tables.payment.row_generators[0].stats: stats: auto:" in res.output and "make-stats" in res.output
    run(["make-stats"])
    e = yaml.safe_load(Path("src-stats.yaml").read_text())["auto__payment__amount"]
    assert '"amount"' in e["queries"]["query"] and '"public"."payment"' in e["queries"]["query"]  # quoted names
    run(["create-tables"])
    run(["create-data", "--num-passes", "20", "--seed", "11"])
    src_mean, src_sd, _ = payment_mean_sd(src)
    mean, sd, n = payment_mean_sd(dst)
    assert n == 20000
    assert abs(mean - src_mean) / src_mean < 0.05, (mean, src_mean)
    assert abs(sd - src_sd) / src_sd < 0.05, (sd, src_sd)


def test_fitted_lognormal_keeps_the_source_mean_and_sd(src, dst):
    """A fitted lognormal matches moments, so the generated mean stays within 5% of the source's
    although Pagila's prices are not lognormal; its values are clamped to the source's min and max,
    which trims the long tail (sd within 10%)."""
    write_config({"tables": {"payment": {"rows": 20000, "row_generators": [
        {"name": "dist_gen.lognormal", "columns_assigned": "amount", "stats": "auto"}]}}})
    run(["make-stats"])
    run(["create-tables"])
    run(["create-data", "--seed", "5"])
    src_mean, src_sd, _ = payment_mean_sd(src)
    mean, sd, n = payment_mean_sd(dst)
    assert n == 20000
    assert abs(mean - src_mean) / src_mean < 0.05, (mean, src_mean)
    assert abs(sd - src_sd) / src_sd < 0.10, (sd, src_sd)
    assert source(dst, "SELECT min(amount) FROM payment")[0][0] > 0
    assert source(dst, "SELECT max(amount) FROM payment")[0][0] <= source(src, "SELECT max(amount) FROM payment")[0][0]


def test_fitted_weighted_choice_matches_the_source_frequencies(src, dst):
    write_config({"tables": {"film": {"rows": 10000, "row_generators": [
        {"name": "dist_gen.weighted_choice", "columns_assigned": "rating", "stats": "auto"}]}}})
    run(["make-stats"])
    run(["create-tables"])
    run(["create-data", "--num-passes", "10", "--seed", "5"])
    expected = dict(source(src, "SELECT rating::text, count(*) FROM film GROUP BY 1"))
    got = dict(source(dst, "SELECT rating::text, count(*) FROM film GROUP BY 1"))
    total_src, total = sum(expected.values()), sum(got.values())
    assert total == 10000 and set(got) == set(expected)
    chi2 = sum((got[k] - total * expected[k] / total_src) ** 2 / (total * expected[k] / total_src) for k in expected)
    assert chi2 < 18.47, (chi2, got, expected)  # 4 degrees of freedom, p = 0.001


def test_small_counts_are_suppressed(src):
    write_config({"tables": {"customer": {"row_generators": [
        {"name": "dist_gen.weighted_choice", "columns_assigned": "last_name", "stats": "auto"},
        {"name": "dist_gen.weighted_choice", "columns_assigned": "store_id", "stats": {"auto": True, "suppress": 0}}]}}})
    run(["make-stats"])
    stats = yaml.safe_load(Path("src-stats.yaml").read_text())
    assert stats["auto__customer__last_name"]["results"] == []  # every surname is rare
    assert "count <= 7 suppressed" in stats["auto__customer__last_name"]["comments"][1]
    assert len(stats["auto__customer__store_id"]["results"]) == 2
    res = CliRunner().invoke(main, ["compile", "-o", "x.sql"], catch_exceptions=False)
    assert res.exit_code == 0, res.output  # falls back to the column's default instead of failing
    assert "tables.customer.row_generators[0] (customer.last_name): every value was seen too few times " \
           "(suppressed)" in res.output and "default generator" in res.output


def test_rows_from_source_and_null_fraction_auto(src, dst):
    text = """\
tables:
  film:
    rows_from_source: 2
  customer:
    rows_from_source: 0.5
  address:
    row_generators:
      - name: generic.text.word
        columns_assigned: address2
        null_fraction: auto
"""
    write_config(text)
    run(["make-stats"])
    stats = load_stats("src-stats.yaml")
    nulls, total = source(src, "SELECT count(*) FILTER (WHERE address2 IS NULL), count(*) FROM address")[0]
    assert resolve(stats, "auto__nulls__address__address2", ["results", 0, "fraction"]) == pytest.approx(nulls / total)
    run(["create-tables"])
    run(["create-data", "--num-passes", "30"])
    assert source(dst, "SELECT count(*) FROM film")[0][0] == 2 * 1000
    assert source(dst, "SELECT count(*) FROM customer")[0][0] == round(0.5 * 599)
    write_config(text.replace("rows_from_source: 2", "rows_from_source: 2\n    rows: 5"))
    res = run(["compile"], ok=False)
    assert f"config.yaml:{line_of(text, 'rows_from_source: 2')}: tables.film.rows_from_source: give rows or " \
           "rows_from_source, not both" in res.output


def test_children_histogram_of_rentals_per_customer(src):
    write_config({"tables": {"rental": {"children_per_parent": {"foreign_key": "rental_customer_id_fkey",
                                                                "suppress": 0}}}})
    run(["make-stats"])
    stats = load_stats("src-stats.yaml")
    direct = source(src, """SELECT k, count(*) FROM (SELECT c.customer_id, count(r.rental_id) AS k
                            FROM customer c LEFT JOIN rental r USING (customer_id) GROUP BY c.customer_id) s
                            GROUP BY k ORDER BY k""")
    hist = children_histogram(stats, "rental", "rental_customer_id_fkey")
    assert hist == [(int(k), int(n)) for k, n in direct]
    assert sum(n for _k, n in hist) == 599
    assert sum(k * n for k, n in hist) == source(src, "SELECT count(*) FROM rental")[0][0]
    run(["compile", "-n", "100", "-o", "x.sql"])  # compile reads the histogram from src-stats.yaml
    # by default, no row counts 7 parents or fewer: runs of rare k become ranges {k, k_max, parents}
    write_config({"tables": {"rental": {"children_per_parent": {"foreign_key": "rental_customer_id_fkey"}}}})
    run(["make-stats", "--force"])
    rows = load_stats("src-stats.yaml")["auto__children__rental__rental_customer_id_fkey"]["results"]
    assert all(r["parents"] > 7 for r in rows) and any("k_max" in r for r in rows)
    small = {int(k): int(n) for k, n in direct if n <= 7}
    for r in rows:
        if "k_max" in r:  # a range holds exactly the source's parents of its k values
            assert r["parents"] == sum(n for k, n in small.items() if r["k"] <= k <= r["k_max"])
    kept = sum(r["parents"] for r in rows)
    assert kept >= 599 - 7 * 2  # at most a small run at each end is left out


def test_generate_config_fit_then_make_stats_then_create_data(src, dst, monkeypatch):
    with monkeypatch.context() as m:  # --fit from orm.yaml alone (no source to shape the config from)
        m.delenv("SRC_DSN")
        run(["generate-config", "--fit"])
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    film = {g["columns_assigned"]: g for g in cfg["tables"]["film"]["row_generators"]}
    assert film["rating"] == {"name": "dist_gen.weighted_choice", "columns_assigned": "rating", "stats": "auto",
                              "null_fraction": "auto"}
    assert film["length"]["name"] == "sqlsynth.quantiles" and film["length"]["stats"] == "auto"
    # a partition key is fitted only when a DEFAULT partition takes any value (Pagila's payment has one)
    assert "payment_date" in {g["columns_assigned"] for g in cfg["tables"]["payment"]["row_generators"]}
    assert all("stats" not in g for g in cfg["tables"]["customer"]["row_generators"] if g["columns_assigned"] == "customer_id")
    out = run(["make-stats", "-j", "3"]).output
    assert "auto__film__rating: 5 rows" in out
    run(["create-tables"])
    run(["create-data", "--num-passes", "2000", "--seed", "1"])
    src_len = source(src, "SELECT AVG(length) FROM film")[0][0]
    dst_len, ratings = source(dst, "SELECT AVG(length), count(DISTINCT rating) FROM film")[0]
    assert abs(float(dst_len) - float(src_len)) / float(src_len) < 0.05 and ratings == 5
    rates = {float(r[0]) for r in source(dst, "SELECT DISTINCT rental_rate FROM film")}
    assert rates == {0.99, 2.99, 4.99}
    assert not math.isnan(float(dst_len))
