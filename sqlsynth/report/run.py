"""`sqlsynth report`: measure both sides, compare, score, and write the JSON and HTML files.

Reference: the source database (SRC_DSN, read-only sessions through sqlsynth.readonly) when it is
set and reachable, else the ``sqlsynth__report`` entry make-stats wrote into src-stats.yaml.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

from ..files import write_atomic
from ..sql import sqlx
from ..config.load import Config
from ..schema.model import Schema
from . import compare as cmp
from .measure import Side, profile
from .score import failures, scores

STATS_ENTRY = "sqlsynth__report"
IDENTIFYING = 0.5  # text with more distinct values than this share of its rows is compared by its lengths
_SESSION = (("TimeZone", "UTC"), ("DateStyle", "ISO, MDY"), ("extra_float_digits", "1"),
            ("IntervalStyle", "postgres"), ("work_mem", "64MB"))  # hashed distinct counts and histograms


@dataclass
class ReportResult:
    figures: dict
    files: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _session(conn) -> None:
    from psycopg import sql

    for k, v in _SESSION:  # row texts (exact-match hashes) print alike on both servers
        conn.execute(sql.SQL("SELECT set_config({}, {}, false)").format(sql.Literal(k), sql.Literal(v)))


def source_side(dsn: str, schema: Schema, jobs: int = 1) -> Side:
    """The source: read-only sessions (sqlsynth.readonly), every query through its gate."""
    from ..readonly import open_source, run_select

    def opener():
        conn = open_source(dsn, schema.source_search_path)
        _session(conn)
        return conn
    side = Side("source", lambda key: sqlx.table(*schema.source_name(key)), opener,
                lambda conn, q: run_select(conn, q)[1], jobs)
    side.conn()  # fails here, once, when the source is not reachable
    return side


def destination_side(dsn: str, schema: Schema, placement, jobs: int = 1) -> Side:
    from ..db import connect
    from ..duck import is_duckdb

    def table(key: str):
        return sqlx.table(*placement.where(schema.tables[key]))
    if is_duckdb(dsn):
        from ..schema.types import resolve_type
        from .duckside import duckdb_destination

        padded = {c.name for t in schema.tables.values() for c in t.columns.values()
                  if resolve_type(c.type, schema).fixed_length and resolve_type(c.type, schema).kind == "text"}
        return duckdb_destination(dsn, table, padded)

    def opener():
        conn = connect(dsn, what="destination database", autocommit=True)
        _session(conn)
        return conn
    side = Side("destination", table, opener, lambda conn, q: conn.execute(q).fetchall(), jobs)
    side.conn()
    return side


def _without_quantiles(sql: str) -> str:
    """A rule's measurement without the quantiles of its gap (make-stats fits them; the report needs
    only the rows and the share where the rule holds)."""
    tree = sqlx.parse(sql)
    tree.set("expressions", [e for e in tree.expressions if e.alias_or_name != "quantiles"])
    return tree.sql(sqlx.DIALECT)


def logic_queries(cfg: Config, schema: Schema, tables: list[str], side_schema: Any) -> list[tuple[str, str, str, str]]:
    """(name, kind, table, SQL) of every config rule and foreign-key diamond, for one side."""
    from ..config.rules import stat_name
    from ..stats.rules import agreement_query, rule_query, same_parent_condition

    out = []
    for tname, tc in cfg.tables.items():
        if tname not in tables:
            continue
        for rule in tc.rules:
            q = rule_query(cfg, schema, side_schema, rule, [])
            if q is not None:
                out.append((stat_name(rule), f"rule: {rule.describe()}", tname, _without_quantiles(q.query)))
    for d in cmp.diamonds(schema, tables):
        name, f1, f2, g = d
        sql = agreement_query(side_schema, name, [f2, g], same_parent_condition(f1, g, "h1"), f1.columns)
        out.append((f"diamond__{name}__{f1.name}__{f2.name}",
                    f"{name}.{'/'.join(f1.columns)} equals {f2.ref_table}.{'/'.join(g.columns)} through {f2.name}",
                    name, sql))
    return out


def measure_source(side: Side, cfg: Config, schema: Schema, tables: list[str], side_schema: Any) -> dict:
    """The source's profile (also what make-stats stores): aggregates only."""
    prof = profile(side, schema, tables)
    prof["logic"] = run_logic(side, logic_queries(cfg, schema, tables, side_schema))
    return prof


