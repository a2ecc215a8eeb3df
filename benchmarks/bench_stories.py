"""Story rows per second: sqlsynth's batched story path against the ancestors' row-at-a-time path.

    .venv/bin/python benchmarks/bench_stories.py [--stories 2000] [--dsn postgresql://root@127.0.0.1:5432/postgres]

Both run the tutorial's airbnb `sessions_story` (a user, then 10-20 sessions) in the same run, on the
same server and schema:
  * sqlsynth: many stories advance together; each round inserts the rows of one table with one
    multi-row INSERT ... SELECT ... FROM (VALUES ...) RETURNING *, the missing columns computed by
    the compiled SQL (and the custom Python generators of the tutorial for users' dates and age);
  * ancestors (datafaker's StoryIterator): for every yielded row, the missing columns are generated
    in Python (Mimesis), one INSERT ... RETURNING through SQLAlchemy, one COMMIT per row.
Target: the batched path at least 20x faster.

``--quick``: 20 and 5 stories (a smoke test of the benchmark, run by tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
AIRBNB = os.path.join(HERE, "..", "tests", "airbnb")

from sqlsynth.compile.program import compile_plan  # noqa: E402
from sqlsynth.config.load import load_config  # noqa: E402
from sqlsynth.execute.postgres import run_program  # noqa: E402
from sqlsynth.plan.build import build_plan  # noqa: E402
from sqlsynth.schema.ddl import create_statements  # noqa: E402
from sqlsynth.schema.reflect import reflect  # noqa: E402

STATS = {"age_stats": {"results": [{"mean": 36.5, "std_dev": 11.7}]}}


def with_db(dsn: str, name: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(dsn).set(database=name).render_as_string(hide_password=False)


def ancestors(dst: str, stories: int) -> int:
    """datafaker's way: default row in Python + one INSERT ... RETURNING + COMMIT per story row."""
    import sqlalchemy as sa
    from mimesis import Generic, Locale

    import airbnb_generators as ag

    g = Generic(locale=Locale.EN_GB, seed=1)
    engine = sa.create_engine(dst.replace("postgresql://", "postgresql+psycopg://"))
    md = sa.MetaData()
    users = sa.Table("users", md, autoload_with=engine)
    sessions = sa.Table("sessions", md, autoload_with=engine)

    def default_user() -> dict:
        created, booking = ag.user_dates_provider(g)
        return {"id": g.person.password(length=8) + str(random.randint(0, 10**9)), "date_account_created": created,
                "date_first_booking": booking, "age": ag.user_age_provider(STATS["age_stats"]["results"]),
                "gender": g.person.password(length=8), "signup_method": g.text.word()[:20],
                "signup_flow": g.numeric.integer_number(0, 100), "language": g.text.word()[:10],
                "affiliate_channel": g.text.word()[:20], "affiliate_provider": g.text.word()[:30],
                "first_affiliate_tracked": g.text.word()[:20], "signup_app": g.text.word()[:10],
                "first_browser": g.text.word()[:30], "timestamp_first_active": g.datetime.datetime(),
                "country_destination": "US"}

    def default_session() -> dict:
        return {"action": g.choice(["show", "index", "personalize"]), "secs_elapsed": g.numeric.integer_number(0, 3600),
                "action_type": g.text.word()[:50], "action_detail": g.text.word()[:50]}

    rows = 0
    with engine.connect() as conn:
        for _ in range(stories):
            story = ag.sessions_story()
            try:
                table, partial = next(story)
                while True:
                    tbl = users if table == "users" else sessions
                    values = {**(default_user() if table == "users" else default_session()), **partial}
                    res = conn.execute(sa.insert(tbl).values(values).returning(*tbl.c))
                    full = dict(res.mappings().one())
                    conn.commit()
                    rows += 1
                    table, partial = story.send(full)
            except StopIteration:
                pass
    engine.dispose()
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=2000)
    ap.add_argument("--ancestor-stories", type=int, default=200)
    ap.add_argument("--dsn", default=os.environ.get("SQLSYNTH_TEST_DSN", "postgresql://root@127.0.0.1:5432/postgres"))
    ap.add_argument("--quick", action="store_true", help="toy sizes: a smoke test of the benchmark itself")
    args = ap.parse_args(argv)
    if args.quick:
        args.stories, args.ancestor_stories = 20, 5
    work = tempfile.mkdtemp()
    for f in os.listdir(AIRBNB):
        shutil.copy(os.path.join(AIRBNB, f), work)
    os.chdir(work)
    sys.path.insert(0, work)
    names = [f"sqlsynth_bench_{k}_{uuid.uuid4().hex[:6]}" for k in ("src", "a", "b")]
    with psycopg.connect(args.dsn, autocommit=True) as c:
        for n in names:
            c.execute(f'CREATE DATABASE "{n}"')
    src, a, b = (with_db(args.dsn, n) for n in names)
    try:
        subprocess.run(["psql", "-X", "-q", "-d", src, "-f", "schema.sql"], check=True, stdout=subprocess.DEVNULL)
        schema = reflect(src, "public")
        for dst in (a, b):
            with psycopg.connect(dst) as c:
                for st in create_statements(schema, "public"):
                    c.execute(st)
                c.execute("INSERT INTO countries (country_destination) VALUES ('US'), ('FR'), ('GB')")
        cfg = load_config("config.yaml")
        cfg.raw["story_generators"][0]["num_stories_per_pass"] = args.stories
        cfg.tables["age_gender_bkts"].num_rows_per_pass = 0
        plan = build_plan(schema, cfg, num_passes=1, seed=1, stats=STATS)
        t0 = time.perf_counter()
        run_program(a, compile_plan(plan))
        batched_s = time.perf_counter() - t0
        with psycopg.connect(a) as c:
            batched_rows = c.execute("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM sessions)").fetchone()[0]
        t0 = time.perf_counter()
        anc_rows = ancestors(b, args.ancestor_stories)
        anc_s = time.perf_counter() - t0
        with psycopg.connect(a) as c:
            ver = c.execute("SHOW server_version").fetchone()[0]
        br, ar = batched_rows / batched_s, anc_rows / anc_s
        print(f"# Story rows per second (PostgreSQL {ver}, {os.cpu_count()} CPUs)\n")
        print("| path | stories | rows | seconds | rows/s |")
        print("|---|---:|---:|---:|---:|")
        print(f"| sqlsynth batched (INSERT ... RETURNING per table and round) | {args.stories} | {batched_rows} | {batched_s:.2f} | {br:,.0f} |")
        print(f"| ancestors (Python defaults, one INSERT + COMMIT per row, SQLAlchemy) | {args.ancestor_stories} | {anc_rows} | {anc_s:.2f} | {ar:,.0f} |")
        print(f"\nspeed-up: **{br / ar:.1f}x** (target >= 20x)")
    finally:
        with psycopg.connect(args.dsn, autocommit=True) as c:
            for n in names:
                c.execute(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)')
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
