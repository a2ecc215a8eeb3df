"""`compile --split DIR`: the load as separate psql scripts that can run in parallel.

    DIR/00-prologue.sql      guard (target tables empty); drops the foreign keys, the indexes and the
                             primary/unique keys of the target tables
    DIR/chunks/NNNNN-<table>-<k>.sql
                             one row range of one table each, one transaction each, creating the
                             value pools it reads; any order, any number at a time
    DIR/99-epilogue.sql      rebuilds the keys and indexes, re-adds (validates) the foreign keys,
                             advances the sequences, ANALYZE
    DIR/rollback.sql         after a failure: empties the target tables, re-creates whatever of
                             the dropped objects is missing
    DIR/run.sh               all of the above: ``DST_DSN=... sh DIR/run.sh [JOBS]``

The data is the same, row for row, as `compile` / `create-data` with the same seed. Definitions
come from orm.yaml (the scripts are written without a database), i.e. what create-tables made.
Files are written one at a time: memory does not grow with the number of chunks.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

from ..errors import SqlsynthError
from ..plan.build import Plan
from ..schema import ddl
from .chunks import Phases, TableChunks, model_foreign_keys
from .program import Step, fk_add_sql
from .sqlx import dollar_quote, lit, q, render

PROLOGUE = "00-prologue.sql"
EPILOGUE = "99-epilogue.sql"
ROLLBACK = "rollback.sql"
RUN = "run.sh"


@dataclass
class _Object:
    drop: str
    add: str
    exists: str  # SQL condition, true when the object exists
    stage: int = 0  # re-created in this order: keys and indexes (0), then the FKs (1)


def _deferred_objects(plan: Plan, targets: list[str], indexes: bool) -> list[_Object]:
    """FKs of the target tables (and partitions); with indexes, their secondary indexes and the primary
    keys, unique constraints and unique indexes of plain tables no other table's FK depends on."""
    schema = plan.schema
    out: list[_Object] = []
    for owner, fk in model_foreign_keys(plan, targets):
        table = plan.qtable(owner)
        out.append(_Object(f"ALTER TABLE {table} DROP CONSTRAINT {q(fk.name)}", fk_add_sql(plan, owner, fk),
                           _con_exists(table, fk.name), stage=1))
    if not indexes:
        return out
    dropped = {(o, fk.name) for o, fk in model_foreign_keys(plan, targets)}
    kept_refs = {fk.ref_table for t in schema.tables.values() if t.name not in plan.ignored
                 for fk in t.foreign_keys if (t.name, fk.name) not in dropped and fk.ref_schema is None}

    def visit(name: str) -> None:
        t = schema.tables[name]
        table = plan.qtable(name)
        stmts = ddl._constraint_statements(t, plan.placement or plan.dst_schema)  # noqa: SLF001 - what create-tables ran
        plain = t.partition_by is None and not t.is_partition and name not in kept_refs
        if plain:
            for u in ([t.primary_key] if t.primary_key else []) + sorted(t.unique, key=lambda u: u.name):
                add = next((x for x in stmts if x.startswith(f"ALTER TABLE {table} ADD CONSTRAINT {q(u.name)} ")), None)
                if add:
                    out.append(_Object(f"ALTER TABLE {table} DROP CONSTRAINT {q(u.name)}", add,
                                       _con_exists(table, u.name)))
        for ix in sorted(t.indexes, key=lambda i: i.name):
            if ix.unique and not plain:
                continue
            head = f"CREATE {'UNIQUE ' if ix.unique else ''}INDEX {q(ix.name)} "
            add = next((x for x in stmts if x.startswith(head)), None)
            if add is None:
                continue
            qname = plan.qobject(name, ix.name)
            out.append(_Object(f"DROP INDEX {qname}", add, f"to_regclass({render(lit(qname))}) IS NOT NULL"))
        for p in sorted(schema.partitions_of(name), key=lambda p: p.name):
            visit(p.name)

    for t in targets:
        visit(t)
    return out


