"""Every configured generator, run on the real server, keeps the statistical promise it makes.

Each test creates a small table in a fresh database, reflects it, writes a config.yaml with
`rows: 100000` for the table, compiles the plan with a fixed seed and runs it with run_program,
then checks the rows in SQL.

Tolerances are statistical, not arbitrary:
  * a mean (also a variance, covariance or share, each written as the mean of a per-row
    quantity) must lie within Z = 4 standard errors of its target, the standard error being
    the sample standard deviation of that per-row quantity / sqrt(n);
  * frequencies must give a chi-square statistic below its 99.9% critical value
    (Wilson-Hilferty approximation; scipy is not installed).
The seed is fixed, so the tests are deterministic; the tolerances say the observed values are
what a correct generator produces, not just what this seed happened to give.

Every test runs on each engine (the `engine` fixture): generating in PostgreSQL, generating in
DuckDB (a file in tmp_path, compile/duckdb.py) and, when pyspark is installed, in Spark (Parquet in
tmp_path, compile/spark.py), the last two copying the rows into the same PostgreSQL table, so that
the same SQL checks judge every engine's rows.

The golden tests at the end compile a handful of generators for a fixed schema (no database)
and compare the psql script with tests/golden/generators/<name>.sql; regenerate with
SQLSYNTH_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import calendar
import importlib.util
import math
import os
from pathlib import Path
from typing import Any

import psycopg
import pytest
import yaml

from sqlsynth.compile.program import compile_plan, render_script
from sqlsynth.config.load import load_config
from sqlsynth.errors import ExecutionError
from sqlsynth.execute.postgres import run_program
from sqlsynth.plan.build import build_plan
from sqlsynth.schema.io import schema_from_dict
from sqlsynth.schema.reflect import reflect

N = 100_000
SEED = 20240611
Z = 4.0  # standard errors allowed for a mean
Z999 = 3.090232  # upper 99.9% quantile of the standard normal
GOLDEN = Path(__file__).parent / "golden" / "generators"


# ---- statistics ------------------------------------------------------------------------------


def chi2_critical(df: int, z: float = Z999) -> float:
    """Upper quantile of chi-square(df) by Wilson-Hilferty: df (1 - 2/(9df) + z sqrt(2/(9df)))^3."""
    a = 2.0 / (9.0 * df)
    return df * (1.0 - a + z * math.sqrt(a)) ** 3


def test_chi2_critical_matches_tables():
    # 99.9% points from the usual tables; Wilson-Hilferty is within 3.5% (conservative for df=1)
    for df, table in [(1, 10.828), (2, 13.816), (4, 18.467), (9, 27.877), (19, 43.820), (99, 148.230)]:
        assert abs(chi2_critical(df) - table) / table < 0.035, df


def gen(name: str, columns: str | list[str], **kwargs: Any) -> dict:
    """A row_generators entry; null_fraction/unique/pool_size may be given as kwargs too."""
    g: dict[str, Any] = {"name": name, "columns_assigned": columns if isinstance(columns, list) else [columns]}
    for key in ("null_fraction", "unique", "pool_size", "locale"):
        if key in kwargs:
            g[key] = kwargs.pop(key)
    if kwargs:
        g["kwargs"] = kwargs
    return g


def synth(dsn: str, tmp_path: Path, ddl: str | None, tables: dict[str, dict], seed: int = SEED,
          rows: int = N) -> psycopg.Connection:
    """Create the table(s) (ddl may hold several statements; None: they exist), reflect them,
    write config.yaml with `rows` for every configured table, build, compile and run the plan.
    Returns an autocommit connection (TimeZone UTC) for the checks."""
    if ddl:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(ddl)
    schema = reflect(dsn, "public")
    cfg = {"tables": {name: {"rows": rows, **tc} for name, tc in tables.items()}}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, sort_keys=False))
    config = load_config(str(path))
    plan = build_plan(schema, config, num_passes=1, seed=seed)
    if ENGINE["name"] == "duckdb":
        through_duckdb(dsn, tmp_path, schema, plan)
    elif ENGINE["name"] == "spark":
        through_spark(dsn, tmp_path, plan)
    else:
        run_program(dsn, compile_plan(plan))
    conn = psycopg.connect(dsn, autocommit=True)
    conn.execute("SET TimeZone = 'UTC'")
    return conn


ENGINE = {"name": "pg"}


def pytest_generate_tests(metafunc):
    if "fresh_db" in metafunc.fixturenames:  # the tests that generate rows run on both engines
        engines = ["pg", "duckdb"] + (["spark"] if importlib.util.find_spec("pyspark") else [])
        metafunc.parametrize("engine", engines, indirect=True)


@pytest.fixture(autouse=True)
def engine(request):
    """The engine that generates the rows (the checks always read them in PostgreSQL)."""
    ENGINE["name"] = getattr(request, "param", "pg")
    yield ENGINE["name"]
    ENGINE["name"] = "pg"


def through_duckdb(dsn: str, tmp_path: Path, schema, plan) -> None:
    """Generate the plan in a DuckDB file, then copy its rows into the PostgreSQL tables (same columns)."""
    import duckdb

    from sqlsynth.compile.duckdb import compile_duckdb
    from sqlsynth.execute import duckdb as duck
    from sqlsynth.schema.ddl_duckdb import create_statements

    path = tmp_path / f"gen{len(list(tmp_path.glob('gen*.duckdb')))}.duckdb"
    with duckdb.connect(str(path)) as c:
        for st in create_statements(schema, set()).statements:
            c.execute(st)
    prog = compile_duckdb(plan)
    duck.create_data(f"duckdb:///{path}", prog)
    with duckdb.connect(str(path), read_only=True) as c, psycopg.connect(dsn) as pg:
        for name in prog.targets:
            cols = plan.tables[name].columns()
            names = ", ".join(f'"{x}"' for x in cols)
            rows = c.execute(f"SELECT {names} FROM {prog.qtables[name]}").fetchall()
            with pg.cursor().copy(f"COPY {prog.qtables[name]} ({names}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)


def through_spark(dsn: str, tmp_path: Path, plan) -> None:
    """Generate the plan with Spark (local[2], the session kept for the next test) into Parquet, then copy
    the rows into the PostgreSQL tables; a generator Spark refuses skips the test, naming why."""
    import duckdb
    from sqlglot import exp

    from sqlsynth.compile.spark import compile_spark
    from sqlsynth.errors import SqlsynthError
    from sqlsynth.execute import spark as sx

    try:
        prog = compile_spark(plan, 2)
    except SqlsynthError as e:
        pytest.skip(f"not on Spark: {str(e).splitlines()[0]}")
    out = tmp_path / f"spark{len(list(tmp_path.glob('spark*')))}"
    spark = sx.session("local[2]", 2, {"spark.driver.memory": "1g"})
    spark.sparkContext.setLogLevel("ERROR")
    sx.create_data(prog, plan.schema, str(out), spark=spark)
    with duckdb.connect() as c, psycopg.connect(dsn) as pg:
        for step in prog.steps:
            cols = plan.tables[step.table].columns()
            names = ", ".join(f'"{x}"' for x in cols)
            files = exp.Literal.string(str(out / step.name / "*.parquet")).sql("duckdb")
            rows = c.execute(f"SELECT {names} FROM read_parquet({files})").fetchall()
            with pg.cursor().copy(f"COPY {plan.qtable(step.table)} ({names}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)


def one(conn: psycopg.Connection, sql: str) -> Any:
    return conn.execute(sql).fetchone()[0]


def report(label: str, observed: float, target: float, tol: float) -> None:
    print(f"STAT {label}: observed {observed:.6g}, target {target:.6g}, tolerance {tol:.3g}")


def assert_mean(conn: psycopg.Connection, table: str, expr: str, target: float, label: str,
                where: str = "true") -> float:
    """The mean of a per-row quantity is within Z standard errors of target."""
    n, m, sd = conn.execute(f"SELECT count(({expr})), avg(({expr})::float8), stddev_samp(({expr})::float8) "
                            f"FROM {table} WHERE {where}").fetchone()
    assert n > 1000, f"{label}: only {n} values"
    se = (sd or 0.0) / math.sqrt(n)
    tol = Z * se if se > 0 else 1e-9
    report(label, m, target, tol)
    assert abs(m - target) <= tol, f"{label}: {m} is not within {tol} of {target} (n={n})"
    return m


def assert_share(conn: psycopg.Connection, table: str, cond: str, p: float, label: str, where: str = "true") -> float:
    """Share of rows meeting cond; the standard error is that of a binomial proportion at p."""
    n, k = conn.execute(f"SELECT count(*), count(*) FILTER (WHERE {cond}) FROM {table} WHERE {where}").fetchone()
    share = k / n
    tol = Z * math.sqrt(p * (1 - p) / n)
    report(label, share, p, tol)
    assert abs(share - p) <= tol, f"{label}: share {share} is not within {tol} of {p} (n={n})"
    return share


def assert_mean_sd(conn: psycopg.Connection, table: str, expr: str, mean: float, sd: float, label: str) -> None:
    """Mean within Z SE; variance, as the mean of (x - xbar)^2, within Z SE of sd^2."""
    assert_mean(conn, table, expr, mean, f"{label} mean")
    sq = f"power(({expr})::float8 - (SELECT avg(({expr})::float8) FROM {table}), 2)"
    var = assert_mean(conn, table, sq, sd * sd, f"{label} variance")
    print(f"STAT {label} sd: observed {math.sqrt(var):.6g}, target {sd:.6g}")


def assert_chi2(counts: dict, probs: dict, label: str) -> None:
    """Observed counts (only known categories) fit the probabilities: chi-square < 99.9% point."""
    unknown = set(counts) - set(probs)
    assert not unknown, f"{label}: unexpected values {sorted(map(str, unknown))[:5]}"
    total_p = sum(probs.values())
    n = sum(counts.values())
    chi2 = sum((counts.get(k, 0) - n * p / total_p) ** 2 / (n * p / total_p) for k, p in probs.items())
    df = len(probs) - 1
    crit = chi2_critical(df)
    print(f"STAT {label} chi-square: {chi2:.4g} (df {df}, 99.9% point {crit:.4g}); "
          f"counts {dict(sorted(counts.items(), key=lambda kv: str(kv[0]))) if len(counts) <= 12 else '...'}")
    assert chi2 < crit, f"{label}: chi-square {chi2} >= {crit} (df {df}); counts {counts}"


def counts_of(conn: psycopg.Connection, table: str, expr: str) -> dict:
    return dict(conn.execute(f"SELECT {expr}, count(*) FROM {table} WHERE {expr} IS NOT NULL GROUP BY 1").fetchall())


# ---- numbers ---------------------------------------------------------------------------------


def test_uniform_numbers(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, i integer, f double precision, fp double precision,
                        u double precision, ums double precision)""", {"t": {"row_generators": [
        gen("generic.numeric.integer_number", "i", start=1, end=20),
        gen("generic.numeric.float_number", "f", start=-5.0, end=15.0),
        gen("generic.numeric.float_number", "fp", start=0, end=1, precision=2),
        gen("dist_gen.uniform", "u", low=2.0, high=4.0),
        gen("dist_gen.uniform_ms", "ums", mean=10.0, sd=3.0),
    ]}})
    with conn:
        # integer_number: inclusive range, every value equally often
        assert conn.execute("SELECT min(i), max(i), count(i) FROM t").fetchone() == (1, 20, N)
        assert_mean(conn, "t", "i", 10.5, "integer_number(1, 20)")
        assert_chi2(counts_of(conn, "t", "i"), {k: 1 for k in range(1, 21)}, "integer_number(1, 20)")
        # float_number / uniform: [low, high), mean (low+high)/2, sd (high-low)/sqrt(12)
        lo, hi = conn.execute("SELECT min(f), max(f) FROM t").fetchone()
        assert -5 <= lo < -4.99 and 14.99 < hi < 15
        assert_mean_sd(conn, "t", "f", 5.0, 20 / math.sqrt(12), "float_number(-5, 15)")
        assert one(conn, "SELECT count(*) FROM t WHERE fp <> round(fp::numeric, 2)::float8 OR fp < 0 OR fp > 1") == 0
        assert_mean(conn, "t", "fp", 0.5, "float_number(0, 1, precision 2)")
        lo, hi = conn.execute("SELECT min(u), max(u) FROM t").fetchone()
        assert 2 <= lo < 2.001 and 3.999 < hi < 4
        assert_mean_sd(conn, "t", "u", 3.0, 2 / math.sqrt(12), "uniform(2, 4)")
        # uniform_ms: uniform on mean +- sqrt(3) sd
        lo, hi = conn.execute("SELECT min(ums), max(ums) FROM t").fetchone()
        assert 10 - 3 * math.sqrt(3) <= lo and hi < 10 + 3 * math.sqrt(3)
        assert_mean_sd(conn, "t", "ums", 10.0, 3.0, "uniform_ms(10, 3)")


