"""Pools keyed by a parent column: a Mimesis pool per locale, the locale chosen by each row's parent.

A pool generator with ``locale_from`` draws its value from the pool of the locale named by a column
reached through foreign keys (Pagila: an address's street and postcode in the locale of its city's
country)::

    - name: generic.address.address
      columns_assigned: address
      locale_from:
        foreign_keys: [address_city_id_fkey, city_country_id_fkey]  # address -> city -> country
        column: country                                              # the value that names the locale
        locales: {Japan: ja, Germany: de}   # optional; default: COUNTRY_LOCALES (country names in English)

Values the mapping does not know (and countries Mimesis has no locale for) use the generator's
locale (``locale``, else the config's). The pools of all locales are one temporary table sent by
COPY, ``K`` values per locale (a locale with fewer distinct values repeats them): the row's value
is at ``1 + L x K + pick(row, K)``, L the locale's index (0: the default). L is evaluated per row:
along generated tables in closed form (the parent row index the foreign key picked, then the
parent's column at that row), and from the first table that is not generated (a vocabulary table,
copied before create-data) by a scalar subquery that joins the rest of the path in the destination.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from sqlglot import exp

from ..sql import sqlx
from ..sql.sqlx import add, lit, stream_seed
from ..config.mimesis import PoolError
from .pools import Pool

# Country names (as sources such as Pagila spell them, compared without case) -> the Mimesis locale of
# that country. Only countries Mimesis has a locale for; others fall back to the default locale.
COUNTRY_LOCALES: dict[str, str] = {
    "united arab emirates": "ar-ae", "algeria": "ar-dz", "egypt": "ar-eg", "jordan": "ar-jo", "oman": "ar-om",
    "kuwait": "ar-kw", "morocco": "ar-ma", "qatar": "ar-qa", "saudi arabia": "ar-sa", "syria": "ar-sy",
    "tunisia": "ar-tn", "yemen": "ar-ye", "azerbaijan": "az", "czech republic": "cs", "czechia": "cs",
    "denmark": "da", "germany": "de", "austria": "de-at", "switzerland": "de-ch", "greece": "el",
    "united states": "en", "united states of america": "en", "usa": "en", "australia": "en-au", "canada": "en-ca",
    "united kingdom": "en-gb", "great britain": "en-gb", "spain": "es", "mexico": "es-mx", "estonia": "et",
    "iran": "fa", "finland": "fi", "france": "fr", "hungary": "hu", "croatia": "hr", "iceland": "is",
    "italy": "it", "japan": "ja", "kazakhstan": "kk", "kazakstan": "kk", "south korea": "ko",
    "korea, republic of": "ko", "netherlands": "nl", "belgium": "nl-be", "norway": "no", "poland": "pl",
    "portugal": "pt", "brazil": "pt-br", "russia": "ru", "russian federation": "ru", "slovakia": "sk",
    "sweden": "sv", "turkey": "tr", "ukraine": "uk", "china": "zh", "taiwan": "zh", "hong kong": "zh",
}


@dataclass
class KeyedPool(Pool):
    """The pools of several locales in one table: locale i holds keys i*per+1 .. (i+1)*per."""

    locales: list[str] = field(default_factory=list)  # index 0: the default locale
    per: int = 0  # values per locale (set by build)
    short: bool = False  # some locale had fewer distinct values than `per` (they repeat)
    unique: bool = False  # a locale short of distinct values gets fresh ones of the default locale instead

    def build(self) -> list[str]:
        if self.values:
            return self.values
        parts: list[list[str]] = []
        seen: set[str] = set()
        for loc in self.locales:
            # a few more than the size: values another locale has already (postcodes of the same form) are dropped
            p = Pool(0, self.name, self.args, self.kwargs, loc, stream_seed(self.seed, "locale", loc) & 0x7FFFFFFF,
                     self.size + self.size // 4, self.max_length)
            try:  # unique: distinct across locales too
                vals = [v for v in p.build() if not self.unique or v not in seen][: self.size]
            except PoolError:
                vals = []
            seen.update(vals)
            parts.append(vals)
        per = max((len(v) for v in parts), default=0)
        if per == 0:
            raise PoolError(f"{self.name} produced no values")
        short = [i for i, v in enumerate(parts) if len(v) < per]
        if self.unique and short and len(parts[0]) >= per:  # distinct values for every row: the default's
            extra = Pool(0, self.name, self.args, self.kwargs, self.locales[0],
                         stream_seed(self.seed, "locale-extra") & 0x7FFFFFFF,
                         (per * (len(short) + 1)) * 5 // 4, self.max_length)
            try:
                more = [v for v in extra.build() if v not in seen]
            except PoolError:
                more = []
            for i in short:
                if len(more) >= per:
                    parts[i], more = more[:per], more[per:]
        default = parts[0] or next(v for v in parts if v)
        out: list[str] = []
        for vals in parts:
            vals = vals or default  # Mimesis failed for that locale: the default's values
            self.short = self.short or len(vals) < per
            out += [vals[i % len(vals)] for i in range(per)]
        self.per = per
        self.values = out
        return out


@dataclass
class LocaleKey:
    """How a row finds its locale: index(row) -> 0-based locale index expression; locales[0] is the default."""

    locales: list[str]
    index: Callable[[exp.Expression], exp.Expression]
    label: str


def locale_case(value: exp.Expression, mapping: dict[str, str], locales: list[str]) -> exp.Expression:
    """CASE lower(value) WHEN 'japan' THEN 3 ... ELSE 0 END."""
    whens = []
    for name, loc in sorted(mapping.items()):
        if loc in locales and locales.index(loc) > 0:
            whens.append((exp.EQ(this=exp.Lower(this=value.copy()), expression=exp.Literal.string(name.lower())),
                          lit(locales.index(loc))))
    if not whens:
        return lit(0)
    return sqlx.case(whens, lit(0))


def locale_list(default: str, mapping: dict[str, str]) -> list[str]:
    norm = lambda s: s.lower().replace("_", "-")  # noqa: E731
    rest = sorted({norm(v) for v in mapping.values()} - {norm(default)})
    return [norm(default)] + rest


def keyed_index(pool: KeyedPool, key: LocaleKey, pick: exp.Expression, row: exp.Expression) -> exp.Expression:
    """0-based index into the keyed pool: locale x per + pick."""
    return add(sqlx.mul(exp.Paren(this=key.index(row)), lit(pool.per)), pick)


def parse_spec(spec: Any) -> tuple[list[Any], str, dict[str, str] | None, list[tuple[str, str]]]:
    """(foreign_keys, column, locales or None, problems as (sub-path, message)) of a locale_from setting."""
    problems: list[tuple[str, str]] = []
    if not isinstance(spec, dict):
        return [], "", None, [("", "must be a mapping {foreign_keys: [...], column: ..., locales?: {...}}")]
    for k in spec:
        if k not in ("foreign_keys", "column", "locales"):
            problems.append((f".{k}", "unknown key (foreign_keys, column, locales)"))
    fks = spec.get("foreign_keys")
    if not isinstance(fks, list) or not fks or not all(isinstance(f, str) or (isinstance(f, list) and f and all(
            isinstance(c, str) for c in f)) for f in fks):
        problems.append((".foreign_keys", "must be a non-empty list of foreign key names (or column lists)"))
        fks = []
    col = spec.get("column")
    if not isinstance(col, str) or not col:
        problems.append((".column", "must be a column name of the table the foreign keys lead to"))
        col = ""
    locs = spec.get("locales")
    if locs is not None and (not isinstance(locs, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                                  for k, v in locs.items())):
        problems.append((".locales", "must map values of the column to Mimesis locales ({Japan: ja})"))
        locs = None
    return fks, col, locs, problems


def locale_key(b, tp, spec: Any, default_locale: str, where: str) -> LocaleKey | None:
    """The LocaleKey of a generator's locale_from on table plan tp (problems reported on b), or None."""
    from mimesis import Locale

    from .rules import find_fk, fk_names

    fks, column, mapping, problems = parse_spec(spec)
    for sub, msg in problems:
        b.problem(where + sub, msg)
    if problems:
        return None
    hops = []
    table = tp.name
    for i, ref in enumerate(fks):
        fk = find_fk(b, table, ref) if table in b.schema.tables else None
        if fk is None or fk.ref_schema is not None:
            from ..errors import suggest

            b.problem(f"{where}.foreign_keys[{i}]", f"{table} has no foreign key {ref!r}"
                                                    f"{suggest(str(ref), fk_names(b, table)) if table in b.schema.tables else ''}")
            return None
        hops.append((table, fk))
        table = fk.ref_table
    end = b.schema.tables.get(table)
    if end is None or column not in end.columns:
        b.problem(f"{where}.column", f"{table} has no column {column!r}")
        return None
    mapping = {k.lower(): v for k, v in (mapping if mapping is not None else COUNTRY_LOCALES).items()}
    locales = locale_list(default_locale, mapping)
    for loc in locales:
        try:
            Locale(loc)
        except ValueError:
            b.problem(f"{where}.locales", f"Mimesis has no locale {loc!r}")
            return None
    # from the first table that is not generated on, the path is read in the destination: no generated
    # table may follow it there (its rows may not be written yet when this table's chunks run)
    outside = next((i for i, (t, fk) in enumerate(hops) if fk.ref_table not in b.plans), None)
    if outside is not None:
        for _t, fk in hops[outside + 1:]:
            if fk.ref_table in b.plans:
                b.problem(f"{where}.foreign_keys", f"{fk.ref_table} is generated but follows a table that is not "
                                                   f"({hops[outside][1].ref_table}): the path cannot be read")
                return None
    dst_schema = b.dst_schema

    def value_at(table: str, row: exp.Expression, rest: list) -> exp.Expression:
        plan = b.plans[table]
        if not rest:
            return plan.values[column].at(row)
        _t, fk = rest[0]
        if fk.ref_table in b.plans:
            from .rules import group_of

            g = group_of(plan, fk)
            parent = b.plans[fk.ref_table]
            if g is not None and g.index is not None:  # else (a configured key): read it in the destination
                local = row if plan.offset is None else exp.Paren(this=exp.Sub(this=row.copy(),
                                                                               expression=plan.offset.copy()))
                j = exp.Paren(this=g.index(local))
                if parent.offset is not None:
                    j = exp.Paren(this=add(j, parent.offset.copy()))
                return value_at(fk.ref_table, j, rest[1:])
        keys = [plan.values[c].at(row) for c in fk.columns]
        return _lookup(dst_schema, [h for _t2, h in rest], keys, column)

    def index(row: exp.Expression) -> exp.Expression:
        return locale_case(value_at(tp.name, row, hops), mapping, locales)

    label = " -> ".join(fk.name for _t, fk in hops) + f" -> {table}.{column}"
    return LocaleKey(locales=locales, index=index, label=label)