def run_logic(side: Side, logic: list[tuple[str, str, str, str]]) -> dict[str, float | None]:
    def one(item):
        if side.engine == "duckdb":  # a rule DuckDB cannot compute is left out, not fatal
            try:
                rows = side.run(item[3])
            except Exception:  # noqa: BLE001 - e.g. a PostgreSQL function in the rule's SQL
                return None
            return None if not rows or rows[0][1] is None else float(rows[0][1])
        rows = side.run(item[3])
        return None if not rows or rows[0][1] is None else float(rows[0][1])
    return dict(zip([x[0] for x in logic], side.map(one, logic)))


def _pair(a: Any, b: Any) -> dict:
    return {"source": a, "synthetic": b}


def _frac(n: int | None, d: int | None) -> float | None:
    return None if n is None or not d else n / d


def _columns(st: dict, dt: dict, keys: set[str]) -> dict:
    out = {}
    for c, sc in st["columns"].items():
        dc = dt["columns"][c]
        f: dict[str, Any] = {"kind": sc["kind"], "key": c in keys, "time": sc.get("time", False),
                             "null_fraction": _pair(1 - sc["non_null"] / st["rows"] if st["rows"] else None,
                                                    1 - dc["non_null"] / dt["rows"] if dt["rows"] else None),
                             "distinct_ratio": _pair(_frac(sc["distinct"], sc["non_null"]),
                                                     _frac(dc["distinct"], dc["non_null"])),
                             "min": _pair(sc["min"], dc["min"]), "max": _pair(sc["max"], dc["max"]),
                             "mean": _pair(sc["mean"], dc["mean"]), "distance": None, "metric": None}
        sm, dm = sc.get("marginal"), dc.get("marginal")
        if sm and dm and sm["type"] == "binned":
            a, b = cmp.coarse(sm["counts"], dm["counts"])
            f.update(metric="KS", distance=cmp.ks(sm["counts"], dm["counts"]), tvd_binned=cmp.tvd(a, b),
                     plot={"type": "binned", "edges": sm["edges"], "source": a, "synthetic": b})
        elif sm and dm:
            f.update(metric="TVD", distance=cmp.values_tvd(sm, dm), value_tvd=cmp.values_tvd(sm, dm), exact=False,
                     plot={"type": "values", "values": sm["values"][:12],
                           "source": sm["counts"][:12] + [sm["total"] - sum(sm["counts"][:12])],
                           "synthetic": dm["counts"][:12] + [dm["total"] - sum(dm["counts"][:12])]})
        if sc.get("lengths") and dc.get("lengths"):
            f["length_ks"] = cmp.ks(sc["lengths"]["counts"], dc["lengths"]["counts"])
            if f["metric"] == "TVD" and (f["distinct_ratio"]["source"] or 0) > IDENTIFYING:
                # names, e-mails: their values are not shared; their lengths are
                a, b = cmp.coarse(sc["lengths"]["counts"], dc["lengths"]["counts"])
                f.update(metric="length KS", distance=f["length_ks"],
                         plot={"type": "lengths", "edges": sc["lengths"]["edges"], "source": a, "synthetic": b})
        out[c] = f
    return out


