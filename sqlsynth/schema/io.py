"""orm.yaml <-> Schema.

The layout follows datafaker's orm.yaml (``dsn``, ``schema``, ``tables: {t: {columns:
{c: {type, primary, nullable}}, unique: [...]}}``) and adds what datafaker loses:
defaults, identity/serial, generated columns, CHECK and exclusion constraints, unique
indexes, composite foreign keys, enum labels, domains, partitioning, and the prerequisites
(extensions, user collations, user functions).

Several source schemas: ``schemas: [sales, hr]`` (the search_path order) replaces ``schema``,
and every table key is ``schema.name`` (model.table_key); a foreign key's ``ref_table`` is
such a key. A file of one schema keeps bare table names, so files written before load
unchanged.

Loading checks the structure against orm_schema.json (JSON Schema, with jsonschema), then the
references between entries; every problem is reported at once with its line.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, fields
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .. import cache
from ..errors import ConfigError, Problem, suggest
from ..files import write_atomic
from ..yamlsafe import read_yaml
from .model import (
    Check,
    Collation,
    Column,
    DomainType,
    EnumType,
    Exclusion,
    Extension,
    ForeignKey,
    Function,
    Index,
    Partitioning,
    Schema,
    Table,
    UniqueConstraint,
    split_key,
)


def _prune(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Drop keys holding default-ish empty values to keep orm.yaml readable."""
    out = {}
    for k, v in d.items():
        if k in keep or (v not in (None, False, [], {}) or k in ("nullable",)):
            out[k] = v
    return out


def _table_dict(t: Table) -> dict[str, Any]:
    cols = {}
    for c in t.columns.values():
        cols[c.name] = _prune({k: v for k, v in asdict(c).items() if k != "name"})
    td: dict[str, Any] = {"columns": cols}
    if t.primary_key:
        td["primary_key"] = _prune(asdict(t.primary_key))
    if t.unique:
        td["unique"] = [_prune(asdict(u)) for u in t.unique]
    if t.foreign_keys:
        td["foreign_keys"] = [_prune(asdict(f)) for f in t.foreign_keys]
    if t.checks:
        td["checks"] = [asdict(c) for c in t.checks]
    if t.exclusions:
        td["exclusions"] = [asdict(x) for x in t.exclusions]
    if t.indexes:
        td["indexes"] = [_prune(asdict(i)) for i in t.indexes]
    if t.partition_by:
        td["partition_by"] = _prune(asdict(t.partition_by))
    if t.partition_of:
        td["partition_of"] = t.partition_of
        td["partition_bound"] = t.partition_bound
    if t.unlogged:
        td["unlogged"] = True
    return td


def schema_to_dict(schema: Schema) -> dict[str, Any]:
    out: dict[str, Any] = {"dsn": schema.dsn}
    if schema.multi:
        out["schemas"] = list(schema.schemas)
    else:
        out["schema"] = schema.schema
    if schema.extensions:
        out["extensions"] = [_prune(asdict(e)) for e in schema.extensions]
    if schema.collations:
        out["collations"] = [_prune(asdict(c), keep=("deterministic",)) for c in schema.collations]
    if schema.functions:
        out["functions"] = [_prune(asdict(f)) for f in schema.functions]
    if schema.enums:
        out["enums"] = {e.name: list(e.labels) if e.schema is None else {"schema": e.schema, "labels": list(e.labels)}
                        for e in schema.enums.values()}
    if schema.domains:
        out["domains"] = {
            d.name: _prune({k: v for k, v in asdict(d).items() if k != "name"})
            for d in schema.domains.values()
        }
    if schema.sequences:
        out["sequences"] = list(schema.sequences)
    out["tables"] = {t.name: _table_dict(t) for t in schema.tables.values()}
    return out


# -- loading -------------------------------------------------------------------------------------

_ORM_SCHEMA = "orm_schema.json"
_KINDS = {dict: "a mapping", list: "a list", str: "a string", bool: "true or false", int: "an integer",
          float: "a number", type(None): "null"}
_EXPECTED = {"object": "a mapping", "array": "a list", "string": "a string", "boolean": "true or false",
             "integer": "an integer", "number": "a number", "null": "null"}


def _kind(v: Any) -> str:
    return next((name for t, name in _KINDS.items() if type(v) is t), type(v).__name__)