def _con_exists(table: str, name: str) -> str:
    return (f"EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = {render(lit(table))}::regclass "
            f"AND conname = {render(lit(name))})")


def _header(ph: Phases, n_chunks: int, jobs: int, role: str, extra: list[str] | None = None) -> str:
    lines = [
        f"sqlsynth split load program: seed {ph.seed}, {ph.total_rows} rows in {len(ph.targets)} tables, "
        f"{n_chunks} chunk scripts",
        "Run the files of this directory in this order, each with psql -X -v ON_ERROR_STOP=1 -d \"$DST_DSN\" -f FILE",
        "(each file is one transaction; the destination is a database made by `sqlsynth create-tables`):",
        f"  1. {PROLOGUE}   checks the target tables are empty, drops their foreign keys, keys and indexes",
        "  2. chunks/*.sql      in any order, as many at a time as you like, e.g.",
        f"       ls chunks/*.sql | xargs -P {jobs} -I{{}} psql -X -q -v ON_ERROR_STOP=1 -d \"$DST_DSN\" -f {{}}",
        f"  3. {EPILOGUE}   rebuilds keys and indexes, re-adds and validates the foreign keys, setval, ANALYZE",
        f"  If 2 or 3 fails: {ROLLBACK} empties the target tables and re-creates the dropped objects.",
        f"  {RUN} does all of this: DST_DSN=postgresql://... sh {RUN} [JOBS]",
        "The rows are identical to `sqlsynth create-data` / `sqlsynth compile` with the same seed.",
        f"This file: {role}",
    ] + (extra or [])
    return "\n".join(f"-- {x}" for x in lines) + "\n\\set ON_ERROR_STOP on\n"