def compare(src: dict, dst: dict, logic: list[tuple[str, str, str, str]], dst_logic: dict, vocab: set[str],
            keys: dict[str, set[str]]) -> dict:
    fig: dict[str, Any] = {"tables": {}, "foreign_keys": {}, "logic": [], "privacy": {}}
    for t, st in src["tables"].items():
        dt = dst["tables"][t]
        fig["tables"][t] = {
            "vocabulary": t in vocab,
            "rows": {**_pair(st["rows"], dt["rows"]), "ratio": dt["rows"] / st["rows"] if st["rows"] else None},
            "columns": _columns(st, dt, keys.get(t, set())),
            "correlation": {**(cmp.corr_difference(st["correlations"], dt["correlations"]) or {}),
                            "source": st["correlations"], "synthetic": dt["correlations"]}
            if st.get("correlations") else None,
        }
        for name, share in st["checks"].items():
            fig["logic"].append({"name": f"check__{t}__{name}", "what": f"CHECK {name} of {t}", "table": t,
                                 **_pair(share, dt["checks"].get(name))})
    for name, sf in src["foreign_keys"].items():
        df = dst["foreign_keys"][name]
        hs, hd = sf["histogram"], df["histogram"]
        fig["foreign_keys"][name] = {"child": sf["child"], "parent": sf["parent"], "columns": sf["columns"],
                                     "tvd": cmp.tvd(hs, hd),
                                     "childless": _pair(_frac(hs[0], sum(hs)), _frac(hd[0], sum(hd))),
                                     "histogram": _pair(hs, hd)}
    for name, what, t, _sql in logic:
        fig["logic"].append({"name": name, "what": what, "table": t,
                             **_pair(src.get("logic", {}).get(name), dst_logic.get(name))})
    return fig


def _dp_budget(entries: dict) -> dict:
    per = {name: e["privacy"] for name, e in entries.items() if isinstance(e, dict) and isinstance(e.get("privacy"), dict)}
    return {"per_statistic": per, "epsilon_total": sum(p.get("epsilon_spent") or 0 for p in per.values()),
            "delta_total": sum(p.get("delta_spent") or 0 for p in per.values())}


def build(settings, schema: Schema, cfg: Config, tables: list[str], vocab: set[str], stats: dict | None,
          reference: str = "auto", quasi: list[tuple[str, list[str]]] = (), report=None, jobs: int = 2) -> dict:
    """All figures of the report (the JSON file's content); up to `jobs` queries at once on each side."""
    from ..errors import ConnectionFailed, SqlsynthError
    from ..schema.placement import placement

    t0 = time.monotonic()
    say = report or (lambda _m: None)
    place = placement(schema, settings.dst_schema)
    src = None
    if reference in ("auto", "source") and settings.src_dsn:
        try:
            src = source_side(settings.src_dsn, schema, jobs)
        except ConnectionFailed:
            if reference == "source":
                raise
    elif reference == "source":
        settings.need_src()
    if src is None:
        entry = (stats or {}).get(STATS_ENTRY)
        if not isinstance(entry, dict) or not entry.get("results"):
            raise SqlsynthError("no reference for the report: SRC_DSN is not set or not reachable, and src-stats.yaml "
                                f"has no {STATS_ENTRY} entry (run make-stats with a config that lists the tables)")
        sprof = entry["results"][0]
        missing = [t for t in tables if t not in sprof.get("tables", {})]
        if missing:
            raise SqlsynthError(f"src-stats.yaml: {STATS_ENTRY} has no figures for {', '.join(missing)}; run make-stats again")
    try:
        dst = destination_side(settings.need_dst(), schema, place, jobs)
    except BaseException:
        if src is not None:
            src.close()
        raise
    try:
        if src is not None:
            say("measuring the source")
            sprof = measure_source(src, cfg, schema, tables, schema if schema.multi else schema.schema)
        say("measuring the destination")
        dprof = profile(dst, schema, tables, ref=sprof)
        logic = logic_queries(cfg, schema, tables, place.primary)
        dlogic = run_logic(dst, logic)
        from .measure import key_columns

        keys = {t: key_columns(schema, schema.tables[t]) for t in tables}
        fig = compare(sprof, dprof, logic, dlogic, vocab, keys)
        fig["reference"] = "source database" if src is not None else "src-stats.yaml"
        fig["privacy"]["exact_match"] = {}
        fig["privacy"]["quasi_identifiers"] = {}
        if dst.engine == "duckdb":
            not_across(fig, tables, quasi)
        elif src is not None:
            say("comparing across the two databases")
            across(src, dst, fig, sprof, tables, vocab, quasi)
    finally:
        dst.close()
        if src is not None:
            src.close()
    fig["privacy"]["differential_privacy"] = _dp_budget(stats or {})
    fig["scores"] = scores(fig)
    fig["seconds"] = round(time.monotonic() - t0, 3)
    return fig


