"""Children per parent: the synthetic degree distribution matches the source's."""

from __future__ import annotations

from pathlib import Path

import psycopg
import yaml
from click.testing import CliRunner

from sqlsynth.cli import main
from sqlsynth.plan.children import scale_histogram


def run(args):
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def degree_histogram(dsn: str, parent: str, pk: str, child: str, fk: str) -> dict[int, int]:
    q = (f'SELECT k, count(*) FROM (SELECT p."{pk}", count(c."{fk}") AS k FROM "{parent}" p '
         f'LEFT JOIN "{child}" c ON c."{fk}" = p."{pk}" GROUP BY p."{pk}") s GROUP BY k ORDER BY k')
    with psycopg.connect(dsn) as conn:
        return {int(k): int(n) for k, n in conn.execute(q).fetchall()}


def tvd(a: dict[int, int], b: dict[int, int]) -> float:
    ta, tb = sum(a.values()), sum(b.values())
    return 0.5 * sum(abs(a.get(k, 0) / ta - b.get(k, 0) / tb) for k in set(a) | set(b))


def test_scale_histogram_keeps_the_total_and_the_shape():
    deg = scale_histogram([(0, 10), (1, 30), (2, 60)], 7)
    assert sum(c for _k, c in deg.buckets) == 7
    assert deg.total_children == sum(k * c for k, c in deg.buckets)
    assert dict(deg.buckets)[2] >= dict(deg.buckets).get(0, 0)


def test_rentals_per_customer_and_payments_per_rental_follow_the_source(tmp_path, monkeypatch, pagila_src, make_db):
    monkeypatch.chdir(tmp_path)
    dst = make_db("sqlsynth_dst")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("DST_DSN", dst)
    run(["make-tables"])
    run(["generate-config", "--no-fit"])
    src_rentals = degree_histogram(pagila_src, "customer", "customer_id", "rental", "customer_id")
    src_payments = degree_histogram(pagila_src, "rental", "rental_id", "payment", "rental_id")
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["tables"]["rental"]["children_per_parent"] = {
        "foreign_key": "rental_customer_id_fkey",
        "histogram": [{"k": k, "parents": n} for k, n in src_rentals.items()]}
    cfg["tables"]["payment"]["children_per_parent"] = {
        "foreign_key": ["rental_id"],
        "histogram": [{"k": k, "parents": n} for k, n in src_payments.items()]}
    Path("config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    run(["create-tables"])
    out = run(["create-data", "--num-passes", "300", "--seed", "5"])
    syn_rentals = degree_histogram(dst, "customer", "customer_id", "rental", "customer_id")
    syn_payments = degree_histogram(dst, "rental", "rental_id", "payment", "rental_id")
    assert sum(syn_rentals.values()) == 300  # every customer counted, some with zero rentals if the source has them
    assert tvd(src_rentals, syn_rentals) < 0.1, (src_rentals, syn_rentals)
    assert tvd(src_payments, syn_payments) < 0.1, (src_payments, syn_payments)
    with psycopg.connect(dst) as conn:
        n_rentals = conn.execute("SELECT count(*) FROM rental").fetchone()[0]
        mean_src = sum(k * n for k, n in src_rentals.items()) / sum(src_rentals.values())
        assert abs(n_rentals / 300 - mean_src) / mean_src < 0.05
    assert "rows" in out


def test_unknown_foreign_key_is_a_located_error(tmp_path, monkeypatch, pagila_src):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SRC_DSN", pagila_src)
    run(["make-tables"])
    run(["generate-config", "--no-fit"])
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    cfg["tables"]["rental"]["children_per_parent"] = {"foreign_key": "rental_customer_fkey"}
    Path("config.yaml").write_text(yaml.safe_dump(cfg, sort_keys=False))
    res = CliRunner().invoke(main, ["compile"], catch_exceptions=False)
    assert res.exit_code == 1
    assert "tables.rental.children_per_parent.foreign_key" in res.output
    assert "rental_customer_id_fkey" in res.output  # the suggestion
