"""orm.yaml <-> Schema.

The layout follows datafaker's orm.yaml (``dsn``, ``schema``, ``tables: {t: {columns:
{c: {type, primary, nullable}}, unique: [...]}}``) and adds what datafaker loses:
defaults, identity/serial, generated columns, CHECK constraints, unique indexes,
composite foreign keys, enum labels, domains and partitioning.
"""

from __future__ import annotations

import os
from dataclasses import asdict, fields
from typing import Any

import yaml

from .. import yamlsafe
from ..errors import ConfigError, Problem
from .model import (
    Check,
    Column,
    DomainType,
    EnumType,
    ForeignKey,
    Index,
    Partitioning,
    Schema,
    Table,
    UniqueConstraint,
)


def _prune(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Drop keys holding default-ish empty values to keep orm.yaml readable."""
    out = {}
    for k, v in d.items():
        if k in keep or (v not in (None, False, [], {}) or k in ("nullable",)):
            out[k] = v
    return out


def schema_to_dict(schema: Schema) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for t in schema.tables.values():
        cols = {}
        for c in t.columns.values():
            cd = _prune({k: v for k, v in asdict(c).items() if k != "name"})
            cols[c.name] = cd
        td: dict[str, Any] = {"columns": cols}
        if t.primary_key:
            td["primary_key"] = _prune(asdict(t.primary_key))
        if t.unique:
            td["unique"] = [_prune(asdict(u)) for u in t.unique]
        if t.foreign_keys:
            td["foreign_keys"] = [_prune(asdict(f)) for f in t.foreign_keys]
        if t.checks:
            td["checks"] = [asdict(c) for c in t.checks]
        if t.indexes:
            td["indexes"] = [_prune(asdict(i)) for i in t.indexes]
        if t.partition_by:
            td["partition_by"] = _prune(asdict(t.partition_by))
        if t.partition_of:
            td["partition_of"] = t.partition_of
            td["partition_bound"] = t.partition_bound
        if t.unlogged:
            td["unlogged"] = True
        tables[t.name] = td
    out: dict[str, Any] = {"dsn": schema.dsn, "schema": schema.schema}
    if schema.enums:
        out["enums"] = {e.name: list(e.labels) for e in schema.enums.values()}
    if schema.domains:
        out["domains"] = {
            d.name: _prune({k: v for k, v in asdict(d).items() if k != "name"})
            for d in schema.domains.values()
        }
    if schema.sequences:
        out["sequences"] = list(schema.sequences)
    out["tables"] = tables
    return out


def _build(cls, data: Any, file: str, path: str, problems: list[Problem], **extra):
    if not isinstance(data, dict):
        problems.append(Problem(file, None, path, f"expected a mapping, got {type(data).__name__}"))
        return None
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names)
    for k in unknown:
        problems.append(Problem(file, None, f"{path}.{k}", "unknown key"))
    try:
        return cls(**{k: v for k, v in data.items() if k in names}, **extra)
    except TypeError as e:
        problems.append(Problem(file, None, path, str(e)))
        return None


def schema_from_dict(data: Any, file: str = "orm.yaml") -> Schema:
    problems: list[Problem] = []
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise ConfigError([Problem(file, None, "tables", "orm file must be a mapping with a 'tables' mapping")])
    schema = Schema(schema=data.get("schema") or "public", dsn=data.get("dsn"))
    for name, labels in (data.get("enums") or {}).items():
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            problems.append(Problem(file, None, f"enums.{name}", "expected a list of labels"))
            continue
        schema.enums[name] = EnumType(name, list(labels))
    for name, d in (data.get("domains") or {}).items():
        if isinstance(d, dict):
            d = dict(d)
            d["checks"] = [Check(**c) for c in d.get("checks") or []]
        dom = _build(DomainType, d, file, f"domains.{name}", problems, name=name)
        if dom:
            schema.domains[name] = dom
    schema.sequences = list(data.get("sequences") or [])
    for tname, td in data["tables"].items():
        path = f"tables.{tname}"
        if not isinstance(td, dict):
            problems.append(Problem(file, None, path, "expected a mapping"))
            continue
        t = Table(name=str(tname))
        for cname, cd in (td.get("columns") or {}).items():
            if isinstance(cd, dict) and "type" not in cd:
                problems.append(Problem(file, None, f"{path}.columns.{cname}.type", "missing"))
                continue
            col = _build(Column, cd, file, f"{path}.columns.{cname}", problems, name=str(cname))
            if col:
                t.columns[col.name] = col
        if td.get("primary_key"):
            t.primary_key = _build(UniqueConstraint, td["primary_key"], file, f"{path}.primary_key", problems)
        for i, u in enumerate(td.get("unique") or []):
            uc = _build(UniqueConstraint, u, file, f"{path}.unique[{i}]", problems)
            if uc:
                t.unique.append(uc)
        for i, f in enumerate(td.get("foreign_keys") or []):
            fk = _build(ForeignKey, f, file, f"{path}.foreign_keys[{i}]", problems)
            if fk:
                t.foreign_keys.append(fk)
        for i, c in enumerate(td.get("checks") or []):
            ck = _build(Check, c, file, f"{path}.checks[{i}]", problems)
            if ck:
                t.checks.append(ck)
        for i, ix in enumerate(td.get("indexes") or []):
            idx = _build(Index, ix, file, f"{path}.indexes[{i}]", problems)
            if idx:
                t.indexes.append(idx)
        if td.get("partition_by"):
            t.partition_by = _build(Partitioning, td["partition_by"], file, f"{path}.partition_by", problems)
        t.partition_of = td.get("partition_of")
        t.partition_bound = td.get("partition_bound")
        t.unlogged = bool(td.get("unlogged"))
        # datafaker compatibility: per-column `primary: true` without a primary_key entry
        if t.primary_key is None:
            pk_cols = [c.name for c in t.columns.values() if c.primary]
            if pk_cols:
                t.primary_key = UniqueConstraint(f"{t.name}_pkey", pk_cols)
        schema.tables[t.name] = t
    _check_references(schema, file, problems)
    if problems:
        raise ConfigError(problems)
    return schema


def _check_references(schema: Schema, file: str, problems: list[Problem]) -> None:
    for t in schema.tables.values():
        path = f"tables.{t.name}"
        cons = ([("primary_key", t.primary_key)] if t.primary_key else []) + [
            (f"unique[{i}]", u) for i, u in enumerate(t.unique)
        ]
        for where, u in cons:
            for c in u.columns:
                if c not in t.columns:
                    problems.append(Problem(file, None, f"{path}.{where}", f"unknown column {c!r}"))
        for i, fk in enumerate(t.foreign_keys):
            for c in fk.columns:
                if c not in t.columns:
                    problems.append(Problem(file, None, f"{path}.foreign_keys[{i}]", f"unknown column {c!r}"))
            if fk.ref_schema is None:
                parent = schema.tables.get(fk.ref_table)
                if parent is None:
                    problems.append(
                        Problem(file, None, f"{path}.foreign_keys[{i}]", f"unknown table {fk.ref_table!r}")
                    )
                else:
                    for c in fk.ref_columns:
                        if c not in parent.columns:
                            problems.append(
                                Problem(file, None, f"{path}.foreign_keys[{i}]",
                                        f"unknown column {fk.ref_table}.{c}")
                            )
        if t.partition_of and t.partition_of not in schema.tables:
            problems.append(Problem(file, None, f"{path}.partition_of", f"unknown table {t.partition_of!r}"))


class SafeDumper(yaml.SafeDumper):
    """yaml.SafeDumper that writes strings holding NEL, LINE or PARAGRAPH SEPARATOR double-quoted
    (escaped): PyYAML folds a NEL inside a plain or single-quoted scalar into a space, so a table,
    column or enum label holding one would not read back as itself."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = '"' if any(ch in data for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


SafeDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, **kwargs: Any) -> str:
    """yaml.safe_dump for sqlsynth's files (orm.yaml, config.yaml): unicode kept, key order kept."""
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, **kwargs)


def dump_schema(schema: Schema, path: str) -> None:
    text = dump_yaml(schema_to_dict(schema), width=120)
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("# sqlsynth orm file: the schema reflected by `sqlsynth make-tables`.\n")
        fh.write(text)
    os.replace(tmp, path)


def load_schema(path: str) -> Schema:
    if not os.path.exists(path):
        raise ConfigError([Problem(path, None, "", "file not found (run `sqlsynth make-tables` first)")])
    data = yamlsafe.load_file(path)
    return schema_from_dict(data, file=path)