def _step_sql(s: Step) -> str:
    if s.kind == "copy":
        parts = [s.sql + ";"]
        if s.data:
            parts.append(s.data)
        chunks = getattr(s, "chunks", None)
        if chunks is not None:
            text = "".join(chunks()).rstrip("\n")
            if text:
                parts.append(text)
        parts.append("\\.")
        return "\n".join(parts)
    return s.sql + ";"


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def write_split(ph: Phases, plan: Plan, out_dir: str, jobs: int = 2, defer_indexes: bool = True,
                force: bool = False) -> list[str]:
    """Write the split scripts into out_dir (created; must be empty or absent unless force). Returns the files."""
    for s in ph.head + ph.tail:
        if s.kind not in ("sql", "guard", "pool", "copy", "measure"):
            what = "story generators" if s.kind == "stories" else f"a {s.kind!r} step"
            raise SqlsynthError(f"compile --split cannot write {what} yet; compile one script without --split")
    for b in ph.body:
        if not isinstance(b, TableChunks):
            raise SqlsynthError(f"compile --split cannot write a {b.kind!r} step yet; compile one script without --split")
    if os.path.exists(out_dir) and os.listdir(out_dir):
        if not force:
            raise SqlsynthError(f"{out_dir} is not empty; use --force to replace its scripts")
        for name in (PROLOGUE, EPILOGUE, ROLLBACK, RUN):
            if os.path.exists(os.path.join(out_dir, name)):
                os.remove(os.path.join(out_dir, name))
        shutil.rmtree(os.path.join(out_dir, "chunks"), ignore_errors=True)
    os.makedirs(os.path.join(out_dir, "chunks"), exist_ok=True)

    ph = ph.without_cycle_steps(plan)
    targets = ph.targets
    objects = _deferred_objects(plan, targets, defer_indexes)
    context = [s for s in ph.head if s.kind == "sql" and s.sql.startswith("SET ")]
    pool_steps = [s for s in ph.head if s.kind in ("pool", "copy")]
    n_chunks = sum(g.count for g in ph.groups)
    files: list[str] = []

    # 1. prologue
    measured = any(s.kind == "measure" for s in ph.head)  # it reads the value pools: built here too
    body = ["BEGIN;"] + [_step_sql(s) for s in ph.head if measured or s.kind not in ("pool", "copy")]
    body += [o.drop + ";" for o in sorted(objects, key=lambda o: -o.stage)] + ["COMMIT;"]
    path = os.path.join(out_dir, PROLOGUE)
    _write(path, _header(ph, n_chunks, jobs, f"step 1, the prologue ({len(objects)} objects dropped)")
           + "\n".join(body) + "\n")
    files.append(path)

    # 2. one script per chunk
    k = 0
    width = max(5, len(str(n_chunks)))
    for g in ph.groups:
        needed = [s for s in pool_steps if any(f'"{t}"' in s.sql for t in g.temp_tables)]
        pools_sql = "\n".join(_step_sql(s) for s in needed)
        for j in range(g.count):
            k += 1
            lo, hi = g.bounds(j)
            name = f"{k:0{width}d}-{_safe(g.table)}-{j + 1}.sql"
            text = _header(ph, n_chunks, jobs, f"step 2, chunk {k}/{n_chunks}: {g.label(j)} ({hi - lo + 1} rows)")
            text += "BEGIN;\n" + "".join(_step_sql(s) + "\n" for s in context)
            text += (pools_sql + "\n" if pools_sql else "")
            text += f"-- {g.table}: rows {lo}..{hi} ({g.path})\n{g.sql(j)};\nCOMMIT;\n"
            path = os.path.join(out_dir, "chunks", name)
            _write(path, text)
            files.append(path)

    # 3. epilogue: re-adds after the last step writing rows, before setval
    tail = [_step_sql(s) for s in ph.tail]
    adds = [o.add + ";" for o in sorted(objects, key=lambda o: o.stage)]
    body = ["BEGIN;"] + [_step_sql(s) for s in context] + adds + tail + ["COMMIT;"]
    body += [_step_sql(s) for s in ph.after]
    path = os.path.join(out_dir, EPILOGUE)
    _write(path, _header(ph, n_chunks, jobs, "step 3, the epilogue") + "\n".join(body) + "\n")
    files.append(path)

    # rollback
    tables = ", ".join(plan.qtable(t) for t in targets)
    body = ["BEGIN;"] + ([f"TRUNCATE {tables};"] if tables else [])
    for o in sorted(objects, key=lambda o: o.stage):
        body.append(f"DO $sqlsynth$ BEGIN IF NOT ({o.exists}) THEN EXECUTE {dollar_quote(o.add)}; END IF; END $sqlsynth$;")
    body.append("COMMIT;")
    path = os.path.join(out_dir, ROLLBACK)
    _write(path, _header(ph, n_chunks, jobs, "after a failure in step 2 or 3: puts the destination back as it was "
                                             "before step 1 (the tables were empty)") + "\n".join(body) + "\n")
    files.append(path)

    path = os.path.join(out_dir, RUN)
    _write(path, _run_sh(jobs))
    os.chmod(path, 0o755)
    files.append(path)
    return files


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in name)[:40]


def _run_sh(jobs: int) -> str:
    return f"""#!/bin/sh
# sqlsynth split load: runs {PROLOGUE}, then chunks/*.sql JOBS at a time, then {EPILOGUE};
# on a failure after the prologue, runs {ROLLBACK} so the destination is as it was.
# usage: DST_DSN=postgresql://user@host/db sh run.sh [JOBS]   (default {jobs})
set -u
cd "$(dirname "$0")" || exit 1
: "${{DST_DSN:?set DST_DSN to the destination database}}"
JOBS="${{1:-{jobs}}}"
run() {{ psql -X -q -v ON_ERROR_STOP=1 -d "$DST_DSN" -f "$1"; }}
run {PROLOGUE} || exit 1
if ls chunks/*.sql | xargs -P "$JOBS" -I{{}} psql -X -q -v ON_ERROR_STOP=1 -d "$DST_DSN" -f {{}} && run {EPILOGUE}; then
  echo "sqlsynth: load complete" >&2
else
  echo "sqlsynth: load failed; restoring the destination ({ROLLBACK})" >&2
  run {ROLLBACK}
  exit 1
fi
"""