def test_uniform_draws_have_uniform_leading_digits(fresh_db, tmp_path):
    """Every continuous generator (uniform, normal, weighted choices, poisson, booleans, null_fraction)
    reads the same [0, 1) stream; its deciles must be uniform. Ten columns pooled: chi-square(90)."""
    cols = [f"u{i}" for i in range(10)]
    ddl = f"CREATE TABLE t (id serial PRIMARY KEY, {', '.join(c + ' double precision' for c in cols)})"
    conn = synth(fresh_db, tmp_path, ddl,
                 {"t": {"row_generators": [gen("dist_gen.uniform", c, low=0.0, high=1.0) for c in cols]}})
    with conn:
        total = 0.0
        for c in cols:
            counts = counts_of(conn, "t", f"floor({c} * 10)::int")
            total += sum((counts.get(k, 0) - N / 10) ** 2 / (N / 10) for k in range(10))
        crit = chi2_critical(90)
        print(f"STAT uniform(0, 1) deciles, 10 columns pooled chi-square: {total:.4g} (df 90, 99.9% point {crit:.4g})")
        assert total < crit


def test_normal_lognormal_exponential(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, n double precision, ln double precision,
                        e double precision, es double precision)""", {"t": {"row_generators": [
        gen("dist_gen.normal", "n", mean=-3.0, sd=2.0),
        gen("dist_gen.lognormal", "ln", logmean=1.0, logsd=0.5),
        gen("sqlsynth.exponential", "e", rate=0.25),
        gen("sqlsynth.exponential", "es", scale=2.0),
    ]}})
    with conn:
        assert one(conn, "SELECT count(*) FROM t WHERE n IS NULL OR ln IS NULL OR e IS NULL OR es IS NULL") == 0
        assert_mean_sd(conn, "t", "n", -3.0, 2.0, "normal(-3, 2)")
        assert_share(conn, "t", "abs(n + 3) < 2", 0.682689, "normal(-3, 2) within 1 sd")
        assert_share(conn, "t", "abs(n + 3) < 4", 0.954500, "normal(-3, 2) within 2 sd")
        assert one(conn, "SELECT min(ln) FROM t") > 0
        assert_mean_sd(conn, "t", "ln(ln)", 1.0, 0.5, "lognormal(1, 0.5) ln(x)")
        assert one(conn, "SELECT min(e) FROM t") >= 0
        assert_mean_sd(conn, "t", "e", 4.0, 4.0, "exponential(rate 0.25)")
        assert_share(conn, "t", "e > 4", math.exp(-1), "exponential(rate 0.25) P(x > 1/rate)")
        assert_mean_sd(conn, "t", "es", 2.0, 2.0, "exponential(scale 2)")


def test_poisson(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, "CREATE TABLE t (id serial PRIMARY KEY, p3 integer, p100 integer)",
                 {"t": {"row_generators": [gen("sqlsynth.poisson", "p3", lam=3),
                                           gen("sqlsynth.poisson", "p100", lam=100)]}})
    with conn:
        assert one(conn, "SELECT min(least(p3, p100)) FROM t") >= 0
        for col, lam in (("p3", 3.0), ("p100", 100.0)):
            assert_mean_sd(conn, "t", col, lam, math.sqrt(lam), f"poisson({lam:g})")
        # lam 3 is an exact inverse CDF: the whole distribution fits (0..9, and 10+ pooled)
        pmf = {k: math.exp(-3) * 3 ** k / math.factorial(k) for k in range(10)}
        pmf[10] = 1 - sum(pmf.values())
        assert_chi2(counts_of(conn, "t", "least(p3, 10)"), pmf, "poisson(3) pmf")


# ---- choices ---------------------------------------------------------------------------------


def test_choices_are_uniform(fresh_db, tmp_path):
    colours = ["red", "green", "blue", "yellow", "black"]
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, dc text, dcv text, gc text, rc integer)""", {"t": {"row_generators": [
        gen("dist_gen.choice", "dc", a=[{"value": c} for c in colours]),
        gen("dist_gen.choice", "dcv", a=colours),
        gen("generic.choice", "gc", items=colours),
        gen("generic.random.choice", "rc", seq=[1, 2, 3, 4, 5, 6, 7]),
    ]}})
    with conn:
        for col in ("dc", "dcv", "gc"):
            assert one(conn, f"SELECT count({col}) FROM t") == N
            assert_chi2(counts_of(conn, "t", col), {c: 1 for c in colours}, f"choice column {col}")
        assert_chi2(counts_of(conn, "t", "rc"), {k: 1 for k in range(1, 8)}, "generic.random.choice 1..7")
        # separate generators draw from separate streams
        assert one(conn, "SELECT count(*) FROM t WHERE dc = gc") < N * 0.25


