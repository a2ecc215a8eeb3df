"""Guess a realistic generator for a column from its name and type (used by generate-config).

The guesses are written into config.yaml as ordinary row_generators, so users see and
can edit them. Keys, foreign keys and generated columns are left to sqlsynth's defaults.
"""

from __future__ import annotations

import re
from typing import Any

from ..schema.keys import unique_sets
from ..schema.model import Column, Schema, Table
from ..schema.types import resolve_type
from ..sql.sqlx import q
from .mimesis import PoolError, distinct_values

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
    (r"(amount|price|cost|total|fee|charge|balance|salary|payment)", {"numeric", "float"},
     "dist_gen.lognormal", {"logmean": 2.3, "logsd": 0.8}),
]
# Each rule matches the whole column name: `^(?:a|b)$`, so `content_type` is not `content` and
# `city_code` is not `city` (a bare `^a|b$` would let every alternative match a prefix or suffix).
_COMPILED = [(re.compile(rf"^(?:{p})$", re.I), kinds, name, kw) for p, kinds, name, kw in RULES]


def key_columns(schema: Schema, t: Table) -> set[str]:
    cols: set[str] = set()
    for tb in [t] + schema.partitions_of(t.name):
        for fk in tb.foreign_keys:
            cols.update(fk.columns)
    return cols


def single_unique(schema: Schema, t: Table, column: str) -> bool:
    """The column alone must be distinct: a primary key, unique constraint or index (partial and
    lower()/upper()/trim() ones too), or an exclusion constraint the planner meets by distinct values."""
    return any(cols == [column] for _name, cols in unique_sets(schema, t))


# Integer columns named like a calendar part, an age or a percentage get a plausible range
# (token-wise: `month_of_birth`, `start_month`, `hour`, `pct_done`; never counts such as `months`).
_COUNT_TOKENS = {"count", "cnt", "num", "number", "total", "qty", "quantity", "sum", "amount", "n", "nb", "id"}