def _path(parts: Any, data: Any) -> str:
    """A config path (tables.t.columns.c, unique[0]) for a jsonschema path into data."""
    out = ""
    for p in parts:
        if isinstance(data, list):
            out += f"[{p}]"
        else:
            out += f".{p}" if out else str(p)
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            data = None
    return out


class _Located:
    """Problems of one orm file, each with the line of its path (as config/load.py does)."""

    def __init__(self, file: str, lines: dict[str, int] | None):
        self.file, self.lines = file, lines or {}
        self.problems: list[Problem] = []
        self.broken: list[str] = []  # paths with a structural problem: not built, not cross-checked

    def line_of(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.line_of(path), path, message))

    def ok(self, path: str) -> bool:
        """No structural problem at, inside or above path."""
        return not any(b == path or b.startswith((path + ".", path + "[")) or path.startswith((b + ".", b + "["))
                       for b in self.broken)

    def usable(self, path: str) -> bool:
        """No structural problem at or above path (parts inside it may still be left out)."""
        return not any(b == path or path.startswith((b + ".", b + "[")) or not b for b in self.broken)


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every ``$ref: #/$defs/x`` replaced by its definition (orm_schema.json has no
    recursion): jsonschema then spends no time resolving references (3x faster on big files)."""
    if isinstance(node, list):
        return [_inline(x, defs) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inline(v, defs) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        out = {**_inline(defs[ref[len("#/$defs/"):]], defs), **out}
    return out


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads((resources.files(__package__) / _ORM_SCHEMA).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(_inline(schema, schema.get("$defs", {})))


def _checked_key(data: Any) -> str | None:
    """The digest under which data found valid is remembered (sqlsynth.cache, section orm): the data,
    orm_schema.json and the jsonschema version. None: data JSON cannot hold (then it is checked)."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), _ORM_SCHEMA)
    return cache.digest("orm", cache.file_digest(here), cache.version_of("jsonschema"), data)


def _structure(data: Any, loc: _Located) -> None:
    """Check data against orm_schema.json; one plain message per problem. Data found valid before
    (the same orm.yaml) is not checked again: importing jsonschema and walking a big orm.yaml take
    longer than the rest of loading it."""
    key = _checked_key(data)
    if key and cache.known("orm", key, "valid"):
        return
    _check_structure(data, loc)
    if key and not loc.problems:
        cache.remember("orm", key, "valid")


def _check_structure(data: Any, loc: _Located) -> None:
    validator = _validator()
    try:
        errors = list(validator.iter_errors(data))
    except Exception as e:  # noqa: BLE001 - an instance jsonschema cannot walk (YAML dates as keys)
        loc.add("", f"cannot be checked: {e}")
        loc.broken.append("")
        return
    for e in errors:
        path = _path(e.absolute_path, data)
        if "propertyNames" in e.schema_path:
            sub = f"{path}.{e.instance}" if path else str(e.instance)
            what = ("a boolean" if isinstance(e.instance, bool) else "a number" if isinstance(e.instance, (int, float))
                    else "null" if e.instance is None else f"a {type(e.instance).__name__}")
            loc.add(sub, f"key {str(e.instance)!r} is not a string (YAML reads it as {what}): quote it")
            loc.broken.append(sub)
            continue
        if e.validator == "additionalProperties" and isinstance(e.instance, dict):
            known = list((e.schema.get("properties") or {}))
            for k in sorted((k for k in e.instance if k not in known), key=str):
                sub = f"{path}.{k}" if path else str(k)
                loc.add(sub, f"unknown key{suggest(str(k), known)}")
                loc.broken.append(sub)
            continue
        if e.validator == "required":
            missing = str(e.message).split("'")[1] if "'" in str(e.message) else str(e.message)
            sub = f"{path}.{missing}" if path else missing
            loc.add(sub, "missing")
            loc.broken.append(sub)
            continue
        if e.validator == "type":
            want = e.validator_value if isinstance(e.validator_value, list) else [e.validator_value]
            message = f"expected {' or '.join(_EXPECTED.get(w, w) for w in want)}, got {_kind(e.instance)}"
            if not isinstance(e.instance, (dict, list)):
                message += f" ({e.instance!r})"
        elif e.validator == "enum":
            message = f"expected one of {', '.join(repr(v) for v in e.validator_value)}, got {e.instance!r}"
        elif e.validator == "oneOf" and path.startswith("enums."):
            message = f"expected a list of labels or a mapping {{schema, labels}}, got {_kind(e.instance)}"
        elif e.validator in ("minItems", "minLength", "minProperties"):
            message = "must not be empty"
        elif e.validator == "pattern":
            message = f"invalid value {e.instance!r} (expected CASCADE, RESTRICT, SET NULL, SET DEFAULT or NO ACTION)"
        else:
            message = str(e.message)
            message = message if len(message) <= 160 else message[:157] + "..."
        loc.add(path, message)
        loc.broken.append(path)


