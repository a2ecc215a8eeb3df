"""`sqlsynth report` (issue 14) on Pagila after the README's workflow with no edit.

Its figures are checked against SQL written here by hand, against SDMetrics (a test-only oracle, on
the tables pulled into pandas in this test only), and its page is opened in headless Chromium.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from chromium_cdp import chromium, open_page
from faithful_metrics import degree_histogram, tvd
from sqlsynth.cli import main
from test_faithful import readme_workflow, run


@pytest.fixture
def pagila_done(tmp_path, monkeypatch, pagila_src, make_db):
    """Pagila source, and a destination filled by the README's workflow (unedited)."""
    monkeypatch.chdir(tmp_path)
    for key in ("SRC_SCHEMA", "DST_SCHEMA"):
        monkeypatch.delenv(key, raising=False)
    dst = make_db("sqlsynth_rdst")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", dst)
    readme_workflow()
    return pagila_src, dst


def report(*args: str, code: int = 0) -> dict:
    res = CliRunner().invoke(main, ["report", *args], catch_exceptions=False)
    assert res.exit_code == code, res.output
    out = "report"
    for i, a in enumerate(args):
        if a in ("-o", "--output"):
            out = args[i + 1]
    return json.loads(Path(out + ".json").read_text()) if Path(out + ".json").exists() else {}


def one(dsn: str, q: str):
    with psycopg.connect(dsn) as conn:
        return conn.execute(q).fetchone()[0]


PAYMENT_DIAMOND = "diamond__payment__payment_p2007_01_customer_id_fkey__payment_p2007_01_rental_id_fkey"
SAME_CUSTOMER = ("SELECT avg(CASE WHEN p.customer_id = r.customer_id THEN 1.0 ELSE 0.0 END) "
                 "FROM payment p JOIN rental r ON r.rental_id = p.rental_id")


def test_figures_equal_hand_written_sql(pagila_done):
    src, dst = pagila_done
    # make the destination imperfect, so that the figures have something to find
    with psycopg.connect(dst) as conn:
        conn.execute("UPDATE payment SET customer_id = customer_id % 599 + 1 WHERE payment_id % 7 = 0")
        conn.execute("UPDATE payment SET amount = amount + 1 WHERE payment_id % 5 = 0")
    fig = report()
    with psycopg.connect(src) as s, psycopg.connect(dst) as d:
        hand = tvd(degree_histogram(s, "customer", "customer_id", "rental", "customer_id"),
                   degree_histogram(d, "customer", "customer_id", "rental", "customer_id"))
    assert fig["foreign_keys"]["rental.rental_customer_id_fkey"]["tvd"] == pytest.approx(hand, abs=1e-12)
    assert hand > 0  # generated rentals per customer are not the source's exactly
    logic = {r["name"]: r for r in fig["logic"]}
    share = float(one(dst, SAME_CUSTOMER))
    assert 0.8 < share < 0.9  # one payment in seven moved to another customer
    assert logic[PAYMENT_DIAMOND]["synthetic"] == pytest.approx(share, abs=1e-12)
    assert logic[PAYMENT_DIAMOND]["source"] == pytest.approx(float(one(src, SAME_CUSTOMER)), abs=1e-12) == 1.0
    # the config's same_parent rule measures the same thing
    rule = logic["auto__rule__payment__same_parent__payment_p2007_01_customer_id_fkey"]
    assert rule["synthetic"] == pytest.approx(share, abs=1e-12)
    amount = fig["tables"]["payment"]["columns"]["amount"]["mean"]
    assert amount["synthetic"] == pytest.approx(float(one(dst, "SELECT avg(amount) FROM payment")), rel=1e-12)
    assert amount["source"] == pytest.approx(float(one(src, "SELECT avg(amount) FROM payment")), rel=1e-12)
    childless = fig["foreign_keys"]["inventory.inventory_film_id_fkey"]["childless"]["source"]
    assert childless == pytest.approx(float(one(src, "SELECT avg(CASE WHEN NOT EXISTS (SELECT 1 FROM inventory i "
                                                     "WHERE i.film_id = f.film_id) THEN 1.0 ELSE 0.0 END) FROM film f")))
    # logic scored from the broken rule: 1 - (1 - share) averaged with the others
    assert fig["scores"]["logic"] < 100
    # gates: the broken diamond fails --min-rule-pass 0.95, a score of 100 is out of reach
    report("--min-rule-pass", "0.95", "--format", "json", "-o", "gate", code=4)
    report("--fail-under", "100", "--format", "json", "-o", "gate", code=4)
    report("--fail-under", "50", "--max-tvd", "1", "--format", "json", "-o", "gate", code=0)


