"""Consistency rules (tables.<t>.rules): proposed by generate-config where the source holds them in
at least 99 % of rows (and only there), reported by make-stats, and kept in every generated row,
whatever the jobs, chunks or path (create-data, compile | psql); stories and custom Python
generators keep their columns and the rules fill the others."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main

SOURCE = (Path(__file__).parent / "rules" / "source.sql").read_text()
TABLES = ["store", "staff", "team", "member", "customer", "orders", "payment", "review"]


def run(args: list[str], ok: bool = True, env: dict | None = None):
    res = CliRunner(env=env).invoke(main, args, catch_exceptions=False)
    if ok:
        assert res.exit_code == 0, res.output + (res.stderr if res.stderr_bytes else "")
    return res


def rules_of(table: str) -> list[dict]:
    return yaml.safe_load(Path("config.yaml").read_text())["tables"][table].get("rules") or []


def kinds(table: str, kind: str) -> list:
    return [r[kind] for r in rules_of(table) if kind in r]


def scalar(dsn: str, sql: str):
    with psycopg.connect(dsn) as conn:
        return conn.execute(sql).fetchone()[0]


def hashes(dsn: str, tables: list[str]) -> dict:
    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(f'SELECT count(*), md5(coalesce(string_agg(x::text, \'|\' ORDER BY x::text), \'\')) '
                                f'FROM "{t}" x').fetchone() for t in tables}


# every rule the test source supports, as a count of generated rows breaking it
VIOLATIONS = {
    "customer created <= updated": "SELECT count(*) FROM customer WHERE updated < created",
    "customer low <= high": "SELECT count(*) FROM customer WHERE high < low",
    "orders placed <= shipped": "SELECT count(*) FROM orders WHERE shipped < placed",
    "orders placed >= its customer's signed_up":
        "SELECT count(*) FROM orders o JOIN customer c USING (customer_id) WHERE o.placed < c.signed_up",
    "payment paid >= its order's placed":
        "SELECT count(*) FROM payment p JOIN orders o USING (order_id) WHERE p.paid < o.placed",
    "payment customer = its order's customer":
        "SELECT count(*) FROM payment p JOIN orders o USING (order_id) WHERE p.customer_id <> o.customer_id",
    "store's manager works there":
        "SELECT count(*) FROM store s JOIN staff m ON m.staff_id = s.manager_id WHERE m.store_id <> s.store_id",
}


@pytest.fixture
def project(sql_project):
    src, dst = sql_project(SOURCE, "rules")
    run(["make-tables"])
    return src, dst


def test_rules_are_proposed_where_the_source_holds_them_and_not_below_99_percent(project):
    out = run(["generate-config", "--no-fit"]).output
    assert "rules measured on the source" in out
    orders_, customer = rules_of("orders"), rules_of("customer")
    # order within a row: 100 % and 99.5 % proposed (with the measured share); 98 % not
    assert ["created", "updated"] in kinds("customer", "order") and ["low", "high"] in kinds("customer", "order")
    assert ["placed", "shipped"] in kinds("orders", "order")
    assert next(r for r in orders_ if r.get("order") == ["placed", "shipped"])["agreement"] == 0.995
    assert not any({"first_seen", "last_seen"} == set(o) for o in kinds("customer", "order"))  # 98 %
    # numbers whose ranges do not overlap are ordered by their own ranges: no rule
    assert not any({"small", "big"} & set(o) for o in kinds("customer", "order"))
    # order along a foreign key: the tightest parent wins (paid follows its order, not its customer)
    assert {"column": "paid", "foreign_key": "payment_order_id_fkey", "parent_column": "placed"} in kinds("payment", "follows")
    assert {"column": "placed", "foreign_key": "orders_customer_id_fkey", "parent_column": "signed_up"} \
        in kinds("orders", "follows")
    assert not any(f["parent_column"] == "placed" for f in kinds("review", "follows"))  # 98 % of reviews
    # diamonds: payment's customer is its order's (100 %); a review's only in 98 %
    assert kinds("payment", "same_parent") == [{"foreign_key": "payment_customer_id_fkey",
                                                "through": ["payment_order_id_fkey", "orders_customer_id_fkey"]}]
    assert kinds("review", "same_parent") == []
    # a cycle: a store's manager works at that store (100 %); a team's lead is in it in 98 %
    assert kinds("store", "round_trip") == [["store_manager_fkey", "staff_store_id_fkey"]]
    assert kinds("team", "round_trip") == [] and kinds("member", "round_trip") == []
    assert all(r["agreement"] >= 0.99 for t in TABLES for r in rules_of(t))
    # every proposal is a gap measured on the source, written inline: no make-stats needed to compile
    gap = next(r for r in customer if r.get("order") == ["created", "updated"])["gap"]
    assert gap["quantiles"][0] == "00:00:00" and gap["quantiles"][-1] == "2 days 01:00:00"
    run(["validate-config"])


def test_generated_rows_keep_every_rule_and_make_stats_reports_them(project):
    src, dst = project
    run(["generate-config"])
    # shaped to the source too: the customer a same_parent rule derives is no longer drawn from its
    # own children_per_parent histogram (the rule wins); the order, which sizes payment, stays
    cfg = yaml.safe_load(Path("config.yaml").read_text())["tables"]
    assert cfg["payment"]["children_per_parent"] == [{"foreign_key": "payment_order_id_fkey"}]
    assert [e["foreign_key"] for e in cfg["review"]["children_per_parent"]] == ["review_order_id_fkey",
                                                                                 "review_customer_id_fkey"]
    out = run(["make-stats"]).output
    assert "rule orders: placed <= shipped: holds in 99.50 % of 2,000 source rows" in out
    assert "rule store: store_manager_fkey -> staff_store_id_fkey leads back to the same row: holds in 100.00 %" in out
    run(["create-tables"])
    run(["create-data", "--num-passes", "3000", "--seed", "4"])
    for what, sql in VIOLATIONS.items():
        assert scalar(dst, sql) == 0, what
    # the gaps keep the source's range: 0 .. 49 hours between created and updated, 1 h .. 29 days 1 h for placed
    lo, hi = [scalar(dst, f"SELECT extract(epoch FROM {f}(updated - created)) FROM customer") for f in ("min", "max")]
    assert 0 <= lo < 3600 and 47 * 3600 < hi <= 49 * 3600
    lo, hi = [scalar(dst, f"SELECT extract(epoch FROM {f}(o.placed - c.signed_up)) FROM orders o "
                          "JOIN customer c USING (customer_id)") for f in ("min", "max")]
    assert 3600 <= lo < 86400 and 28 * 86400 < hi <= 29 * 86400 + 3600
    # the measured shares are in src-stats.yaml (aggregates only)
    stats = yaml.safe_load(Path("src-stats.yaml").read_text())
    entry = stats["auto__rule__orders__order__placed__shipped"]["results"][0]
    assert entry["rows"] == 2000 and entry["agreement"] == 0.995 and len(entry["quantiles"]) == 21


def test_same_rows_whatever_the_jobs_chunks_or_path(project, make_db, tmp_path):
    src, dst = project
    run(["generate-config", "--no-fit"])
    run(["create-tables"])
    run(["create-data", "--num-passes", "2000", "--seed", "9"])
    one = hashes(dst, TABLES)
    dst2 = make_db("rules_par")
    run(["create-tables"], env={"DST_DSN": dst2})
    run(["create-data", "--num-passes", "2000", "--seed", "9", "--jobs", "2", "--chunk-rows", "700"],
        env={"DST_DSN": dst2})
    assert hashes(dst2, TABLES) == one
    dst3 = make_db("rules_psql")
    run(["create-tables"], env={"DST_DSN": dst3})
    run(["compile", "--num-passes", "2000", "--seed", "9", "-o", str(tmp_path / "load.sql")])
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst3, "-f", str(tmp_path / "load.sql")],
                   check=True, stdout=subprocess.DEVNULL)
    assert hashes(dst3, TABLES) == one
    for what, sql in VIOLATIONS.items():
        assert scalar(dst3, sql) == 0, what


def write_config(tables: dict, extra: dict | None = None) -> None:
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    for t, td in cfg["tables"].items():
        td.pop("rules", None)
    for t, add in tables.items():
        cfg["tables"][t].update(add)
    cfg.update(extra or {})
    Path("config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))


def test_hand_written_rules_of_every_kind_and_unit_hold_on_every_row(project):
    src, dst = project
    run(["generate-config", "--no-rules", "--no-fit"])
    write_config({
        "customer": {"rules": [
            {"order": ["created", "signed_up"], "gap": {"min": "1 day", "max": "3 days"}},       # date -> timestamp
            {"order": ["first_seen", "last_seen"], "gap": {"quantiles": [0, 60, "01:00:00"]}},  # timestamps
            {"order": ["low", "high"], "gap": {"max": 5}},                                       # integers
        ], "row_generators": [  # a generator on the later column: the rule derives the earlier one
            {"name": "generic.numeric.integer_number", "columns_assigned": "big", "kwargs": {"start": 0, "end": 9}}]},
        "orders": {"rules": [{"follows": {"column": "shipped", "foreign_key": ["customer_id"], "parent_column": "created"},
                              "lag": {"min": 0, "max": "2 hours"}}]},  # a timestamp after a parent's date
        "review": {"rules": [{"same_parent": {"foreign_key": "review_customer_id_fkey",
                                              "through": ["review_order_id_fkey", "orders_customer_id_fkey"]}}]},
    })
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["tables"]["customer"]["rules"].append({"order": ["small", "big"], "gap": {"min": 1, "max": 1}})
    Path("config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    run(["create-tables"])
    run(["create-data", "--num-passes", "2000", "--seed", "2"])
    checks = {
        "created + 1..3 days": "SELECT count(*) FROM customer WHERE signed_up < created + interval '1 day' "
                               "OR signed_up > created + interval '3 days'",
        "last_seen 0..1 h after": "SELECT count(*) FROM customer WHERE last_seen < first_seen "
                                  "OR last_seen > first_seen + interval '1 hour'",
        "high 0..5 above low": "SELECT count(*) FROM customer WHERE high < low OR high > low + 5",
        "small = big - 1, big from its generator": "SELECT count(*) FROM customer WHERE small <> big - 1 "
                                                   "OR big NOT BETWEEN 0 AND 9",
        "shipped after the customer's created": "SELECT count(*) FROM orders o JOIN customer c USING (customer_id) "
                                                "WHERE o.shipped < c.created OR o.shipped > c.created + interval '2 hours'",
        "review's customer is its order's": "SELECT count(*) FROM review r JOIN orders o USING (order_id) "
                                            "WHERE r.customer_id <> o.customer_id",
    }
    for what, sql in checks.items():
        assert scalar(dst, sql) == 0, what
    assert scalar(dst, "SELECT count(DISTINCT high - low) FROM customer") == 6  # the gap is drawn, not constant


def test_without_rules_partition_keys_spread_over_the_partitions(tmp_path, monkeypatch, pagila_src, make_db):
    """--no-rules keeps the independent defaults (payment_date inside the month partitions)."""
    monkeypatch.chdir(tmp_path)
    dst = make_db("rules_norules")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", dst)
    run(["make-tables"])
    run(["generate-config", "--no-rules", "--no-fit"])
    assert "rules:" not in Path("config.yaml").read_text()
    run(["create-tables"])
    run(["create-data", "--num-passes", "500", "--seed", "7"])
    with psycopg.connect(dst) as conn:
        parts = dict(conn.execute("SELECT tableoid::regclass::text, count(*) FROM payment GROUP BY 1").fetchall())
    assert "payment_p0000_default" not in parts and len(parts) >= 6


def test_rule_mistakes_are_located_and_reported_together(project):
    run(["generate-config", "--no-rules"])
    write_config({
        "customer": {"rules": [
            {"order": ["created", "updatd"]},
            {"order": ["created", "low"], "gap": {"max": 1}},
            {"order": ["created", "updated"], "gap": "auto"},
            {"order": ["first_seen"]},
            {"order": ["low", "high"], "gap": {"min": 3, "max": 1}},
            {"follows": {"column": "signed_up", "foreign_key": "customer_shop_fkey", "parent_column": "opened"}},
            {"order": ["low", "high"], "lag": {"max": 1}},
        ], "row_generators": [{"name": "dist_gen.constant", "columns_assigned": "small", "kwargs": {"value": 1}},
                              {"name": "dist_gen.constant", "columns_assigned": "big", "kwargs": {"value": 2}}]},
        "payment": {"rules": [{"same_parent": {"foreign_key": "payment_customer_id_fkey",
                                               "through": ["payment_order_id_fkey"]}},
                              {"same_parent": {"foreign_key": "payment_customer_id_fkey",
                                               "through": ["payment_order_id_fkey", "orders_customer_fkey"]}}]},
    })
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["tables"]["customer"]["rules"].append({"order": ["small", "big"], "gap": {"max": 1}})
    Path("config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    res = run(["compile"], ok=False)
    assert res.exit_code == 1
    err = res.stderr
    expected = [
        "tables.customer.rules[0].order: unknown column customer.updatd (did you mean 'updated'?)",
        "tables.customer.rules[1].order: customer.created (date) and customer.low (integer) cannot be ordered",
        "tables.customer.rules[2].gap: auto:",
        "run `sqlsynth make-stats`",
        "tables.customer.rules[3].order: must list two different columns",
        "tables.customer.rules[4].gap: needs 0 <= min <= max",
        "tables.customer.rules[5].follows.foreign_key: customer has no foreign key customer_shop_fkey "
        "(did you mean 'customer_store_id_fkey'?)",
        "tables.customer.rules[6].lag: unknown key in this order rule",
        "tables.payment.rules[0].same_parent: foreign_key names a key; through lists two or more keys",
        "tables.payment.rules[1].same_parent.through[1]: orders has no foreign key orders_customer_fkey",
        "tables.customer.rules[7].order: neither small (set by a row generator) nor big (set by a row generator)",
    ]
    for e in expected:
        assert e in err, (e, err)
    assert all(line.startswith("config.yaml:") for line in err.splitlines()[:-1])


STORY_MODULE = '''
def order_story(generic):
    customer = yield "customer", {"signed_up": "2030-06-01 12:00:00"}
    order = yield "orders", {"customer_id": customer["customer_id"]}
    yield "payment", {"order_id": order["order_id"], "paid": "2031-01-01 00:00:00"}
    yield "payment", {"order_id": order["order_id"]}


def seen(generic):
    return "2024-05-05 10:00:00"
'''


def test_stories_and_custom_python_keep_their_columns_and_rules_fill_the_others(project, monkeypatch, tmp_path):
    src, dst = project
    run(["generate-config", "--no-fit"])
    (tmp_path / "story_rules.py").write_text(STORY_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["story_generators_module"] = "story_rules"
    cfg["row_generators_module"] = "story_rules"
    cfg["story_generators"] = [{"name": "story_rules.order_story", "num_stories_per_pass": 1,
                                "kwargs": {"generic": "generic"}}]
    # a custom generator on the later column of an order rule: the rule derives the earlier one
    customer = cfg["tables"]["customer"]
    customer["rules"] = [r for r in customer["rules"]
                         if r.get("follows", {}).get("column") not in ("first_seen", "last_seen")]
    customer["rules"].append({"order": ["first_seen", "last_seen"], "gap": {"min": 60, "max": 120}})
    cfg["tables"]["customer"]["row_generators"].append({"name": "story_rules.seen", "columns_assigned": "last_seen",
                                                        "kwargs": {"generic": "generic"}})
    Path("config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    run(["create-tables"])
    run(["create-data", "--num-passes", "50", "--seed", "1"])
    for what, sql in VIOLATIONS.items():
        assert scalar(dst, sql) == 0, what
    with psycopg.connect(dst) as conn:
        # the story gave signed_up and the order's customer: placed (left out) follows that customer
        story = conn.execute("""SELECT o.placed, c.signed_up FROM orders o JOIN customer c USING (customer_id)
                                WHERE c.signed_up = '2030-06-01 12:00'""").fetchall()
        assert len(story) == 50 and all(placed >= signed for placed, signed in story)
        paid = conn.execute("""SELECT p.paid, o.placed, p.customer_id = o.customer_id FROM payment p JOIN orders o
                               USING (order_id) JOIN customer c ON c.customer_id = o.customer_id
                               WHERE c.signed_up = '2030-06-01 12:00'""").fetchall()
        # the story's own paid is kept; the one it left out follows the story's order, and both
        # payments' customer (left out) is the story order's customer
        assert len(paid) == 100 and sum(1 for p, _o, _s in paid if p == dt.datetime(2031, 1, 1)) == 50
        assert all(p >= o and same for p, o, same in paid)
        gaps = conn.execute("SELECT min(last_seen - first_seen), max(last_seen - first_seen), count(DISTINCT last_seen) "
                            "FROM customer").fetchone()
    assert dt.timedelta(seconds=60) <= gaps[0] <= gaps[1] <= dt.timedelta(seconds=120) and gaps[2] == 1


def test_pagila_unedited_keeps_its_cross_table_logic(tmp_path, monkeypatch, pagila_src, make_db):
    """The workflow on Pagila, no edit: the four rules Pagila's data shows (customer dates in order,
    payment after its rental, the payment's customer is its rental's, a store's manager works
    there) are proposed and kept."""
    monkeypatch.chdir(tmp_path)
    dst = make_db("rules_pagila")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", dst)
    run(["make-tables"])
    out = run(["generate-config"]).output
    assert "customer: order [create_date, last_update]" in out
    assert "payment: follows {column: payment_date, foreign_key: payment_p2007_01_rental_id_fkey, " \
           "parent_column: rental_period}" in out
    assert "payment: same_parent {foreign_key: payment_p2007_01_customer_id_fkey" in out
    assert "store: round_trip [store_manager_staff_id_fkey, staff_store_id_fkey]" in out
    for step in (["make-stats"], ["make-vocab"], ["create-tables"], ["create-vocab"], ["create-data", "--seed", "7"]):
        run(step)
    assert scalar(dst, "SELECT avg((p.customer_id = r.customer_id)::int) FROM payment p JOIN rental r USING (rental_id)") == 1
    assert scalar(dst, "SELECT avg((p.payment_date >= lower(r.rental_period))::int) FROM payment p "
                       "JOIN rental r USING (rental_id)") == 1
    assert scalar(dst, "SELECT count(*) FROM customer WHERE last_update < create_date") == 0
    assert scalar(dst, "SELECT count(*) FROM store s JOIN staff m ON m.staff_id = s.manager_staff_id "
                       "WHERE m.store_id <> s.store_id") == 0
    # shaped to the source: as many rows as the source, and the rules kept on every one of them
    for t in ("store", "rental", "payment", "customer"):
        assert scalar(dst, f"SELECT count(*) FROM {t}") == scalar(pagila_src, f"SELECT count(*) FROM {t}"), t
    # the lag keeps the source's range (485 .. 664 days between a rental and its payment)
    lo, hi = (scalar(dst, f"SELECT extract(day FROM {f}(p.payment_date - lower(r.rental_period))) FROM payment p "
                          "JOIN rental r USING (rental_id)") for f in ("min", "max"))
    assert 485 <= lo and hi <= 664


def test_rules_hold_in_a_batch_added_with_append(project):
    src, dst = project
    run(["generate-config", "--no-fit"])
    run(["create-tables"])
    run(["create-data", "--num-passes", "300", "--seed", "1"])
    run(["create-data", "--num-passes", "200", "--seed", "2", "--append"])
    assert scalar(dst, "SELECT count(*) FROM payment") == 500
    for what, sql in VIOLATIONS.items():
        assert scalar(dst, sql) == 0, what


def test_a_check_that_orders_two_columns_is_kept_by_the_order_rule_on_them(sql_project):
    """One construction for both: the rule's fitted gap, not the CHECK planner's default span."""
    src, dst = sql_project("""
        CREATE TABLE ev (id serial PRIMARY KEY, created date NOT NULL, updated timestamp NOT NULL,
                         closed timestamp, note int, CHECK (updated >= created), CHECK (closed > updated),
                         CHECK (note >= 0));
        INSERT INTO ev (created, updated, closed, note)
        SELECT date '2020-01-01' + i, date '2020-01-01' + i + interval '150 minutes',
               date '2020-01-01' + i + interval '151 minutes', i FROM generate_series(1, 300) i;""", "rules_ck")
    run(["make-tables"])
    run(["generate-config", "--no-rules", "--no-fit"])
    # the starter config keeps CHECK (updated >= created) with a generator of updated reading created;
    # a rule deriving created from updated would be a cycle: it says so, and the rule replaces that generator
    write_config({"ev": {"rules": [{"order": ["created", "updated"], "gap": {"min": "2 hours", "max": "3 hours"}},
                                   {"order": ["updated", "closed"], "gap": {"min": 0, "max": 60}}]}})
    res = run(["validate-config"], ok=False)
    out = res.output + (res.stderr if res.stderr_bytes else "")
    assert res.exit_code == 1 and "tables.ev.rules[0].order: ev.created cannot be derived from updated: updated is set by the row " \
           "generator tables.ev.row_generators[0] (sqlsynth.sql) that reads created" in out
    write_config({"ev": {"row_generators": [],
                         "rules": [{"order": ["created", "updated"], "gap": {"min": "2 hours", "max": "3 hours"}},
                                   {"order": ["updated", "closed"], "gap": {"min": 0, "max": 60}}]}})
    run(["create-tables"])
    run(["create-data", "--num-passes", "2000", "--seed", "3"])
    lo, hi = (scalar(dst, f"SELECT extract(epoch FROM {f}(updated - created)) FROM ev") for f in ("min", "max"))
    assert 7200 <= lo and hi <= 10800  # the rule's gap (the CHECK alone would spread it over weeks)
    assert scalar(dst, "SELECT count(*) FROM ev WHERE closed <= updated OR closed > updated + interval '1 minute'") == 0
