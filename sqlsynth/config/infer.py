"""Guess a realistic generator for a column from its name and type (used by generate-config).

The guesses are written into config.yaml as ordinary row_generators, so users see and
can edit them. Keys, foreign keys and generated columns are left to sqlsynth's defaults.
"""

from __future__ import annotations

import re
from typing import Any

from ..schema.model import Column, Schema, Table
from ..schema.types import resolve_type

PERSON_TABLES = re.compile(r"(customer|staff|actor|user|person|people|employee|author|patient|member|client|"
                           r"contact|student|teacher|owner|driver|passenger|guest|account)", re.I)

# (column-name regex, allowed type kinds, generator name, kwargs)
RULES: list[tuple[str, set[str], str, dict[str, Any]]] = [
    (r"(first|given|fore)_?name", {"text"}, "generic.person.first_name", {}),
    (r"(last|family|sur)_?name|surname", {"text"}, "generic.person.last_name", {}),
    (r"(full_?name|display_?name|contact_?name)", {"text"}, "generic.person.full_name", {}),
    (r"e_?mail(_?address)?", {"text"}, "generic.person.email", {}),
    (r"(tele)?phone(_?(number|no))?|mobile|cell(_?phone)?|fax", {"text"}, "generic.person.telephone", {}),
    (r"user_?name|login|handle|nick_?name", {"text"}, "generic.person.username", {}),
    (r"pass_?word|passwd|pwd", {"text"}, "generic.person.password", {}),
    (r"(street_?)?address(_?line)?_?1?|street", {"text"}, "generic.address.address", {}),
    (r"address_?(line_?)?2", {"text"}, "generic.address.address", {}),
    (r"city|town", {"text"}, "generic.address.city", {}),
    (r"district|province|state|region|county", {"text"}, "generic.address.province", {}),
    (r"country_?code", {"text"}, "generic.address.country_code", {}),
    (r"country(_?name)?", {"text"}, "generic.address.country", {}),
    (r"post(al)?_?code|zip(_?code)?|postcode", {"text"}, "generic.address.postal_code", {}),
    (r"lat(itude)?", {"numeric", "float"}, "generic.address.latitude", {}),
    (r"lng|lon(gitude)?", {"numeric", "float"}, "generic.address.longitude", {}),
    (r"job(_?title)?|occupation|profession", {"text"}, "generic.person.occupation", {}),
    (r"(\w+_)?title", {"text"}, "sqlsynth.title", {}),  # a film's or book's, not a sentence
    (r"headline|subject", {"text"}, "generic.text.title", {}),
    (r"description|summary|comments?|notes?|bio|body|content|remarks?|message|text", {"text"},
     "generic.text.sentence", {}),
    (r"url|website|homepage|link", {"text"}, "generic.internet.url", {}),
    (r"ip(_?address)?", {"text"}, "generic.internet.ip_v4", {}),
    (r"company(_?name)?|organi[sz]ation|employer", {"text"}, "generic.finance.company", {}),
    (r"nationality", {"text"}, "generic.person.nationality", {}),
    (r"language|lang", {"text"}, "generic.person.language", {}),
    (r"gender|sex", {"text"}, "generic.person.gender", {}),
    (r"colou?r", {"text"}, "generic.text.color", {}),
    (r"currency(_?code)?", {"text"}, "generic.finance.currency_iso_code", {}),
    (r"(date_?of_?)?birth_?(date|day)?|dob", {"date"}, "generic.datetime.date", {"start": 1940, "end": 2006}),
    (r"age", {"int"}, "generic.numeric.integer_number", {"start": 18, "end": 90}),
    (r"(\w+_)?year|yr", {"int"}, "generic.numeric.integer_number", {"start": 1970, "end": 2025}),
    (r"(amount|price|cost|total|fee|charge|balance|salary|payment)", {"numeric", "float"},
     "dist_gen.lognormal", {"logmean": 2.3, "logsd": 0.8}),
]
_COMPILED = [(re.compile(rf"^{p}$", re.I), kinds, name, kw) for p, kinds, name, kw in RULES]


def _key_columns(schema: Schema, t: Table) -> set[str]:
    cols: set[str] = set()
    for tb in [t] + schema.partitions_of(t.name):
        for fk in tb.foreign_keys:
            cols.update(fk.columns)
    return cols


def _single_unique(schema: Schema, t: Table, column: str) -> bool:
    for tb in [t] + schema.partitions_of(t.name):
        cons = ([tb.primary_key] if tb.primary_key else []) + list(tb.unique)
        if any(u.columns == [column] for u in cons):
            return True
        from ..plan.build import index_key_columns  # partial and lower()/upper()/trim() indexes too

        if any(ix.unique and index_key_columns(ix, tb) == [column] for ix in tb.indexes):
            return True
    return False


def infer_column(schema: Schema, t: Table, c: Column) -> dict[str, Any] | None:
    """A row_generators entry for the column, or None to keep the type default."""
    if c.generated or c.serial or c.identity:
        return None
    ti = resolve_type(c.type, schema)
    kind = ti.kind
    name = c.name.lower()
    gen: tuple[str, dict[str, Any]] | None = None
    for rx, kinds, gname, kw in _COMPILED:
        if kind in kinds and rx.match(name):
            gen = (gname, dict(kw))
            break
    if gen is not None and gen[0] == "sqlsynth.title" and name == "title" and PERSON_TABLES.search(t.name):
        gen = ("generic.person.title", {})  # Mr, Dr, Prof. in a table of people
    if gen is None and kind == "text" and name in ("name", "label", "tag", "keyword"):
        if t.name.lower() in ("language", "languages"):
            gen = ("generic.person.language", {})
        elif PERSON_TABLES.search(t.name):
            gen = ("generic.person.full_name", {})
        elif ti.length is not None and ti.length <= 30:
            gen = ("generic.text.word", {})
        else:
            gen = ("generic.text.title", {})
    if gen is None:
        return None
    entry: dict[str, Any] = {"name": gen[0], "columns_assigned": c.name}
    kwargs = gen[1]
    if _single_unique(schema, t, c.name) and (gen[0].startswith("generic.") and gen[0] != "generic.person.password"):
        kwargs["unique"] = True
    if kwargs:
        entry["kwargs"] = kwargs
    if c.nullable and re.search(r"2$", name):
        entry["null_fraction"] = 0.5
    return entry


def infer_table(schema: Schema, t: Table) -> list[dict[str, Any]]:
    keys = _key_columns(schema, t)
    out = []
    for c in t.columns.values():
        if c.name in keys:
            continue
        e = infer_column(schema, t, c)
        if e:
            out.append(e)
    return out