def _frame(dsn: str, table: str, cols: list[str]):
    import pandas as pd

    with psycopg.connect(dsn) as conn:
        cur = conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}"')
        rows = cur.fetchall()
    df = pd.DataFrame(rows, columns=cols)
    for c in cols:
        if df[c].map(lambda v: isinstance(v, Decimal)).any():
            df[c] = df[c].astype(float)
    return df


def test_marginal_distances_agree_with_sdmetrics(pagila_done):
    import pandas as pd
    from sdmetrics.single_column import KSComplement, TVComplement

    src, dst = pagila_done
    fig = report("--format", "json")
    checked = 0
    for t, tf in fig["tables"].items():
        cols = [c for c, cf in tf["columns"].items() if cf["metric"] and not cf["key"] and cf["kind"] != "other"]
        if not cols or tf["rows"]["source"] < 50:
            continue
        a, b = _frame(src, t, cols), _frame(dst, t, cols)
        for c in cols:
            cf = tf["columns"][c]
            sa, sb = a[c].dropna(), b[c].dropna()
            if sa.empty or sb.empty or sa.map(lambda v: hasattr(v, "lower") and hasattr(v, "upper_inc")).any():
                continue  # ranges (rental_period): SDMetrics has no metric for them
            if cf["metric"] == "KS":
                if cf["time"]:  # dates and timestamps as pandas datetimes (SDMetrics converts them itself)
                    sa, sb = (pd.to_datetime(x, utc=True).dt.tz_localize(None) for x in (sa, sb))
                else:
                    sa, sb = sa.astype(float), sb.astype(float)
                ours, theirs = cf["distance"], 1 - KSComplement.compute(sa, sb)
            else:  # categorical values (for identifying text the exact value TVD, beside the lengths' KS)
                ours, theirs = cf["value_tvd"], 1 - TVComplement.compute(sa.astype(str), sb.astype(str))
            assert ours == pytest.approx(theirs, abs=0.02), (t, c, cf["metric"], ours, theirs)
            checked += 1
    assert checked >= 30


def test_exact_match_rates(pagila_done):
    src, dst = pagila_done
    fig = report("--format", "json", "--quasi-identifiers", "customer:first_name,last_name")
    em = fig["privacy"]["exact_match"]
    assert em["payment"]["rate"] == 0 and em["rental"]["rate"] == 0 and em["customer"]["rate"] == 0
    assert em["category"]["rate"] == 1 and em["category"]["vocabulary"]  # copied verbatim by create-vocab
    assert fig["scores"]["privacy"] == 100
    qi = fig["privacy"]["quasi_identifiers"]["customer(first_name, last_name)"]["rate"]
    # plant a copy of source customer 7's non-key columns in destination customer 3
    with psycopg.connect(src) as conn:
        writable = {r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns WHERE "
                                               "table_name = 'customer' AND is_generated = 'NEVER'")}
        cols = [c for c in em["customer"]["columns"] if c in writable]  # customer.active is generated
        assert len(cols) >= 4
        values = conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM customer '
                              "WHERE customer_id = 7").fetchone()
    with psycopg.connect(dst) as conn:
        conn.execute(f'UPDATE customer SET ({", ".join(chr(34) + c + chr(34) for c in cols)}) = '
                     f'({", ".join(["%s"] * len(cols))}) WHERE customer_id = 3', values)
    fig = report("--format", "json", "--quasi-identifiers", "customer:first_name,last_name", "-o", "planted")
    n = one(dst, "SELECT count(*) FROM customer")
    assert fig["privacy"]["exact_match"]["customer"]["rate"] == pytest.approx(1 / n)
    assert fig["privacy"]["quasi_identifiers"]["customer(first_name, last_name)"]["rate"] >= qi + 1 / n - 1e-12
    assert fig["scores"]["privacy"] < 100