def test_weighted_and_zipf_choice(fresh_db, tmp_path):
    weights = {"x": 50, "y": 30, "z": 15, "w": 4, "v": 1}
    zipf = ["first", "second", "third", "fourth", "fifth", "sixth"]
    conn = synth(fresh_db, tmp_path, "CREATE TABLE t (id serial PRIMARY KEY, w text, z text)", {"t": {"row_generators": [
        gen("dist_gen.weighted_choice", "w",
            a=[{"value": k, "count": c} for k, c in weights.items()] + [{"value": "never", "count": 0}]),
        gen("dist_gen.zipf_choice", "z", a=[{"value": v} for v in zipf]),
    ]}})
    with conn:
        assert one(conn, "SELECT count(*) FROM t WHERE w IS NULL OR w = 'never' OR z IS NULL") == 0
        assert_chi2(counts_of(conn, "t", "w"), weights, "weighted_choice 50/30/15/4/1")
        assert_chi2(counts_of(conn, "t", "z"), {v: 1 / (r + 1) for r, v in enumerate(zipf)}, "zipf_choice 1/rank")


# ---- multivariate ----------------------------------------------------------------------------


def _check_mvn(conn: psycopg.Connection, x: str, y: str, m: tuple[float, float], c: tuple[float, float, float],
               label: str) -> None:
    assert_mean_sd(conn, "t", x, m[0], math.sqrt(c[0]), f"{label} x")
    assert_mean_sd(conn, "t", y, m[1], math.sqrt(c[2]), f"{label} y")
    prod = f"(({x}) - (SELECT avg({x}) FROM t)) * (({y}) - (SELECT avg({y}) FROM t))"
    assert_mean(conn, "t", prod, c[1], f"{label} covariance")
    corr = one(conn, f"SELECT corr({x}, {y}) FROM t")
    target = c[1] / math.sqrt(c[0] * c[2])
    # SE of a sample correlation (normal data): (1 - rho^2) / sqrt(n)
    tol = Z * (1 - target ** 2) / math.sqrt(N)
    report(f"{label} correlation", corr, target, tol)
    assert abs(corr - target) <= tol