def _build(cls, data: dict[str, Any], **extra):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names}, **extra)


def _build_table(key: str, td: dict[str, Any], schema: Schema, loc: _Located, partial: set[str]) -> Table:
    """The table from its entry, leaving out the parts with a structural problem (their table key is
    added to partial when a column is left out, so that references to its columns are not checked)."""
    path = f"tables.{key}"
    t = Table(name=str(key))
    if schema.multi:
        try:
            t.schema, t.relname = split_key(str(key))
        except ValueError:
            loc.add(path, "expected a schema.table key (this file has several schemas)")
            t.relname = str(key)
        else:
            if t.schema not in schema.schemas:
                loc.add(path, f"schema {t.schema!r} is not in schemas ({', '.join(schema.schemas)})")
    if loc.usable(f"{path}.columns"):
        for cname, cd in (td.get("columns") or {}).items():
            if loc.ok(f"{path}.columns.{cname}"):
                t.columns[str(cname)] = _build(Column, cd, name=str(cname))
            else:
                partial.add(t.name)
    else:
        partial.add(t.name)
    if td.get("primary_key") and loc.ok(f"{path}.primary_key"):
        t.primary_key = _build(UniqueConstraint, td["primary_key"])

    def items(section: str, cls):
        if not loc.usable(f"{path}.{section}"):
            return []
        return [_build(cls, x) for i, x in enumerate(td.get(section) or []) if loc.ok(f"{path}.{section}[{i}]")]

    t.unique = items("unique", UniqueConstraint)
    t.foreign_keys = items("foreign_keys", ForeignKey)
    t.checks = items("checks", Check)
    t.exclusions = items("exclusions", Exclusion)
    t.indexes = items("indexes", Index)
    if td.get("partition_by") and loc.ok(f"{path}.partition_by"):
        t.partition_by = _build(Partitioning, td["partition_by"])
    t.partition_of = td.get("partition_of") if loc.ok(f"{path}.partition_of") else None
    t.partition_bound = td.get("partition_bound") if loc.ok(f"{path}.partition_bound") else None
    t.unlogged = bool(td.get("unlogged")) if loc.ok(f"{path}.unlogged") else False
    # datafaker compatibility: per-column `primary: true` without a primary_key entry
    if t.primary_key is None:
        pk_cols = [c.name for c in t.columns.values() if c.primary]
        if pk_cols:
            t.primary_key = UniqueConstraint(f"{t.relname}_pkey", pk_cols)
    return t


def schema_from_dict(data: Any, file: str = "orm.yaml", lines: dict[str, int] | None = None) -> Schema:
    """Build a Schema from loaded orm.yaml data, or raise ConfigError with every located problem."""
    loc = _Located(file, lines)
    _structure(data, loc)
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        if not loc.problems:
            loc.add("tables", "orm file must be a mapping with a 'tables' mapping")
        raise ConfigError(loc.problems)
    names = data.get("schemas") if loc.ok("schemas") else None
    if names is not None and data.get("schema") is not None:
        loc.add("schemas", "give either schema (one schema) or schemas (several), not both")
    if names and len(set(names)) != len(names):
        loc.add("schemas", "a schema is listed twice")
    schema = Schema(schema=(names[0] if names else data.get("schema")) or "public", dsn=data.get("dsn"),
                    schemas=list(names) if names and len(names) > 1 else [])
    if loc.usable("enums"):
        for name, e in (data.get("enums") or {}).items():
            if loc.ok(f"enums.{name}"):
                labels, own = (e, None) if isinstance(e, list) else (e["labels"], e.get("schema"))
                schema.enums[str(name)] = EnumType(str(name), list(labels), own)
    if loc.usable("domains"):
        for name, d in (data.get("domains") or {}).items():
            if loc.ok(f"domains.{name}"):
                d = dict(d)
                d["checks"] = [Check(**c) for c in d.get("checks") or []]
                schema.domains[str(name)] = _build(DomainType, d, name=str(name))
    if loc.ok("sequences"):
        schema.sequences = list(data.get("sequences") or [])
    for section, cls, target in (("extensions", Extension, schema.extensions),
                                 ("collations", Collation, schema.collations),
                                 ("functions", Function, schema.functions)):
        if loc.usable(section):
            target.extend(_build(cls, x) for i, x in enumerate(data.get(section) or []) if loc.ok(f"{section}[{i}]"))
    unbuilt: set[str] = set()
    partial: set[str] = set()
    for key, td in data["tables"].items():
        if not loc.usable(f"tables.{key}") or not isinstance(td, dict):
            unbuilt.add(str(key))
            continue
        t = _build_table(key, td, schema, loc, partial)
        schema.tables[t.name] = t
    _check_references(schema, loc, unbuilt, partial)
    if loc.problems:
        raise ConfigError(sorted(loc.problems, key=lambda p: (p.line or 0, p.path)))
    return schema


