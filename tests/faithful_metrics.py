"""Faithfulness metrics, computed in SQL on a source and a generated Pagila.

Used by tests/test_faithful.py and benchmarks/bench_faithful.py; each metric is one query per
database, so the figures are the same whoever computes them.
"""

from __future__ import annotations

import psycopg

TABLES = ["actor", "address", "category", "city", "country", "customer", "film", "film_actor", "film_category",
          "inventory", "language", "payment", "rental", "staff", "store"]

# (parent, parent key, child, child key)
DEGREES = {
    "rentals per customer": ("customer", "customer_id", "rental", "customer_id"),
    "payments per rental": ("rental", "rental_id", "payment", "rental_id"),
    "inventory per film": ("film", "film_id", "inventory", "film_id"),
    "actors per film": ("film", "film_id", "film_actor", "film_id"),
}


def _one(conn, q: str):
    return conn.execute(q).fetchone()


def degree_histogram(conn, parent: str, pk: str, child: str, fk: str) -> dict[int, int]:
    q = (f'SELECT k, count(*) FROM (SELECT p."{pk}", count(c."{fk}") AS k FROM "{parent}" p '
         f'LEFT JOIN "{child}" c ON c."{fk}" = p."{pk}" GROUP BY p."{pk}") s GROUP BY k ORDER BY k')
    return {int(k): int(n) for k, n in conn.execute(q).fetchall()}


def tvd(a: dict[int, int], b: dict[int, int]) -> float:
    ta, tb = sum(a.values()) or 1, sum(b.values()) or 1
    return 0.5 * sum(abs(a.get(k, 0) / ta - b.get(k, 0) / tb) for k in set(a) | set(b))


def facts(dsn: str) -> dict:
    """Everything the metrics compare, for one database."""
    with psycopg.connect(dsn) as conn:
        out: dict = {"rows": {t: _one(conn, f'SELECT count(*) FROM "{t}"')[0] for t in TABLES}}
        # a hash anti-join whatever the indexes and statistics (a nested loop takes hours at 100 x)
        out["no rental"] = float(_one(conn, "SELECT avg((r.customer_id IS NULL)::int) FROM customer c LEFT JOIN "
                                            "(SELECT DISTINCT customer_id FROM rental) r USING (customer_id)")[0] or 0)
        out["rental_date"] = _one(conn, "SELECT min(lower(rental_period)), max(lower(rental_period)) FROM rental")
        out["amount"] = _one(conn, "SELECT max(amount), avg(amount) FROM payment")
        out["rental_rate"] = {float(r[0]) for r in conn.execute("SELECT DISTINCT rental_rate FROM film")}
        n, d = _one(conn, "SELECT count(email), count(DISTINCT email) FROM customer")
        out["distinct emails"] = d / n if n else 0.0
        out["degrees"] = {name: degree_histogram(conn, *spec) for name, spec in DEGREES.items()}
        for name, q in CROSS.items():
            v = _one(conn, q)[0]
            out[name] = float(v) if v is not None else None
    return out


# the cross-table logic the rules keep, one query each
CROSS = {
    "payment.customer_id = its rental's": "SELECT avg((p.customer_id = r.customer_id)::int) FROM payment p "
                                          "JOIN rental r USING (rental_id)",
    "payment_date >= its rental_date": "SELECT avg((p.payment_date >= lower(r.rental_period))::int) FROM payment p "
                                       "JOIN rental r USING (rental_id)",
    "customers with last_update < create_date": "SELECT count(*) FROM customer WHERE last_update < create_date",
    "stores whose manager works elsewhere": "SELECT count(*) FROM store s JOIN staff m ON m.staff_id = "
                                            "s.manager_staff_id WHERE m.store_id <> s.store_id",
}


def rows_ok(src: dict, dst: dict, scale: float = 1.0) -> list[str]:
    """Tables whose row count is not round(source x scale) (vocabulary tables: not the source's)."""
    vocab = ("category", "city", "country", "language")
    return [t for t in TABLES if dst["rows"][t] != (src["rows"][t] if t in vocab else
                                                  max(1, round(src["rows"][t] * scale)))]


def compare(src: dict, dst: dict, scale: float = 1.0) -> dict:
    """The metrics of dst against src (rows compared at the scale)."""
    lo, hi = src["rental_date"]
    dlo, dhi = dst["rental_date"]
    return {
        "rows equal (x scale)": not rows_ok(src, dst, scale),
        "customers without a rental": dst["no rental"],
        "rental_date inside the source's": dlo is not None and lo <= dlo and dhi <= hi,
        "payment.amount max": float(dst["amount"][0]),
        "rental_rate values": sorted(dst["rental_rate"]),
        "rental_rate only the source's": dst["rental_rate"] <= src["rental_rate"],
        "distinct emails": dst["distinct emails"],
        **{f"{name} TVD": tvd(src["degrees"][name], dst["degrees"][name]) for name in DEGREES},
        **{name: dst[name] for name in CROSS},
    }