def test_multivariate_normal_and_lognormal(fresh_db, tmp_path):
    cov_n = {"rank": 2, "m0": 10.0, "m1": -5.0, "c0_0": 4.0, "c0_1": 3.0, "c1_1": 9.0}  # corr 0.5
    cov_l = {"rank": 2, "m0": 1.0, "m1": 0.5, "c0_0": 0.25, "c0_1": -0.12, "c1_1": 0.16}  # corr -0.6
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, a double precision, b double precision,
                        la double precision, lb double precision)""", {"t": {"row_generators": [
        gen("dist_gen.multivariate_normal", ["a", "b"], cov=cov_n),
        gen("dist_gen.multivariate_lognormal", ["la", "lb"], cov=cov_l),
    ]}})
    with conn:
        _check_mvn(conn, "a", "b", (10.0, -5.0), (4.0, 3.0, 9.0), "multivariate_normal")
        assert one(conn, "SELECT min(least(la, lb)) FROM t") > 0
        _check_mvn(conn, "ln(la)", "ln(lb)", (1.0, 0.5), (0.25, -0.12, 0.16), "multivariate_lognormal ln")


# ---- nulls -----------------------------------------------------------------------------------


def test_null_fraction_and_missingness_patterns(fresh_db, tmp_path):
    patterns = [{"row_count": 70, "a__is_null": False, "b__is_null": False},
                {"row_count": 30, "a__is_null": True, "b__is_null": True}]
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, n double precision, k text);
        CREATE TABLE m (id serial PRIMARY KEY, a integer, b text, c integer)""", {
        "t": {"row_generators": [
            gen("dist_gen.normal", "n", mean=0.0, sd=1.0, null_fraction=0.3),
            gen("generic.choice", "k", items=["p", "q", "r"], null_fraction=0.3),
        ]},
        "m": {"row_generators": [gen("generic.numeric.integer_number", "a", start=1, end=9),
                                 gen("generic.choice", "b", items=["u", "v"])],
              "missingness_generators": [{"name": "column_presence.sampled", "kwargs": {"patterns": patterns}}]},
    })
    with conn:
        assert_share(conn, "t", "n IS NULL", 0.3, "null_fraction 0.3 on normal")
        assert_share(conn, "t", "k IS NULL", 0.3, "null_fraction 0.3 on choice")
        # each generator has its own null stream: the two are independent
        assert_share(conn, "t", "n IS NULL AND k IS NULL", 0.09, "null_fraction both null")
        # the remaining values keep their distribution
        assert_mean_sd(conn, "t", "n", 0.0, 1.0, "normal(0, 1) with nulls")
        assert_chi2(counts_of(conn, "t", "k"), {"p": 1, "q": 1, "r": 1}, "choice with nulls")
        # column_presence.sampled: one pattern per row; a and b are null together, c never
        assert_share(conn, "m", "a IS NULL", 0.3, "missingness pattern null share")
        assert one(conn, "SELECT count(*) FROM m WHERE (a IS NULL) <> (b IS NULL)") == 0
        assert one(conn, "SELECT count(*) FROM m WHERE c IS NULL") == 0
        assert_chi2(counts_of(conn, "m", "a"), {k: 1 for k in range(1, 10)}, "integer_number under missingness")


