"""Load config.yaml into a typed Config, remembering the line of every config path.

All problems are collected and raised together as one ConfigError.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any


from ..errors import ConfigError, Problem, suggest  # noqa: F401  (suggest: used here and by plan)
from ..yamlsafe import read_yaml, record_lines as _record_lines  # noqa: F401
from .modules import KEYS as MODULE_KEYS, module_problem
from .rules import read_rules

if TYPE_CHECKING:
    from ..schema.model import Schema

DEFAULT_CONFIG_FILE = "config.yaml"  # read if present when no config file is named

TOP_KEYS = {
    "tables", "src-stats", "use-asyncio", "row_generators_module", "story_generators_module",
    "story_generators", "object_instantiation", "max-unique-constraint-tries", "seed", "locale",
    "pool_size", "differential_privacy",
}
TABLE_KEYS = {
    "ignore", "vocabulary_table", "num_rows_per_pass", "rows", "row_generators", "primary_private",
    "missingness_generators", "name_column", "unions", "children_per_parent", "rows_from_source", "rules",
}
GEN_KEYS = {"name", "columns_assigned", "args", "kwargs", "null_fraction", "unique", "pool_size", "locale",
            "stats", "locale_from"}


@dataclass
class RowGenerator:
    name: str
    columns: list[str]
    args: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)
    null_fraction: float | str | None = None  # "auto": the source's share (sqlsynth.stats)
    pool_size: int | None = None
    locale: str | None = None
    locale_from: Any = None  # {foreign_keys, column, locales?}: pools per locale, keyed by a parent (plan.keyed_pools)
    path: str = ""
    line: int | None = None
    stats: Any = None  # `stats: auto` or {auto: true, ...}: kwargs fitted by make-stats (sqlsynth.stats)
    clip: tuple[float, float] | None = None  # the source's min and max, set by sqlsynth.stats.apply


@dataclass
class TableConfig:
    name: str
    ignore: bool = False
    vocabulary_table: bool = False
    num_rows_per_pass: int = 1
    rows: int | None = None
    from_source: bool = False  # rows set from the source's count (rows_from_source, by stats.apply)
    source_rows: float | None = None  # rows_from_source x the source's count, before --scale (stats.apply)
    row_generators: list[RowGenerator] = field(default_factory=list)
    missingness_generators: list[dict] = field(default_factory=list)
    rules: list = field(default_factory=list)  # config.rules.Rule: order, follows, same_parent, round_trip
    path: str = ""
    line: int | None = None


@dataclass
class Config:
    file: str = "config.yaml"
    tables: dict[str, TableConfig] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    seed: int | None = None
    locale: str = "en_GB"
    pool_size: int = 1000
    # Problems found while loading, kept (with defer=True) so that later checks can report theirs too.
    problems: list[Problem] = field(default_factory=list)
    stats_file: str | None = None  # src-stats.yaml to read (None: ./src-stats.yaml if it exists)
    src_stats: dict | None = None  # set by sqlsynth.stats.apply when a plan is built
    warnings: list[str] = field(default_factory=list)  # e.g. a fitted generator that fell back (stats.apply)

    def table(self, name: str) -> TableConfig:
        return self.tables.get(name) or TableConfig(name=name, path=f"tables.{name}")

    def problem(self, path: str, message: str) -> Problem:
        return Problem(self.file, self.line_of(path), path, message)

    def line_of(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def load_config(path: str, required: bool = True, defer: bool = False) -> Config:
    """Read and check config.yaml. A missing file is an empty config unless required.

    With defer=True, problems in individual entries are kept in Config.problems (the bad
    entries are left out or at their defaults) instead of being raised, so that a caller can
    add the problems of later checks and report them all in one run. An unreadable file is
    always raised.
    """
    if not os.path.exists(path) and not required:
        return Config(file=path)
    data, lines = read_yaml(path)
    cfg = Config(file=path, raw=data if isinstance(data, dict) else {}, lines=lines)
    problems: list[Problem] = []
    if data in (None, ""):
        data = {}
    if not isinstance(data, dict):
        raise ConfigError([cfg.problem("", "the config must be a YAML mapping")])
    for k in data:
        if k not in TOP_KEYS:
            problems.append(cfg.problem(str(k), f"unknown key{suggest(k, TOP_KEYS)}"))
    if "seed" in data:
        if _is_int(data["seed"]):
            cfg.seed = data["seed"]
        else:
            problems.append(cfg.problem("seed", "must be an integer"))
    if "pool_size" in data:
        if _is_int(data["pool_size"]) and data["pool_size"] > 0:
            cfg.pool_size = data["pool_size"]
        else:
            problems.append(cfg.problem("pool_size", "must be a whole number > 0"))
    if "locale" in data:
        if isinstance(data["locale"], str):
            cfg.locale = data["locale"]
        else:
            problems.append(cfg.problem("locale", "must be a string such as en_GB"))
    for key in MODULE_KEYS:  # the user's own .py files in the working directory, never os or sqlsynth
        if data.get(key) is not None and (why := module_problem(data[key])) is not None:
            problems.append(cfg.problem(key, why))
    if "differential_privacy" in data:
        dp = data["differential_privacy"]
        if not isinstance(dp, dict) or set(dp) - {"epsilon", "delta"}:
            problems.append(cfg.problem("differential_privacy", "must be a mapping {epsilon: E, delta: D} (delta "
                                                                "optional)"))
        else:
            eps, delta = dp.get("epsilon"), dp.get("delta")
            if isinstance(eps, bool) or not isinstance(eps, (int, float)) or eps <= 0:
                problems.append(cfg.problem("differential_privacy.epsilon", "must be a number > 0"))
            if delta is not None and (isinstance(delta, bool) or not isinstance(delta, (int, float))
                                      or not 0 <= delta < 1):
                problems.append(cfg.problem("differential_privacy.delta", "must be a number in [0, 1)"))
    tables = data.get("tables") or {}
    if not isinstance(tables, dict):
        problems.append(cfg.problem("tables", "must be a mapping of table name to settings"))
        tables = {}
    for tname, td in tables.items():
        tpath = f"tables.{tname}"
        tc = TableConfig(name=str(tname), path=tpath, line=cfg.line_of(tpath))
        cfg.tables[tc.name] = tc
        if td is None:
            continue
        if not isinstance(td, dict):
            problems.append(cfg.problem(tpath, "must be a mapping"))
            continue
        for k in td:
            if k not in TABLE_KEYS:
                problems.append(cfg.problem(f"{tpath}.{k}", f"unknown key{suggest(k, TABLE_KEYS)}"))
        for key in ("ignore", "vocabulary_table", "primary_private"):
            if key in td and not isinstance(td[key], bool):
                problems.append(cfg.problem(f"{tpath}.{key}", f"must be true or false, got {td[key]!r}"))
        tc.ignore = td.get("ignore") is True
        tc.vocabulary_table = td.get("vocabulary_table") is True
        if "num_rows_per_pass" in td:
            v = td["num_rows_per_pass"]
            if _is_int(v) and v >= 0:
                tc.num_rows_per_pass = v
            else:
                problems.append(cfg.problem(f"{tpath}.num_rows_per_pass", f"must be a whole number >= 0, got {v!r}"))
        if "rows" in td and td["rows"] is not None:
            v = td["rows"]
            if _is_int(v) and v >= 0:
                tc.rows = v
            else:
                problems.append(cfg.problem(f"{tpath}.rows", f"must be a whole number >= 0, got {v!r}"))
        mgs = td.get("missingness_generators") or []
        if isinstance(mgs, list) and all(isinstance(m, dict) for m in mgs):
            tc.missingness_generators = mgs
        else:
            problems.append(cfg.problem(f"{tpath}.missingness_generators", "must be a list of mappings"))
        gens = td.get("row_generators") or []
        if not isinstance(gens, list):
            problems.append(cfg.problem(f"{tpath}.row_generators", "must be a list"))
            gens = []
        for i, g in enumerate(gens):
            gpath = f"{tpath}.row_generators[{i}]"
            rg = _row_generator(cfg, g, gpath, problems)
            if rg:
                tc.row_generators.append(rg)
        tc.rules = read_rules(tc.name, tpath, td.get("rules"), lambda p, m: problems.append(cfg.problem(p, m)))
    if problems and not defer:
        raise ConfigError(problems)
    cfg.problems = problems
    return cfg


def _row_generator(cfg: Config, g: Any, gpath: str, problems: list[Problem]) -> RowGenerator | None:
    if not isinstance(g, dict):
        problems.append(cfg.problem(gpath, "must be a mapping with name and columns_assigned"))
        return None
    ok = True
    for k in g:
        if k not in GEN_KEYS:
            problems.append(cfg.problem(f"{gpath}.{k}", f"unknown key{suggest(k, GEN_KEYS)}"))
    name = g.get("name")
    if not isinstance(name, str) or not name:
        problems.append(cfg.problem(f"{gpath}.name", "missing generator name"))
        ok = False
    cols = g.get("columns_assigned")
    if isinstance(cols, str):
        cols = [cols]
    if not isinstance(cols, list) or not cols or not all(isinstance(c, str) for c in cols):
        problems.append(cfg.problem(f"{gpath}.columns_assigned", "must be a column name or a list of them"))
        ok = False
    args = g.get("args") or []
    if not isinstance(args, list):
        problems.append(cfg.problem(f"{gpath}.args", "must be a list"))
        ok = False
    kwargs = g.get("kwargs") or {}
    if not isinstance(kwargs, dict):
        problems.append(cfg.problem(f"{gpath}.kwargs", "must be a mapping"))
        ok = False
    nf = g.get("null_fraction")
    if nf is not None and nf != "auto" and (isinstance(nf, bool) or not isinstance(nf, (int, float)) or not 0 <= nf <= 1):
        problems.append(cfg.problem(f"{gpath}.null_fraction", "must be a number between 0 and 1, or auto"))
        ok = False
    ps = g.get("pool_size")
    if ps is not None and (not _is_int(ps) or ps <= 0):
        problems.append(cfg.problem(f"{gpath}.pool_size", "must be a whole number > 0"))
        ok = False
    loc = g.get("locale")
    if loc is not None and not isinstance(loc, str):
        problems.append(cfg.problem(f"{gpath}.locale", "must be a string such as en_US"))
        ok = False
    if not ok:
        return None
    if g.get("unique") is not None:
        kwargs = {**kwargs, "unique": g["unique"]}
    return RowGenerator(name=name, columns=list(cols), args=list(args), kwargs=dict(kwargs),
                        null_fraction=nf, pool_size=ps, locale=loc, path=gpath, line=cfg.line_of(gpath),
                        stats=g.get("stats"), locale_from=g.get("locale_from"))


# -- which tables the config generates: asked by every command, most of which build no plan ---------------

def table_selection(schema: Schema, config: Config) -> tuple[list[str], set[str], set[str], list[Problem]]:
    """(generated tables in name order, ignored ones, vocabulary tables, the problems: tables of the config
    that orm.yaml does not have). A partition goes with its parent when that is ignored, else with it."""
    problems: list[Problem] = []
    ignored, vocab = set(), set()
    for name, tc in config.tables.items():
        if name not in schema.tables:
            problems.append(config.problem(tc.path, f"unknown table {name!r}{_suggest_table(schema, name)}"))
            continue
        if tc.ignore:
            ignored.add(name)
        elif tc.vocabulary_table:
            vocab.add(name)
    generated = []
    for name, t in sorted(schema.tables.items()):
        if t.is_partition:
            if t.partition_of in ignored:
                ignored.add(name)
            continue
        if name in ignored or name in vocab:
            continue
        generated.append(name)
    return generated, ignored, vocab, problems


def _suggest_table(schema: Schema, name: str) -> str:
    """A bare name in a config of several schemas: the schema.table keys it may mean."""
    same = [k for k, t in schema.tables.items() if t.relname == name and not t.is_partition]
    if schema.multi and same:
        return f" (orm.yaml has several schemas: tables are named schema.table, e.g. {', '.join(same)})"
    return suggest(name, schema.tables)


def children_settings(config: Config) -> tuple[dict[str, list], set[str], list[Problem]]:
    """tables.<t>.children_per_parent: {foreign_key: <name or [columns]>, histogram?: [{k, parents}]}, or a
    list of them (the first sets the row count, the others follow their histograms too): (table -> its
    list, the tables that gave a list, the problems: an empty list)."""
    out: dict[str, list] = {}
    listed: set[str] = set()
    problems: list[Problem] = []
    tables = config.raw.get("tables") if isinstance(config.raw, dict) else None
    for name, td in (tables.items() if isinstance(tables, dict) else ()):  # a wrong `tables` is reported by load
        if isinstance(td, dict) and td.get("children_per_parent") is not None:
            v = td["children_per_parent"]
            if isinstance(v, list):
                listed.add(str(name))
                if not v:
                    problems.append(config.problem(f"tables.{name}.children_per_parent",
                                                   "an empty list: give at least one {foreign_key: ...}"))
                    continue
            out[str(name)] = v if isinstance(v, list) else [v]
    return out, listed, problems