def test_report_from_stored_aggregates_without_the_source(pagila_done, monkeypatch):
    src, dst = pagila_done
    direct = report("--format", "json", "-o", "direct")
    monkeypatch.delenv("SRC_DSN")
    stored = report("--format", "json", "-o", "stored")  # src-stats.yaml's sqlsynth__report entry
    assert stored["reference"] == "src-stats.yaml" and direct["reference"] == "source database"
    for name, f in direct["foreign_keys"].items():
        assert stored["foreign_keys"][name]["tvd"] == pytest.approx(f["tvd"], abs=1e-12), name
    amount_s, amount_d = stored["tables"]["payment"]["columns"]["amount"], direct["tables"]["payment"]["columns"]["amount"]
    assert amount_s["mean"] == pytest.approx(amount_d["mean"], rel=1e-12)
    assert {k: v for k, v in amount_s.items() if k != "mean"} == {k: v for k, v in amount_d.items() if k != "mean"}
    assert {r["name"]: r["source"] for r in stored["logic"]} == {r["name"]: r["source"] for r in direct["logic"]}
    assert stored["scores"]["privacy"] is None and not stored["privacy"]["exact_match"]
    res = CliRunner().invoke(main, ["report", "--reference", "source"])
    assert res.exit_code == 1 and "SRC_DSN" in res.output


DP_SQL = """
CREATE TABLE kind (id serial PRIMARY KEY, label text NOT NULL);
INSERT INTO kind (label) SELECT 'k' || i FROM generate_series(1, 40) i;
CREATE TABLE item (id serial PRIMARY KEY, kind_id int NOT NULL REFERENCES kind, price numeric(6,2) NOT NULL);
INSERT INTO item (kind_id, price) SELECT 1 + i % 40, (i % 97) / 3.0 FROM generate_series(1, 4000) i;
"""