def _lookup(dst_schema: str, hops: list, keys: list[exp.Expression], column: str) -> exp.Expression:
    """The path read in the destination: a LEFT JOIN on (SELECT h1.ref AS k1, hN.column AS v FROM t1 h1 JOIN
    t2 h2 ON ...) by the row's key (one hash join per statement), or, where a statement collects no joins,
    the scalar subquery (SELECT hN.column ... WHERE h1.ref = key)."""
    from .placeholders import LookupCol

    first = hops[0]
    sel = exp.select(*[exp.alias_(sqlx.col(rc, "h1"), f"k{i}", quoted=True) for i, rc in enumerate(first.ref_columns)],
                     exp.alias_(sqlx.col(column, f"h{len(hops)}"), "v", quoted=True)).from_(
        exp.alias_(sqlx.table(dst_schema, first.ref_table), "h1", quoted=True))
    sel = _join_rest(sel, dst_schema, hops)
    scalar = exp.select(sqlx.col(column, f"h{len(hops)}")).from_(
        exp.alias_(sqlx.table(dst_schema, first.ref_table), "h1", quoted=True))
    for rc, k in zip(first.ref_columns, keys):
        scalar = scalar.where(exp.EQ(this=sqlx.col(rc, "h1"), expression=k.copy()))
    return LookupCol(sub=sel, expressions=[k.copy() for k in keys], scalar=exp.Subquery(this=_join_rest(scalar, dst_schema, hops)))


def _join_rest(sel: exp.Select, dst_schema: str, hops: list) -> exp.Select:
    for i, fk in enumerate(hops[1:], start=1):
        on = None
        for c, rc in zip(fk.columns, fk.ref_columns):
            eq = exp.EQ(this=sqlx.col(c, f"h{i}"), expression=sqlx.col(rc, f"h{i + 1}"))
            on = eq if on is None else exp.And(this=on, expression=eq)
        sel = sel.join(exp.alias_(sqlx.table(dst_schema, fk.ref_table), f"h{i + 1}", quoted=True), on=on)
    return sel