# ---- booleans and dates ----------------------------------------------------------------------


def test_booleans(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, "CREATE TABLE t (id serial PRIMARY KEY, b boolean, d boolean)",
                 {"t": {"row_generators": [gen("generic.weighted_boolean_provider.bool", "b", probability=0.2),
                                           gen("generic.development.boolean", "d")]}})
    with conn:
        assert one(conn, "SELECT count(*) FROM t WHERE b IS NULL OR d IS NULL") == 0
        assert_share(conn, "t", "b", 0.2, "weighted_boolean_provider.bool(0.2) true share")
        assert_share(conn, "t", "d", 0.5, "development.boolean true share")


def _days_per_year(a: int, b: int) -> dict[int, int]:
    return {y: 366 if calendar.isleap(y) else 365 for y in range(a, b + 1)}


def test_dates_and_datetimes(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, d date, ts timestamp, tz timestamptz)""", {"t": {"row_generators": [
        gen("generic.datetime.date", "d", start=2000, end=2009),
        gen("generic.datetime.datetime", "ts", start=2010, end=2014),
        gen("generic.datetime.datetime", "tz", start=1995, end=1996),
    ]}})
    with conn:
        lo, hi = conn.execute("SELECT min(d), max(d) FROM t").fetchone()
        assert str(lo) >= "2000-01-01" and str(hi) <= "2009-12-31"
        assert one(conn, "SELECT count(*) FROM t WHERE ts < '2010-01-01' OR ts > '2014-12-31 23:59:59'") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE tz < '1995-01-01 00:00+00' OR tz > '1996-12-31 23:59:59+00'") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE d IS NULL OR ts IS NULL OR tz IS NULL") == 0
        # uniform over days: years in proportion to their length
        assert_chi2(counts_of(conn, "t", "extract(year FROM d)::int"), _days_per_year(2000, 2009), "date years")
        assert_chi2(counts_of(conn, "t", "extract(year FROM ts)::int"), _days_per_year(2010, 2014), "datetime years")
        assert_chi2(counts_of(conn, "t", "extract(year FROM tz)::int"), _days_per_year(1995, 1996), "datetime tz years")
        # and over the time of day
        assert_chi2(counts_of(conn, "t", "extract(hour FROM ts)::int"), {h: 1 for h in range(24)}, "datetime hours")
        days = (2009 - 2000 + 1) * 365 + 3  # 2000, 2004, 2008 are leap years
        assert_mean(conn, "t", "d - date '2000-01-01'", (days - 1) / 2, "date day offset")


def test_timespans(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, s timestamp, e timestamp,
                        s3 timestamptz, e3 timestamptz, d3 interval)""", {"t": {"row_generators": [
        gen("generic.timespan_provider.timespan", ["s", "e"], earliest_start_year=2015, last_start_year=2016,
            min_dt="1 hour", max_dt="3 days"),
        gen("generic.timespan_provider.timespan", ["s3", "e3", "d3"], earliest_start_year=2020,
            last_start_year=2020, min_dt=60, max_dt=600),
    ]}})
    with conn:
        assert one(conn, "SELECT count(*) FROM t WHERE e < s OR e3 < s3") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE s < '2015-01-01' OR s > '2016-12-31 23:59:59'") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE e - s < interval '1 hour' OR e - s > interval '3 days'") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE extract(year FROM s3) <> 2020") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE e3 - s3 <> d3 OR d3 < interval '60 s' OR d3 > interval '600 s'") == 0
        # delta uniform over [min_dt, max_dt]
        assert_mean(conn, "t", "extract(epoch FROM e - s)", (3600 + 3 * 86400) / 2, "timespan delta seconds")
        assert_mean(conn, "t", "extract(epoch FROM d3)", 330.0, "timespan(60..600 s) delta")
        assert_chi2(counts_of(conn, "t", "extract(year FROM s)::int"), _days_per_year(2015, 2016), "timespan start years")