def test_differential_privacy_stores_noised_counts_and_reports_the_budget(sql_project, monkeypatch):
    import yaml

    src, dst = sql_project(DP_SQL, "sqlsynth_rdp")
    run("make-tables")
    run("generate-config", "--no-fit", "--no-rules")
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["differential_privacy"] = {"epsilon": 2.0}
    Path("config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    out = run("make-stats").output
    assert "privacy budget spent: epsilon 2, delta 0 in total over 1 differentially private query" in out
    stats = yaml.safe_load(Path("src-stats.yaml").read_text())
    entry = stats["sqlsynth__report"]
    assert entry["privacy"] == {"epsilon_spent": 2.0, "delta_spent": 0.0}
    prof = entry["results"][0]
    # only noised counts: no value, range, bin or correlation of the source
    assert all(c["min"] is None and c["distinct"] is None and "marginal" not in c
               for t in prof["tables"].values() for c in t["columns"].values())
    assert abs(prof["tables"]["item"]["rows"] - 4000) < 100  # noised (scale 4 / 0.5), of the right size
    hist = prof["foreign_keys"]["item.item_kind_id_fkey"]["histogram"]
    assert abs(hist[100] - 40) < 40  # 40 kinds with 100 items each (pooled at 100), noised
    for step in ("create-tables", "create-data"):
        run(step)
    monkeypatch.delenv("SRC_DSN")
    fig = report("--format", "json")
    dp = fig["privacy"]["differential_privacy"]
    assert dp["per_statistic"]["sqlsynth__report"]["epsilon_spent"] == 2.0
    assert dp["epsilon_total"] == pytest.approx(sum(p["epsilon_spent"] for p in dp["per_statistic"].values()))
    assert fig["reference"] == "src-stats.yaml" and fig["foreign_keys"]["item.item_kind_id_fkey"]["tvd"] is not None
    assert fig["tables"]["item"]["rows"]["source"] == prof["tables"]["item"]["rows"]


def test_report_page_renders_in_headless_chromium(pagila_done):
    if chromium() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed in CI (.ci/run installs Debian's chromium package)")
        pytest.skip("chromium is not installed here (apt-get install -y chromium); CI installs it and runs this")
    fig = report()
    page = Path("report.html").resolve()
    text = page.read_text()
    assert "<script" not in text and "http://" not in text and "https://" not in text  # offline, no CDN
    probe = """JSON.stringify({
      sections: [...document.querySelectorAll('section')].map(s => s.id),
      headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
      images: [...document.images].map(i => [i.complete, i.naturalWidth, i.naturalHeight]),
      scores: [...document.querySelectorAll('.score b')].map(b => b.textContent),
      rules: document.querySelectorAll('#logic tbody tr').length})"""
    got = open_page(page.as_uri(), probe)
    assert got.errors == []
    v = got.value
    assert v["sections"] == ["scores", "shape", "relationships", "logic", "privacy"]
    assert v["headings"] == ["Shape", "Relationships", "Logic", "Privacy"]
    assert len(v["images"]) >= 12 and all(ok and w > 100 and h > 100 for ok, w, h in v["images"])
    assert v["scores"][0] == f"{fig['scores']['overall']:.1f}"
    assert v["rules"] == len(fig["logic"]) >= 5
    assert got.screenshot[:8] == b"\x89PNG\r\n\x1a\n" and len(got.screenshot) > 20_000


SMALL_SQL = """
CREATE TABLE shop (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO shop (name) SELECT 'shop ' || i FROM generate_series(1, 20) i;
CREATE TABLE sale (id serial PRIMARY KEY, shop_id int NOT NULL REFERENCES shop, qty int NOT NULL,
                   price numeric(8,2) NOT NULL, total numeric(10,2) NOT NULL, day date NOT NULL);
INSERT INTO sale (shop_id, qty, price, total, day)
SELECT 1 + i % 20, 1 + i % 9, 2 + (i % 13), (1 + i % 9) * (2 + (i % 13)), date '2024-01-01' + i % 300
FROM generate_series(1, 3000) i;
ALTER TABLE sale ADD CONSTRAINT cheap CHECK (price < 8) NOT VALID;  -- half the source's rows break it
"""


def test_checks_correlations_and_bad_input(sql_project):
    src, dst = sql_project(SMALL_SQL, "sqlsynth_rsm")
    readme_workflow()
    fig = report("--format", "json")
    check = next(r for r in fig["logic"] if r["name"] == "check__sale__cheap")
    assert check["source"] == pytest.approx(float(one(src, "SELECT avg(CASE WHEN price < 8 THEN 1.0 ELSE 0.0 END) "
                                                          "FROM sale")))
    assert check["synthetic"] == 1.0  # the destination's CHECK is validated
    corr = fig["tables"]["sale"]["correlation"]
    assert corr["columns"] == ["qty", "price", "total", "day"]
    hand = float(one(src, "SELECT corr(qty, total) FROM sale"))
    assert corr["source"]["matrix"][0][2] == pytest.approx(hand, abs=1e-9)
    syn = float(one(dst, "SELECT corr(qty, total) FROM sale"))
    assert corr["difference"][0][2] == pytest.approx(syn - hand, abs=1e-9)
    assert fig["foreign_keys"]["sale.sale_shop_id_fkey"]["histogram"]["source"][100] == 20  # 150 sales per shop: pooled at 100
    # bad input: one line each, exit 1, nothing written
    Path("report.json").unlink()
    res = CliRunner().invoke(main, ["report", "--quasi-identifiers", "nosuch:a", "--quasi-identifiers", "sale:nope"])
    assert res.exit_code == 1
    lines = [x for x in res.output.splitlines() if x.strip()]
    assert len(lines) == 2 and "nosuch" in lines[0] and "sale:nope" in lines[1], res.output
    assert not Path("report.json").exists() and not Path("report.html").exists()
