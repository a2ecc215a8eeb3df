"""create-data --append / compile --append: a second batch of rows on top of the first, with every
constraint on; without --append a table that holds rows stops the load."""

from __future__ import annotations

import subprocess

import psycopg
import pytest

from test_parallel import GENERATED, pagila, run, table_hashes  # noqa: F401  (pagila is a fixture)


def rows_of(dsn: str, table: str) -> set[str]:
    with psycopg.connect(dsn) as conn:
        return {r[0] for r in conn.execute(f'SELECT x::text FROM "{table}" x').fetchall()}


def count(dsn: str, sql: str):
    with psycopg.connect(dsn) as conn:
        return conn.execute(sql).fetchone()[0]


def test_append_adds_a_batch_that_keeps_every_constraint(pagila):
    dst = pagila()
    env = {"DST_DSN": dst}
    run(["create-data", "--num-passes", "40", "--seed", "5"], env=env)
    first = {t: rows_of(dst, t) for t in GENERATED}

    res = run(["create-data", "--num-passes", "40", "--seed", "5"], env=env, ok=False)
    assert res.exit_code == 1 and "already has rows" in res.output and "--append" in res.output
    assert {t: rows_of(dst, t) for t in GENERATED} == first

    run(["create-data", "--num-passes", "30", "--seed", "5", "--append"], env=env)
    for t in GENERATED:
        now = rows_of(dst, t)
        assert first[t] <= now, f"{t}: rows of the first batch changed"
        assert len(now) == len(first[t]) + 30, t
    # keys continue after the first batch; the second batch's children point at its own parents
    assert count(dst, "SELECT min(customer_id) FROM customer WHERE customer_id > 40") == 41
    assert count(dst, "SELECT count(*) FROM rental WHERE rental_id > 40 AND customer_id <= 40") == 0
    assert count(dst, "SELECT count(*) FROM film_actor WHERE film_id > 40 AND actor_id <= 40") == 0
    # the new rows are new data, not a copy of the first batch with other keys
    assert count(dst, "SELECT count(*) FROM (SELECT first_name, last_name FROM actor WHERE actor_id <= 40 "
                      "INTERSECT SELECT first_name, last_name FROM actor WHERE actor_id > 40) s") < 10
    # sequences moved past the new keys
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT nextval(pg_get_serial_sequence('payment', 'payment_id'))").fetchone()[0] \
            > conn.execute("SELECT max(payment_id) FROM payment").fetchone()[0]


def test_append_is_the_same_through_psql_and_in_chunks(pagila, tmp_path):
    dsts = [pagila(), pagila(), pagila()]
    for d in dsts:
        run(["create-data", "--num-passes", "25", "--seed", "2"], env={"DST_DSN": d})
    run(["create-data", "--num-passes", "25", "--seed", "3", "--append"], env={"DST_DSN": dsts[0]})
    run(["create-data", "--num-passes", "25", "--seed", "3", "--append", "--chunk-rows", "7"],
        env={"DST_DSN": dsts[1]})
    script = tmp_path / "append.sql"
    run(["compile", "--num-passes", "25", "--seed", "3", "--append", "-o", str(script)])
    assert "sqlsynth_offsets" in script.read_text()
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsts[2], "-f", str(script)], check=True,
                   stdout=subprocess.DEVNULL)
    a = table_hashes(dsts[0])
    assert a == table_hashes(dsts[1]) == table_hashes(dsts[2])
    assert all(n == 50 for n, _h in a.values())


def test_a_failing_append_leaves_the_first_batch_as_it_was(pagila):
    dst = pagila()
    env = {"DST_DSN": dst}
    run(["create-data", "--num-passes", "20", "--seed", "1"], env=env)
    with psycopg.connect(dst) as conn:  # payment is filled last: every other table is written before it fails
        conn.execute("ALTER TABLE payment ADD CONSTRAINT no_new_payments CHECK (amount < 0) NOT VALID")
    before = table_hashes(dst)
    res = run(["create-data", "--num-passes", "20", "--seed", "1", "--append"], env=env, ok=False)
    assert res.exit_code == 1
    assert "payment" in res.output and "no_new_payments" in res.output and "Traceback" not in res.output
    assert table_hashes(dst) == before


@pytest.mark.parametrize("args, why", [
    (["create-data", "--append", "--jobs", "2"], "--jobs 1"),
    (["compile", "--append", "--split", "out"], "--split"),
])
def test_append_refuses_what_it_cannot_undo(pagila, args, why):
    dst = pagila()
    res = run(args, env={"DST_DSN": dst}, ok=False)
    assert res.exit_code == 1 and why in res.output
    assert all(n == 0 for n, _h in table_hashes(dst).values())
