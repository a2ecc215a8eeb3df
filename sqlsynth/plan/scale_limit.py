"""--scale kept inside the key columns: one scale for every table sized from the source.

A table sized by ``rows_from_source`` gets round(source rows x --scale) rows. When that count does
not fit an integer key column of the table (its serial key) or of a table referring to it (Pagila's
``film_actor.film_id smallint`` refers to ``film``: at most 32,767 films), the scale is lowered for
*every* table sized from the source, not only that one: the tables keep the source's proportions,
so the degree histograms (children per parent) and the shares of parents without children stay
those of the source. A warning names the column that set the limit. Tables sized by ``rows:`` or
``num_rows_per_pass`` are left as they are (their overflow is reported as before).
"""

from __future__ import annotations

from ..stats.apply import scaled_rows


def _limits(b, generated: list[str]) -> dict[str, tuple[int, str]]:
    """table -> (most rows its key columns can hold, the column that says so)."""
    from ..schema.types import resolve_type
    from ..schema.keys import effective_fks

    schema = b.schema
    out: dict[str, tuple[int, str]] = {}

    def limit(table: str, hi: int, why: str) -> None:
        if table not in out or hi < out[table][0]:
            out[table] = (hi, why)

    names = set(generated)
    for name in generated:
        t = schema.tables[name]
        for c in t.columns.values():
            if c.serial or c.identity:
                ti = resolve_type(c.type, schema)
                if ti.kind == "int":
                    limit(name, ti.int_bounds[1], f"{name}.{c.name} is {ti.sql}")
        for _owner, fk in effective_fks(schema, t):
            if fk.ref_schema is not None or fk.ref_table not in names or fk.ref_table == name:
                continue
            parent = schema.tables[fk.ref_table]
            for c, rc in zip(fk.columns, fk.ref_columns):
                pc = parent.columns.get(rc)
                if pc is None or c not in t.columns or not (pc.serial or pc.identity):
                    continue
                ti = resolve_type(t.columns[c].type, schema)
                if ti.kind == "int":
                    limit(fk.ref_table, ti.int_bounds[1], f"{name}.{c} is {ti.sql} and refers to {fk.ref_table}")
    return out


def limit_scale(b, generated: list[str], scale: float) -> float:
    """The scale every table sized from the source gets (``scale`` or lower); rows re-set when lower."""
    sized = {n: b.config.table(n) for n in generated if b.config.table(n).from_source
             and b.config.table(n).source_rows is not None}
    if not sized or scale <= 0:
        return scale
    best, why = scale, None
    for name, (hi, reason) in _limits(b, generated).items():
        tc = sized.get(name)
        if tc is None or tc.rows is None or tc.rows <= hi or not tc.source_rows:
            continue
        s = hi / tc.source_rows
        while s > 0 and scaled_rows(1, tc.source_rows, s) > hi:  # rounding up must not cross the limit
            s = s * (1 - 1e-9) - 1e-12
        if s < best:
            best, why = s, (name, hi, reason)
    if why is None:
        return scale
    for tc in sized.values():
        tc.rows = scaled_rows(1, tc.source_rows, best)
    name, hi, reason = why
    b.warnings.append(f"--scale {scale:g} would give {name} {scaled_rows(1, sized[name].source_rows, scale):,} rows "
                      f"but {reason} (at most {hi:,}): every table sized from the source (rows_from_source) is "
                      f"scaled by {best:.6g} instead, so the source's proportions hold")
    return best


def sizing_warnings(b, generated: list[str], num_passes: int | None, scale: float | None) -> list[str]:
    """--num-passes or --scale given where no table is sized by it (it would silently change nothing)."""
    out = []
    per_pass = [n for n in generated if n not in b.children and b.config.table(n).rows is None]
    from_source = [n for n in generated if n not in b.children and b.config.table(n).from_source]
    if b.explicit_passes and not per_pass and generated:
        out.append("--num-passes changes nothing here: no table uses num_rows_per_pass "
                   "(tables with rows_from_source follow --scale)")
    if b.explicit_scale and not from_source and generated:
        out.append("--scale changes nothing here: no table uses rows_from_source "
                   "(tables with num_rows_per_pass follow --num-passes)")
    return out