def across(src: Side, dst: Side, fig: dict, sprof: dict, tables: list[str], vocab: set[str],
           quasi: list[tuple[str, list[str]]]) -> None:
    """The measures that need both databases: exact value TVDs, exact-match rates (per table, on
    `jobs` threads: each with its own source and destination sessions)."""
    def per_table(t: str) -> tuple[dict, float | None, list[str]]:
        tf = fig["tables"][t]
        tvds = {}
        for c, cf in tf["columns"].items():
            if cf["metric"] in ("TVD", "length KS") and not cf["key"]:
                tvds[c] = cmp.exact_values_tvd(src.conn(), src, dst, dst.conn(), t, c)
        # the non-key columns that vary in the source (a constant column matches whatever is done)
        cols = [c for c, cf in tf["columns"].items() if not cf["key"] and (sprof["tables"][t]["columns"][c]["distinct"] or 0) > 1]
        rate = cmp.exact_match_rate(src.conn(), src, dst, dst.conn(), t, cols) if cols else None
        return tvds, rate, cols

    order = sorted(tables, key=lambda t: -(fig["tables"][t]["rows"]["synthetic"] or 0))
    for t, (tvds, rate, cols) in zip(order, dst.map(per_table, order)):
        for c, v in tvds.items():
            cf = fig["tables"][t]["columns"][c]
            cf["value_tvd"], cf["exact"] = v, True
            if cf["metric"] == "TVD":
                cf["distance"] = v
        fig["privacy"]["exact_match"][t] = {"columns": cols, "vocabulary": t in vocab, "rate": rate}
    fig["privacy"]["exact_match"] = {t: fig["privacy"]["exact_match"][t] for t in tables}
    for t, cols in quasi:
        fig["privacy"]["quasi_identifiers"][f"{t}({', '.join(cols)})"] = {
            "table": t, "columns": cols, "rate": cmp.exact_match_rate(src.conn(), src, dst, dst.conn(), t, cols)}


def not_across(fig: dict, tables: list[str], quasi: list[tuple[str, list[str]]]) -> None:
    """A DuckDB destination: the measures that hash rows on both servers (hashtextextended: no DuckDB
    function gives the same values) are not taken, and the figures say so; the text columns keep the
    top-values TVD as their distance."""
    from .duckside import NOT_MEASURED

    fig["destination_engine"] = "duckdb"
    what = ["exact-match rates", "exact value TVDs"] + (["quasi-identifier rates"] if quasi else [])
    fig["privacy"]["not_measured"] = f"{', '.join(what)}: {NOT_MEASURED} (they hash rows on both databases)"
    for r in fig["logic"]:  # a rule or CHECK whose SQL DuckDB could not run
        if r.get("synthetic") is None and r.get("source") is not None:
            r["note"] = NOT_MEASURED


def write(fig: dict, out: str, fmt: str) -> list[str]:
    """Write out.json and/or out.html (each through a temporary file: nothing half-written)."""
    from .render import html

    files = []
    if fmt in ("json", "both"):
        files.append((out + ".json", json.dumps(fig, indent=1, default=str)))
    if fmt in ("html", "both"):
        files.append((out + ".html", html(fig)))
    for path, text in files:
        write_atomic(path, text)
    return [p for p, _ in files]


def gate(fig: dict, fail_under: float | None, max_tvd: float | None, min_rule_pass: float | None) -> list[str]:
    return failures(fig, fail_under, max_tvd, min_rule_pass)
