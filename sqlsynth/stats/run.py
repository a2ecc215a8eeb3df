"""make-stats: run the config's src-stats queries (and the automatic ones) on the source and
write src-stats.yaml in datafaker's format.

    name:
      queries: {date: "YYYY-MM-DD HH:MM:SS", query: ..., dp-query: ...}
      comments: [...]
      results: [{column: value, ...}, ...]
      privacy: {epsilon_spent: ..., delta_spent: ...}     # differentially private entries only

Every query passes sqlsynth.readonly's gate first (exactly one SELECT; all refusals are reported
together, before anything runs) and is sent as a prepared statement in a READ ONLY transaction;
a dp-query's first stage becomes a subquery of the SQL smartnoise-sql writes (no view, no write).
With --jobs N (or ``use-asyncio: true``), independent queries run at once on separate connections.
Any failure is reported as one located line per query and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml

from ..config.load import Config, load_config
from ..db import PerThread, scrub
from ..errors import ConfigError, Problem, SqlsynthError, first_line
from ..files import write_atomic
from ..filesource import FileQueryError
from ..readonly import RefusedQuery, open_source, refusal, run_select
from ..schema.model import Schema
from ..settings import Settings
from .auto import StatQuery, auto_queries
from .dp import DPUnavailable, check_metadata, require_snsql, run_dp
from .rules import rule_queries, rule_reports
from .private import postprocess

ENTRY_KEYS = {"name", "query", "dp-query", "epsilon", "delta", "snsql-metadata", "comments"}
ASYNCIO_JOBS = 4  # `use-asyncio: true` without --jobs

Report = Callable[[str], None]


@dataclass
class StatsResult:
    file: str
    entries: dict[str, Any]
    epsilon: float = 0.0
    delta: float = 0.0
    dp_queries: int = 0
    warnings: list[str] = field(default_factory=list)
    rules: list = field(default_factory=list)  # stats.rules.RuleReport: how often each rule holds on the source


# ---- values as YAML ----------------------------------------------------------------------------


def plain(v: Any) -> Any:
    """A query result value as plain YAML: Decimal -> float, dates -> ISO strings, ..."""
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return str(v)
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if hasattr(v, "item") and callable(v.item):  # numpy scalars (smartnoise results)
        try:
            return plain(v.item())
        except (TypeError, ValueError):
            pass
    return str(v)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, s: str):
    if "\n" in s and not any(line != line.rstrip() for line in s.splitlines()):
        return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", s)


_Dumper.add_representer(str, _str)


def dump_stats(entries: dict[str, Any], header: list[str]) -> str:
    body = yaml.dump(entries, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=10_000) \
        if entries else "{}\n"
    return "".join(f"# {h}\n" for h in header) + body


# ---- the config's src-stats ------------------------------------------------------------------


def user_queries(cfg: Config, problems: list[Problem]) -> list[StatQuery]:
    raw = cfg.raw.get("src-stats")
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(cfg.problem("src-stats", "must be a list of {name, query, ...} entries"))
        return []
    out: list[StatQuery] = []
    for i, e in enumerate(raw):
        path = f"src-stats[{i}]"
        if not isinstance(e, dict):
            problems.append(cfg.problem(path, "must be a mapping with name and query"))
            continue
        n0 = len(problems)
        for k in e:
            if k not in ENTRY_KEYS:
                from ..config.load import suggest

                problems.append(cfg.problem(f"{path}.{k}", f"unknown key{suggest(k, ENTRY_KEYS)}"))
        name, query, dpq = e.get("name"), e.get("query"), e.get("dp-query")
        if not isinstance(name, str) or not name.strip():
            problems.append(cfg.problem(f"{path}.name", "missing name (the key in src-stats.yaml and SRC_STATS)"))
        if not isinstance(query, str) or not query.strip():
            problems.append(cfg.problem(f"{path}.query", "missing query (SQL run on the source)"))
        comments = e.get("comments") or []
        if isinstance(comments, str):
            comments = [comments]
        if not isinstance(comments, list) or not all(isinstance(c, str) for c in comments):
            problems.append(cfg.problem(f"{path}.comments", "must be a list of strings"))
            comments = []
        eps, delta, meta = e.get("epsilon"), e.get("delta"), e.get("snsql-metadata")
        if dpq is None:
            for k in ("epsilon", "delta", "snsql-metadata"):
                if e.get(k) is not None:
                    problems.append(cfg.problem(f"{path}.{k}", "only used with a dp-query"))
        else:
            if not isinstance(dpq, str) or not dpq.strip():
                problems.append(cfg.problem(f"{path}.dp-query", "must be a SmartNoise SQL query over query_result"))
            if isinstance(eps, bool) or not isinstance(eps, (int, float)) or eps <= 0:
                problems.append(cfg.problem(f"{path}.epsilon", "a dp-query needs epsilon, a number > 0"))
            if delta is not None and (isinstance(delta, bool) or not isinstance(delta, (int, float))
                                      or not 0 <= delta < 1):
                problems.append(cfg.problem(f"{path}.delta", "must be a number in [0, 1)"))
            if meta is None:
                problems.append(cfg.problem(f"{path}.snsql-metadata", "a dp-query needs snsql-metadata "
                                                                     "(columns of query_result with type, bounds, "
                                                                     "private_id)"))
            else:
                for sub, msg in check_metadata(meta):
                    problems.append(cfg.problem(f"{path}.snsql-metadata" + (f".{sub}" if sub else ""), msg))
        if len(problems) > n0:
            continue
        out.append(StatQuery(name=name, query=query, path=path, dp_query=dpq,
                             epsilon=float(eps) if dpq is not None else None,
                             delta=float(delta) if dpq is not None and delta is not None else None,
                             metadata=meta if dpq is not None else None, comments=list(comments)))
    return out


def collect_queries(cfg: Config, schema: Schema | None, src_schema: str | None) -> list[StatQuery]:
    """Every query make-stats runs (user entries first, then automatic ones by name); raises ConfigError."""
    problems: list[Problem] = []
    user = user_queries(cfg, problems)
    auto = sorted(auto_queries(cfg, schema, src_schema, problems) + rule_queries(cfg, schema, src_schema, problems),
                  key=lambda q: q.name)
    for q in user + auto:  # the read-only gate, for every query before any runs
        why = refusal(q.query)
        if why is not None:
            problems.append(cfg.problem(q.path if q.auto else f"{q.path}.query", why))
        if q.dp_query is not None and (why := refusal(q.dp_query)) is not None:
            problems.append(cfg.problem(q.path if q.auto else f"{q.path}.dp-query", why))
    seen: dict[str, str] = {}
    for q in user + auto:
        if q.name in seen:
            problems.append(cfg.problem(f"{q.path}.name" if not q.auto else q.path,
                                        f"the statistic {q.name!r} is also computed for {seen[q.name]}; "
                                        "names must be unique"))
        seen.setdefault(q.name, q.path)
    if problems:
        raise ConfigError(problems)
    return user + auto


def needs_schema(cfg: Config) -> bool:
    for tname, tc in cfg.tables.items():
        td = (cfg.raw.get("tables") or {}).get(tname)
        if any(rg.stats is not None or rg.null_fraction == "auto" for rg in tc.row_generators):
            return True
        if isinstance(td, dict) and (td.get("rows_from_source") is not None or td.get("children_per_parent")):
            return True
        if tc.rules and not (tc.ignore or tc.vocabulary_table):
            return True
    return False


# ---- running ---------------------------------------------------------------------------------


class _Connections(PerThread):
    """One source connection per worker thread (sqlsynth.readonly.open_source), SRC_SCHEMA first."""

    def __init__(self, dsn: str, src_schema: str | None):
        super().__init__(lambda: open_source(dsn, src_schema))
        self.dsn = dsn


def _run_one(q: StatQuery, conns: _Connections, cfg: Config) -> tuple[dict | None, Problem | None, str]:
    import psycopg

    t0 = time.monotonic()
    try:
        conn = conns.get()
    except SqlsynthError as e:
        return None, cfg.problem(q.path if q.auto else f"{q.path}.query", str(e)), ""
    entry: dict[str, Any] = {"queries": {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"), "query": q.query}}
    if q.dp_query is not None:
        entry["queries"]["dp-query"] = q.dp_query
    if q.comments:
        entry["comments"] = list(q.comments)
    note = ""
    if q.dp_query is None:
        try:
            cols, raw_rows = run_select(conn, q.query)
            rows = [dict(zip(cols, map(plain, r))) for r in raw_rows]
        except (RefusedQuery, FileQueryError) as e:
            return None, cfg.problem(q.path if q.auto else f"{q.path}.query", str(e)), ""
        except psycopg.Error as e:
            return None, cfg.problem(q.path if q.auto else f"{q.path}.query", scrub(first_line(e), conns.dsn)), ""
    else:
        try:
            cols, raw_rows, eps, delta = run_dp(conn, q.query, q.dp_query, q.epsilon, q.delta, q.metadata or {},
                                              total=q.auto)
        except (RefusedQuery, FileQueryError) as e:  # the SQL smartnoise-sql wrote (the first stage passed the gate)
            return None, cfg.problem(q.path if q.auto else f"{q.path}.dp-query", str(e)), ""
        except psycopg.Error as e:
            return None, cfg.problem(q.path if q.auto else f"{q.path}.query", scrub(first_line(e), conns.dsn)), ""
        except DPUnavailable as e:
            return None, cfg.problem(q.path if q.auto else f"{q.path}.dp-query", str(e)), ""
        except Exception as e:  # noqa: BLE001 - smartnoise raises ValueError and others for bad queries/metadata
            return None, cfg.problem(q.path if q.auto else f"{q.path}.dp-query",
                                     f"smartnoise-sql: {scrub(first_line(e), conns.dsn)}"), ""
        cols = [q.rename.get(c, c) for c in cols]
        rows = [dict(zip(cols, map(plain, r))) for r in raw_rows]
        if "count" in cols and q.auto:
            for r in rows:
                r["count"] = int(round(r["count"])) if r["count"] is not None else 0
            if q.suppress:
                rows = [r for r in rows if r["count"] > q.suppress]
            rows.sort(key=lambda r: (-r["count"], str(r["value"])))
            rows = rows[: q.max_values] if q.max_values else rows
        entry["privacy"] = {"epsilon_spent": eps, "delta_spent": delta}
        note = f"; privacy spent: epsilon {eps:g}, delta {delta:g}"
        if not rows:
            note += ("; NO ROWS: smartnoise-sql censored every result (tau thresholding): lower max_ids, "
                     "raise epsilon or delta, or set censor_dims: false")
    entry["results"] = rows
    secs = time.monotonic() - t0
    return entry, None, f"{q.name}: {len(rows)} row{'' if len(rows) == 1 else 's'} ({secs:.2f} s){note}"


def run_queries(dsn: str, src_schema: str | None, queries: list[StatQuery], cfg: Config, jobs: int,
                report: Report | None = None) -> tuple[dict[str, dict], list[Problem]]:
    conns = _Connections(dsn, src_schema)
    lock = threading.Lock()
    results: dict[str, dict] = {}
    problems: dict[int, Problem] = {}

    def task(i: int, q: StatQuery) -> None:
        entry, problem, line = _run_one(q, conns, cfg)
        with lock:
            if problem is not None:
                problems[i] = problem
            else:
                results[q.name] = entry
                if report and line:
                    report(line)

    try:
        if jobs <= 1 or len(queries) <= 1:
            for i, q in enumerate(queries):
                task(i, q)
        else:
            with ThreadPoolExecutor(max_workers=min(jobs, len(queries))) as pool:
                for f in [pool.submit(task, i, q) for i, q in enumerate(queries)]:
                    f.result()
    finally:
        conns.close()
    return results, [problems[i] for i in sorted(problems)]


def make_stats(settings: Settings, orm_file: str = "orm.yaml", config_file: str = "config.yaml",
               stats_file: str = "src-stats.yaml", force: bool = False, jobs: int | None = None,
               report: Report | None = None,
               extra: Callable[[Config, Schema], dict[str, dict]] | None = None) -> StatsResult:
    """Compute every statistic the config asks for and write stats_file (all or nothing).

    extra(config, schema), when given (and orm.yaml is there), returns more entries in the same
    format (the report's aggregates of the source: sqlsynth.report.stored); they are written last."""
    if os.path.exists(stats_file) and not force:
        raise SqlsynthError(f"{stats_file} already exists; use --force to overwrite it")
    cfg = load_config(config_file, required=True)
    schema = None
    if os.path.exists(orm_file):
        from ..schema.io import load_schema

        schema = load_schema(orm_file)
    elif needs_schema(cfg):
        from ..db import mask_dsn
        from ..filesource import is_file_source
        from ..schema.reflect import reflect
        from ..schema.reflect_files import reflect_files

        dsn = settings.need_src()
        schema = reflect_files(dsn, dsn) if is_file_source(dsn) else \
            reflect(dsn, settings.src_schema or "public", masked_dsn=mask_dsn(dsn))
    # the schema orm.yaml was reflected from (several: auto queries name each table's own); the source
    # sessions' search_path: that schema (or those), then the extensions' schemas (an extension's SQL
    # functions in an index expression, inlined by the planner, may name its types unqualified)
    src_schema = schema.schema if schema is not None else settings.src_schema
    path = schema.source_search_path if schema is not None else src_schema
    queries = collect_queries(cfg, schema, src_schema)
    dsn = settings.need_src()
    if any(q.dp_query for q in queries):
        try:
            require_snsql()
        except DPUnavailable as e:
            names = ", ".join(q.name for q in queries if q.dp_query)
            raise SqlsynthError(f"{e} (for {names})") from None
    if jobs is None:
        jobs = ASYNCIO_JOBS if cfg.raw.get("use-asyncio") is True else 1
    results, problems = run_queries(dsn, path, queries, cfg, jobs, report)
    if problems:
        raise ConfigError(problems)
    entries = {q.name: results[q.name] for q in queries}
    for q in queries:  # small-count merging of histograms, results of differentially private quantiles, ...
        if q.post is not None:
            entries[q.name]["results"] = postprocess(q.post, entries[q.name]["results"])
    if extra is not None and schema is not None:
        for name, entry in extra(cfg, schema).items():
            entries[name] = entry
            if report:
                report(f"{name}: the report's aggregates of the source")
    res = StatsResult(file=stats_file, entries=entries, rules=rule_reports(cfg, entries))
    for name in entries:
        p = entries[name].get("privacy")
        if p:
            res.epsilon += p["epsilon_spent"]
            res.delta += p["delta_spent"]
            res.dp_queries += 1
            if not entries[name]["results"]:
                res.warnings.append(f"{name}: the differentially private query returned no rows")
    header = [f"written by sqlsynth make-stats from {os.path.basename(config_file)}; "
              "review before it leaves the private network"]
    if res.dp_queries:
        header.append(f"differential privacy: epsilon {res.epsilon:g}, delta {res.delta:g} spent in total over "
                      f"{res.dp_queries} quer{'y' if res.dp_queries == 1 else 'ies'} (sequential composition)")
    text = dump_stats(entries, header)
    write_atomic(stats_file, text)
    return res