def _check_references(schema: Schema, loc: _Located, unbuilt: set[str], partial: set[str]) -> None:
    """Columns, tables and partitions named by the entries exist (tables and columns that were left out
    for a structural problem are not reported again)."""
    known = set(schema.tables) | unbuilt
    for t in schema.tables.values():
        path = f"tables.{t.name}"
        full = t.name not in partial
        cons = ([("primary_key", t.primary_key)] if t.primary_key else []) + [
            (f"unique[{i}]", u) for i, u in enumerate(t.unique)
        ]
        for where, u in cons:
            for c in list(u.columns) + list(u.include):
                if c not in t.columns and full:
                    loc.add(f"{path}.{where}", f"unknown column {c!r}{suggest(c, t.columns)}")
        for i, fk in enumerate(t.foreign_keys):
            fpath = f"{path}.foreign_keys[{i}]"
            for c in fk.columns:
                if c not in t.columns and full:
                    loc.add(f"{fpath}.columns", f"unknown column {c!r}{suggest(c, t.columns)}")
            if len(fk.columns) != len(fk.ref_columns):
                loc.add(fpath, f"{len(fk.columns)} columns but {len(fk.ref_columns)} ref_columns")
            if fk.ref_schema is None:
                parent = schema.tables.get(fk.ref_table)
                if parent is None and fk.ref_table not in unbuilt:
                    loc.add(f"{fpath}.ref_table", f"unknown table {fk.ref_table!r}{suggest(fk.ref_table, known)}"
                            " (a table outside this file needs ref_schema)")
                elif parent is not None and parent.name not in partial:
                    for c in fk.ref_columns:
                        if c not in parent.columns:
                            loc.add(f"{fpath}.ref_columns", f"unknown column {fk.ref_table}.{c}")
        if t.partition_of is not None and t.partition_of not in known:
            loc.add(f"{path}.partition_of", f"unknown table {t.partition_of!r}{suggest(t.partition_of, known)}")
        if t.partition_of is not None and not t.partition_bound:
            loc.add(f"{path}.partition_of", "a partition needs partition_bound (FOR VALUES ... or DEFAULT)")


class SafeDumper(yaml.SafeDumper):
    """yaml.SafeDumper that writes strings holding NEL, LINE or PARAGRAPH SEPARATOR double-quoted
    (escaped): PyYAML folds a NEL inside a plain or single-quoted scalar into a space, so a table,
    column or enum label holding one would not read back as itself. Other multi-line strings (function
    definitions) are literal blocks when PyYAML can write them so (it falls back to quotes if not)."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if any(ch in data for ch in "\x85\u2028\u2029") else "|" if "\n" in data.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


SafeDumper.add_representer(str, _represent_str)


class FlowList(list):
    """A list written on one line ([a, b, c]) by dump_yaml: short lists a reader takes in at a glance."""


SafeDumper.add_representer(
    FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))


def dump_yaml(data: Any, **kwargs: Any) -> str:
    """yaml.safe_dump for sqlsynth's files (orm.yaml, config.yaml): unicode kept, key order kept."""
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, **kwargs)


def dump_schema(schema: Schema, path: str) -> None:
    text = dump_yaml(schema_to_dict(schema), width=120)
    write_atomic(path, "# sqlsynth orm file: the schema reflected by `sqlsynth make-tables`.\n" + text)


def load_schema(path: str) -> Schema:
    if not os.path.exists(path):
        raise ConfigError([Problem(path, None, "", "file not found (run `sqlsynth make-tables` first)")])
    data, lines = read_yaml(path)
    return schema_from_dict(data, file=path, lines=lines)
