"""Stories and custom Python row generators on the batched fallback path (the tutorial's airbnb example)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
import yaml

from sqlsynth.compile.program import compile_plan, render_script
from sqlsynth.config.load import load_config
from sqlsynth.errors import ExecutionError
from sqlsynth.execute.postgres import run_program
from sqlsynth.plan.build import build_plan
from sqlsynth.schema.ddl import create_statements
from sqlsynth.schema.reflect import reflect

AIRBNB = Path(__file__).parent / "airbnb"
STATS = {"age_stats": {"results": [{"mean": 36.5, "std_dev": 11.7}]}}
COUNTRIES = ("INSERT INTO countries SELECT * FROM (VALUES ('US', 1.0, 1.0, 1.0, 1.0, 'eng', 0.0), "
             "('FR', 1.0, 1.0, 1.0, 1.0, 'fra', 1.0), ('GB', 1.0, 1.0, 1.0, 1.0, 'eng', 0.0)) v")


@pytest.fixture
def airbnb(tmp_path, monkeypatch, make_db):
    """A source with the tutorial's schema, a destination made from it, and the tutorial's files in cwd."""
    for f in AIRBNB.iterdir():
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    src = make_db("sqlsynth_air_src")
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", src, "-f", str(tmp_path / "schema.sql")],
                   check=True, stdout=subprocess.DEVNULL)
    schema = reflect(src, "public")

    def destination() -> str:
        dst = make_db("sqlsynth_air_dst")
        with psycopg.connect(dst) as conn:
            for st in create_statements(schema, "public"):
                conn.execute(st)
            conn.execute(COUNTRIES)  # the countries vocabulary
        return dst

    return tmp_path, schema, destination


def load(schema, seed=3, passes=2, config="config.yaml"):
    cfg = load_config(config)
    return build_plan(schema, cfg, num_passes=passes, seed=seed, stats=STATS)


def hashes(dsn: str) -> dict:
    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(f'SELECT count(*), md5(coalesce(string_agg(x::text, \'|\' ORDER BY x::text), \'\')) '
                                f'FROM "{t}" x').fetchone() for t in ("users", "sessions", "age_gender_bkts")}


def test_airbnb_tutorial_end_to_end(airbnb):
    tmp, schema, destination = airbnb
    dst = destination()
    plan = load(schema, passes=4)
    run_program(dst, compile_plan(plan))
    with psycopg.connect(dst) as conn:
        n_users = conn.execute("SELECT count(*) FROM users").fetchone()[0]
        assert n_users == 30 * 4  # num_rows_per_pass 0: users only from stories
        per_user = [r[0] for r in conn.execute(
            "SELECT count(s.id) FROM users u LEFT JOIN sessions s ON s.user_id = u.id GROUP BY u.id").fetchall()]
        assert min(per_user) >= 10 and max(per_user) <= 20  # the story's randint(10, 20)
        same, total = conn.execute("""SELECT count(*) FILTER (WHERE s.device_type = u.first_device_type), count(*)
                                      FROM sessions s JOIN users u ON u.id = s.user_id""").fetchone()
        assert 0.8 <= same / total <= 0.95  # 80% on the sign-up device plus a third of the other 20%
        # custom generators filled the columns the story left out: booking after account creation
        assert conn.execute("SELECT count(*) FROM users WHERE date_first_booking <= date_account_created").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM users WHERE date_account_created IS NULL").fetchone()[0] == 0
        assert 0 < conn.execute("SELECT count(*) FROM users WHERE date_first_booking IS NULL").fetchone()[0] < n_users
        mean_age = conn.execute("SELECT avg(age) FROM users").fetchone()[0]
        assert 30 < mean_age < 43  # SRC_STATS["age_stats"] drove user_age_provider
        # other configured generators and defaults ran server-side for story rows
        assert conn.execute("SELECT count(*) FROM sessions WHERE action NOT IN ('show', 'index', 'personalize') "
                            "OR secs_elapsed NOT BETWEEN 0 AND 3600").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM age_gender_bkts").fetchone()[0] == 4
        assert conn.execute("SELECT count(*) FROM age_gender_bkts WHERE country_destination NOT IN "
                            "(SELECT country_destination FROM countries)").fetchone()[0] == 0
        # the sequence continues after story rows
        assert conn.execute("SELECT nextval(pg_get_serial_sequence('sessions', 'id')) > max(id) FROM sessions").fetchone()[0]


def test_stories_are_deterministic_and_the_script_is_self_contained(airbnb):
    tmp, schema, destination = airbnb
    a, b, c = destination(), destination(), destination()
    run_program(a, compile_plan(load(schema, seed=11)))
    run_program(b, compile_plan(load(schema, seed=11)))
    assert hashes(a) == hashes(b)
    # compile: stories run in a rolled-back transaction, their rows become COPY blocks
    from sqlsynth.api import _precompute_stories

    prog = compile_plan(load(schema, seed=11))
    _precompute_stories(prog, c)
    assert hashes(c)["users"][0] == 0  # nothing was written while compiling
    script = tmp / "load.sql"
    script.write_text(render_script(prog))
    assert "COPY \"public\".\"users\"" in script.read_text()
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", c, "-f", str(script)], check=True,
                   stdout=subprocess.DEVNULL)
    assert hashes(c) == hashes(a)
    other = destination()
    run_program(other, compile_plan(load(schema, seed=12)))
    assert hashes(other)["sessions"] != hashes(a)["sessions"]


def test_mixed_generic_and_story_rows(airbnb):
    tmp, schema, destination = airbnb
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["tables"]["users"]["num_rows_per_pass"] = 5
    Path("mixed.yaml").write_text(yaml.safe_dump(cfg))
    dst = destination()
    run_program(dst, compile_plan(load(schema, passes=2, config="mixed.yaml")))
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 10 + 60
        # generic users got their dates from the custom Python generator too
        assert conn.execute("SELECT count(*) FROM users WHERE date_first_booking <= date_account_created").fetchone()[0] == 0


@pytest.mark.parametrize("table,why", [("countries", "vocabulary table"), ("nope", "not a table of orm.yaml")])
def test_yielding_a_vocabulary_or_unknown_table_names_the_story(airbnb, table, why):
    tmp, schema, destination = airbnb
    Path("bad_story.py").write_text(
        "def story():\n"
        f"    yield ({table!r}, {{}})\n")
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["story_generators_module"] = "bad_story"
    cfg["story_generators"] = [{"name": "bad_story.story", "num_stories_per_pass": 2}]
    Path("bad.yaml").write_text(yaml.safe_dump(cfg))
    dst = destination()
    with pytest.raises(ExecutionError) as e:
        run_program(dst, compile_plan(load(schema, config="bad.yaml")))
    assert "bad_story.story" in str(e.value) and why in str(e.value)
    assert hashes(dst)["age_gender_bkts"][0] == 0  # rolled back


def test_a_failing_story_rolls_back_and_names_itself(airbnb):
    tmp, schema, destination = airbnb
    Path("boom.py").write_text(
        "def story():\n"
        "    user = yield ('users', {})\n"
        "    raise ValueError('boom ' + str(len(user)))\n")
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["story_generators_module"] = "boom"
    cfg["story_generators"] = [{"name": "boom.story", "num_stories_per_pass": 1}]
    Path("boom.yaml").write_text(yaml.safe_dump(cfg))
    dst = destination()
    with pytest.raises(ExecutionError) as e:
        run_program(dst, compile_plan(load(schema, config="boom.yaml")))
    assert "boom.story" in str(e.value) and "ValueError" in str(e.value)
    assert hashes(dst)["users"][0] == 0


def test_custom_generators_give_the_same_rows_with_jobs_and_chunks(airbnb):
    """Custom Python generators without stories: --jobs 2 in small chunks equals --jobs 1 (their
    values are computed once and streamed to every worker; computing them in parallel threads
    would interleave the process-wide `random`)."""
    from sqlsynth.execute.parallel import run_load

    tmp, schema, destination = airbnb
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    for key in ("story_generators", "story_generators_module"):
        cfg.pop(key)
    cfg["tables"]["users"]["num_rows_per_pass"] = 1500
    Path("nostories.yaml").write_text(yaml.safe_dump(cfg))
    a, b = destination(), destination()
    plan = load(schema, passes=2, config="nostories.yaml")
    run_program(a, compile_plan(plan))
    plan = load(schema, passes=2, config="nostories.yaml")
    run_load(b, plan, compile_plan(plan), jobs=2, chunk_rows=500)
    assert hashes(a) == hashes(b) and hashes(a)["users"][0] == 3000