# ---- sequences and SQL expressions -----------------------------------------------------------


def test_sequence_and_sql_expressions(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, code text UNIQUE, n bigint, x integer, y integer, r bigint,
                        start_date date, end_date date)""", {"t": {"row_generators": [
        gen("sqlsynth.sequence", "code", format="CUST-{:06d}"),
        gen("sqlsynth.sequence", "n", start=1000, step=5),
        gen("generic.numeric.integer_number", "x", start=-1000, end=1000),
        gen("sqlsynth.sql", "y", expression="x * 2 + 1"),
        gen("sqlsynth.sql", "r", expression="_row * 10"),
        gen("generic.datetime.date", "start_date", start=2020, end=2021),
        gen("sqlsynth.sql", "end_date", expression="start_date + (_u * 30)::int"),
    ]}})
    with conn:
        assert conn.execute("SELECT min(code), max(code), count(DISTINCT code) FROM t").fetchone() == (
            "CUST-000001", "CUST-100000", N)
        assert one(conn, "SELECT count(*) FROM t WHERE code IS DISTINCT FROM 'CUST-' || lpad(id::text, 6, '0')") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE n IS DISTINCT FROM 1000 + 5 * (id - 1)") == 0
        # expressions are evaluated exactly, on the same row's values
        assert one(conn, "SELECT count(*) FROM t WHERE y IS DISTINCT FROM x * 2 + 1") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE r IS DISTINCT FROM id * 10") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE end_date IS NULL OR end_date < start_date "
                         "OR end_date - start_date > 30") == 0
        assert one(conn, "SELECT count(DISTINCT end_date - start_date) FROM t") == 31
        # (u * 30)::int rounds: 0 and 30 have half the weight of 1..29, the mean is 15
        assert_mean(conn, "t", "end_date - start_date", 15.0, "sql start_date + (_u * 30)::int offset")
        assert_mean(conn, "t", "x", 0.0, "integer_number(-1000, 1000)")


# ---- Mimesis pools ---------------------------------------------------------------------------


def test_mimesis_pools(fresh_db, tmp_path):
    domains = ["gmail.com", "ucl.ac.uk"]
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, first varchar(45), email text, city text)""", {"t": {"row_generators": [
        gen("generic.person.first_name", "first", unique=True),
        gen("generic.person.email", "email", domains=domains, unique=True),
        gen("generic.address.city", "city"),
    ]}})
    with conn:
        # fewer distinct first names than rows: a row-number suffix keeps them distinct and within 45
        assert conn.execute("SELECT count(DISTINCT first), count(first), max(length(first)) FROM t").fetchone()[:2] == (N, N)
        assert one(conn, "SELECT max(length(first)) FROM t") <= 45
        assert one(conn, "SELECT count(*) FROM t WHERE first !~ '^[A-Z][^-]*-[0-9]+$'") == 0
        assert conn.execute("SELECT count(DISTINCT email), count(email) FROM t").fetchone() == (N, N)
        assert one(conn, "SELECT count(*) FROM t WHERE NOT (email LIKE '%@gmail.com' OR email LIKE '%@ucl.ac.uk')") == 0
        assert one(conn, "SELECT count(*) FROM t WHERE email !~ '^[^@ ]+@[^@ ]+$'") == 0
        assert_share(conn, "t", "email LIKE '%@gmail.com'", 0.5, "email domain gmail.com share")
        n_cities = one(conn, "SELECT count(DISTINCT city) FROM t")
        print(f"STAT address.city distinct values: {n_cities}")
        assert n_cities > 100
        assert one(conn, "SELECT count(*) FROM t WHERE city IS NULL OR btrim(city) = ''") == 0