def name_range(name: str, kind: str) -> tuple[int, int] | None:
    """(start, end) for an integer column named like a month, day, year, age, percentage or hour."""
    toks = [x for x in re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", name) if x]
    toks = [x.lower() for x in toks]
    if not toks or any(x in _COUNT_TOKENS for x in toks):
        return None
    has = set(toks).__contains__
    if kind in ("numeric", "float"):  # fractions of a whole: only percentages
        return (0, 100) if any(has(x) for x in ("percent", "percentage", "pct")) else None
    if kind != "int":
        return None
    if has("day") and has("month"):  # day_of_month
        return 1, 31
    if has("month") or toks == ["mon"]:
        return 1, 12
    if has("weekday") or has("dow") or (has("day") and has("week")):
        return 1, 7
    if has("day") or has("dom") or has("mday"):
        return 1, 31
    if has("hour") or has("hr"):
        return 0, 23
    if has("minute"):
        return 0, 59
    if has("year") or has("yr") or has("yyyy"):
        return (1930, 2010) if has("birth") else (1970, 2025)
    if has("age"):
        return 18, 90
    if any(has(x) for x in ("percent", "percentage", "pct")):
        return 0, 100
    return None


def _has_check(t: Table, column: str) -> bool:
    return any(re.search(rf'(^|[^\w"]){re.escape(column)}([^\w"]|$)|"{re.escape(column)}"', ch.expression)
               for ch in t.checks)


def pool_runs_dry(name: str, kwargs: dict[str, Any], size: int = 1000, locale: str = "en_GB") -> bool:
    """True when the Mimesis call gives fewer than `size` distinct values (en_GB's currency codes: one):
    such a pool cannot carry `unique: true`."""
    try:
        return len(distinct_values(name, [], {k: v for k, v in kwargs.items() if k != "unique"}, locale, 0, size)) < size
    except PoolError:
        return True


def infer_column(schema: Schema, t: Table, c: Column, unique: bool | None = None) -> dict[str, Any] | None:
    """A row_generators entry for the column, or None to keep the type default.

    unique: whether the values must be distinct (None: when a unique constraint says so)."""
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
    if gen is None and not ti.array_dims and not _has_check(t, c.name):
        rng = name_range(c.name, kind)
        if rng is not None:
            lo, hi = rng
            if kind == "int":
                tlo, thi = ti.int_bounds
                lo, hi = max(lo, tlo), min(hi, thi)
                gen = ("generic.numeric.integer_number", {"start": lo, "end": hi})
            else:
                gen = ("dist_gen.uniform", {"low": lo, "high": hi})
    if gen is None:
        return None
    entry: dict[str, Any] = {"name": gen[0], "columns_assigned": c.name}
    kwargs = gen[1]
    if unique is None:
        unique = single_unique(schema, t, c.name)
    if unique and gen[0].startswith("generic.") and gen[0] != "generic.person.password" \
            and gen[0] != "generic.numeric.integer_number":
        if pool_runs_dry(gen[0], kwargs):
            return None  # too few distinct values for a unique column: the default (row-number suffixes) is safer
        kwargs["unique"] = True
    elif unique and gen[0] == "generic.numeric.integer_number":
        return None  # a plausible range is too narrow for distinct values: keep the default permutation
    elif unique and gen[0] == "sqlsynth.title":
        kwargs["unique"] = True
    if kwargs:
        entry["kwargs"] = kwargs
    if c.nullable and re.search(r"2$", name):
        entry["null_fraction"] = 0.5
    return entry


# ---- start/end pairs --------------------------------------------------------------------------------

# (earlier token, later token): `start_date`/`end_date`, `valid_from`/`valid_to`, `date_from`/`date_to`
_PAIR_TOKENS = {("start", "end"), ("begin", "end"), ("from", "to"), ("starts", "ends"), ("started", "ended"),
                ("opened", "closed"), ("open", "close"), ("first", "last"), ("min", "max")}
CREATED = re.compile(r"^(?:(?:date_?)?creat(?:e|ed|ion)(?:_?(?:at|on|date|time|ts|timestamp|dt))?|"
                      r"(?:date_?)?inserted(?:_?(?:at|on))?)$", re.I)
UPDATED = re.compile(r"^(?:(?:last_?)?(?:update|updated|modified|changed)(?:_?(?:at|on|date|time|ts|timestamp|dt))?|"
                      r"(?:date_?)?(?:updated|modified))$", re.I)
_ORDERED_KINDS = {"date": "time", "timestamp": "time", "timestamptz": "time", "int": "number", "numeric": "number",
                  "float": "number"}


def _tokens(name: str) -> list[str]:
    return [x.lower() for x in re.split(r"_+", name) if x]


def ordered_pairs(schema: Schema, t: Table, skip: set[str]) -> list[tuple[str, str]]:
    """(earlier, later) column pairs named like start/end, from/to, valid_from/valid_to, created/updated,
    of the same family of types (dates and timestamps, or numbers); each later column once."""
    cols = [c for c in t.columns.values() if c.name not in skip and not (c.generated or c.serial or c.identity)
            and not c.primary]
    kinds = {c.name: resolve_type(c.type, schema) for c in cols}
    fam = {n: _ORDERED_KINDS.get(ti.kind) for n, ti in kinds.items() if not ti.array_dims}
    out: list[tuple[str, str]] = []
    later_done: set[str] = set()
    for a in cols:
        for b in cols:
            if a is b or b.name in later_done or fam.get(a.name) is None or fam.get(a.name) != fam.get(b.name):
                continue
            if fam[a.name] == "time" and kinds[a.name].kind != "date" and kinds[b.name].kind == "date":
                continue  # a timestamp's day may be after a date that follows it
            ta, tb = _tokens(a.name), _tokens(b.name)
            pair = False
            if len(ta) == len(tb) and len(ta) > 0:
                diff = [(x, y) for x, y in zip(ta, tb) if x != y]
                pair = len(diff) == 1 and diff[0] in _PAIR_TOKENS
                if pair and diff[0] in (("first", "last"), ("min", "max")) and fam[a.name] != "time":
                    pair = False  # first_name/last_name are not a pair; min/max of numbers need no rule
            if not pair and fam[a.name] == "time" and CREATED.match(a.name) and UPDATED.match(b.name):
                pair = True
            if pair:
                out.append((a.name, b.name))
                later_done.add(b.name)
    return out


def ordering_entry(schema: Schema, t: Table, earlier: str, later: str) -> dict[str, Any]:
    """`later` = `earlier` plus a non-negative gap (up to 30 days, or up to 10 units for numbers), per row."""
    ti = resolve_type(t.columns[earlier].type, schema)
    a = q(earlier)
    if ti.kind == "date":
        expr = f"{a} + CAST(floor(_u * 31) AS INT)"
    elif ti.kind in ("timestamp", "timestamptz"):
        expr = f"{a} + _u * INTERVAL '30 days'"
    elif ti.kind == "int":
        expr = f"{a} + CAST(floor(_u * 11) AS INT)"
    else:
        expr = f"{a} + _u * 10"
    return {"name": "sqlsynth.sql", "columns_assigned": later, "kwargs": {"expression": expr}}


def infer_table(schema: Schema, t: Table) -> list[dict[str, Any]]:
    keys = key_columns(schema, t)
    out = []
    uniques = {c.name for c in t.columns.values() if single_unique(schema, t, c.name)}
    pairs = ordered_pairs(schema, t, keys | uniques)
    later = {b: a for a, b in pairs}
    for c in t.columns.values():
        if c.name in keys:
            continue
        if c.name in later:
            out.append(ordering_entry(schema, t, later[c.name], c.name))
            continue
        e = infer_column(schema, t, c)
        if e:
            out.append(e)
    return out