# ---- values kept inside the column type ------------------------------------------------------


def test_continuous_draws_are_clamped_to_the_column(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, p numeric(4,2),
                        k double precision CHECK (k BETWEEN 0 AND 10), s smallint)""", {"t": {"row_generators": [
        gen("dist_gen.normal", "p", mean=50.0, sd=100.0),
        gen("dist_gen.normal", "k", mean=5.0, sd=10.0),
        gen("dist_gen.normal", "s", mean=0.0, sd=100000.0),
    ]}})
    with conn:
        lo, hi = conn.execute("SELECT min(p), max(p) FROM t").fetchone()
        assert float(lo) == -99.99 and float(hi) == 99.99  # clamped, and the bounds are reached
        lo, hi = conn.execute("SELECT min(k), max(k) FROM t").fetchone()
        assert lo == 0 and hi == 10
        lo, hi = conn.execute("SELECT min(s), max(s) FROM t").fetchone()
        assert lo == -32768 and hi == 32767
        # draws beyond a bound land on it; inside, the normal(50, 100) is untouched
        phi = lambda x: 0.5 * math.erfc(-(x - 50.0) / 100.0 / math.sqrt(2))  # noqa: E731 - its CDF
        assert_share(conn, "t", "p = 99.99", 1 - phi(99.99), "normal(50, 100) clamped at 99.99")
        assert_share(conn, "t", "p = -99.99", phi(-99.99), "normal(50, 100) clamped at -99.99")
        assert_share(conn, "t", "p BETWEEN 0 AND 50", phi(50) - phi(0), "normal(50, 100) in [0, 50]")
        tail = 0.5 * math.erfc(5 / 10 / math.sqrt(2))  # P(x > 10) = P(x < 0) for normal(5, 10)
        assert_share(conn, "t", "k = 10", tail, "normal(5, 10) clamped at 10")
        assert_share(conn, "t", "k = 0", tail, "normal(5, 10) clamped at 0")


def test_other_continuous_draws_are_clamped_too(fresh_db, tmp_path):
    conn = synth(fresh_db, tmp_path, """
        CREATE TABLE t (id serial PRIMARY KEY, a numeric(4,2), b numeric(4,2), e smallint)""", {"t": {"row_generators": [
        gen("dist_gen.multivariate_normal", ["a", "b"],
            cov={"rank": 2, "m0": 50.0, "m1": 0.0, "c0_0": 10000.0, "c0_1": 0.0, "c1_1": 1.0}),
        gen("sqlsynth.exponential", "e", scale=5000.0),
    ]}})
    with conn:
        assert conn.execute("SELECT min(a)::float8, max(a)::float8, max(e) FROM t").fetchone() == (-99.99, 99.99, 32767)


# ---- determinism -----------------------------------------------------------------------------


DET_DDL = """CREATE TABLE d (id serial PRIMARY KEY, n double precision, w text, code text, y double precision,
                             name text, k integer)"""
DET_CONFIG = {"d": {"row_generators": [
    gen("dist_gen.normal", "n", mean=0.0, sd=1.0, null_fraction=0.1),
    gen("dist_gen.weighted_choice", "w", a=[{"value": "a", "count": 3}, {"value": "b", "count": 1}]),
    gen("sqlsynth.sequence", "code", format="C{:05d}"),
    gen("sqlsynth.sql", "y", expression="coalesce(n, 0) * 2 + _u"),
    gen("generic.person.last_name", "name"),
    gen("generic.numeric.integer_number", "k", start=1, end=1000000, unique=True),
]}}


def test_same_seed_same_rows_other_seed_other_rows(fresh_db, tmp_path):
    def digest(seed: int, ddl: str | None) -> str:
        with synth(fresh_db, tmp_path, ddl, DET_CONFIG, seed=seed) as conn:
            h = one(conn, "SELECT md5(string_agg(d::text, '|' ORDER BY id)) FROM d")
            assert one(conn, "SELECT count(*) FROM d") == N
            conn.execute("TRUNCATE d")
        return h

    first = digest(1, DET_DDL)
    again = digest(1, None)
    other = digest(2, None)
    print(f"STAT determinism md5: seed 1 {first}, seed 1 again {again}, seed 2 {other}")
    assert first == again
    assert first != other


# ---- golden SQL ------------------------------------------------------------------------------


def _col(type_sql: str, **kw: Any) -> dict:
    return {"type": type_sql, **kw}


GOLDEN_CASES: dict[str, tuple[dict, list[dict]]] = {
    "normal": ({"x": _col("double precision")}, [gen("dist_gen.normal", "x", mean=10.0, sd=2.5)]),
    "weighted_choice": ({"k": _col("text")}, [gen("dist_gen.weighted_choice", "k", a=[
        {"value": "small", "count": 6}, {"value": "medium", "count": 3}, {"value": "large", "count": 1}])]),
    "multivariate_normal": ({"a": _col("double precision"), "b": _col("double precision")},
                            [gen("dist_gen.multivariate_normal", ["a", "b"],
                                 cov={"rank": 2, "m0": 1.0, "m1": 2.0, "c0_0": 4.0, "c0_1": 1.0, "c1_1": 1.0})]),
    "sequence": ({"code": _col("text")}, [gen("sqlsynth.sequence", "code", format="CUST-{:06d}")]),
    "sql_expression": ({"x": _col("integer"), "y": _col("integer")},
                       [gen("generic.numeric.integer_number", "x", start=0, end=100),
                        gen("sqlsynth.sql", "y", expression="x * 2 + 1")]),
    "pool_first_name": ({"first": _col("character varying(45)")},
                        [gen("generic.person.first_name", "first", pool_size=5)]),
}


def compile_case(tmp_path: Path, columns: dict, generators: list[dict], rows: int = 10, seed: int = 1) -> str:
    schema = schema_from_dict({"schema": "public", "tables": {"t": {
        "columns": {"id": _col("integer", nullable=False, serial=True, default="nextval('t_id_seq'::regclass)"),
                    **columns},
        "primary_key": {"name": "t_pkey", "columns": ["id"]}}}})
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"tables": {"t": {"rows": rows, "row_generators": generators}}}, sort_keys=False))
    plan = build_plan(schema, load_config(str(path)), num_passes=1, seed=seed)
    return render_script(compile_plan(plan))


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.sql"
    update = bool(os.environ.get("SQLSYNTH_UPDATE_GOLDEN"))
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        if not update:
            pytest.fail(f"golden file {path} did not exist; it was written, review and commit it")
    assert text == path.read_text(), f"compiled SQL differs from {path}; rerun with SQLSYNTH_UPDATE_GOLDEN=1 and review"


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_generator_sql_matches_golden(name, tmp_path):
    columns, generators = GOLDEN_CASES[name]
    text = compile_case(tmp_path, columns, generators)
    assert text == compile_case(tmp_path, columns, generators)  # deterministic
    check_golden(name, text)
