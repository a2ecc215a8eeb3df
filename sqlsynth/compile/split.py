"""`compile --split DIR`: the load as separate psql scripts that can run in parallel.

    DIR/00-prologue.sql      guard (target tables empty); opens the load in the destination's
                             journal (compile/journal.py) and journals what it drops; drops the
                             foreign keys, the indexes and the primary/unique keys of the target tables
    DIR/chunks/NNNNN-<table>-<k>.sql
                             one row range of one table each, one transaction each, which records
                             itself in the journal first, creating the value pools it reads; any
                             order, any number at a time
    DIR/99-epilogue.sql      checks that every chunk committed; rebuilds the keys and indexes, re-adds
                             (validates) the foreign keys, advances the sequences, closes the
                             journal; ANALYZE
    DIR/rollback.sql         after a failure: the journal's recover -- deletes the rows the load's
                             chunks wrote (only those), re-creates whatever of the dropped objects is
                             missing, puts the sequences back
    DIR/run.sh               all of the above (compile/runsh.py): ``DST_DSN=... sh DIR/run.sh [JOBS]``

The data is the same, row for row, as `compile` / `create-data` with the same seed. Definitions
come from orm.yaml (the scripts are written without a database), i.e. what create-tables made.
Files are written one at a time: memory does not grow with the number of chunks. The load's id in
the journal is a hash of the load (seed, tables, rows, chunks): the same scripts run again are the
same load, which the prologue starts afresh once the earlier run is done or rolled back.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass

from ..errors import SqlsynthError
from ..plan.model import Plan
from ..schema import ddl
from . import journal
from .chunks import Phases, TableChunks, model_foreign_keys
from .program import fk_add_sql
from .render_pg import script_block
from .steps import SetSearchPath, Step, Stories, is_context
from .runsh import run_sh
from ..sql.sqlx import dollar_quote, lit, q, render

PROLOGUE = "00-prologue.sql"
EPILOGUE = "99-epilogue.sql"
ROLLBACK = "rollback.sql"
RUN = "run.sh"


@dataclass
class _Object:
    kind: str  # as the journal names it: foreign key | primary key | unique constraint | index | unique index
    table: str  # qualified, quoted
    name: str
    drop: str
    add: str
    exists: str  # SQL condition, true when the object exists
    stage: int = 0  # re-created in this order: keys and indexes (0), then the FKs (1)

    def journal_row(self) -> str:
        return (f"({', '.join(render(lit(x)) for x in (self.kind, self.table, self.name))}, {self.stage}, "
                f"{dollar_quote(self.add)}, {dollar_quote(self.exists)})")


def _deferred_objects(plan: Plan, targets: list[str], indexes: bool) -> list[_Object]:
    """FKs of the target tables (and partitions); with indexes, their secondary indexes and the primary
    keys, unique constraints and unique indexes of plain tables no other table's FK depends on."""
    schema = plan.schema
    out: list[_Object] = []
    for owner, fk in model_foreign_keys(plan, targets):
        table = plan.qtable(owner)
        out.append(_Object("foreign key", table, fk.name, f"ALTER TABLE {table} DROP CONSTRAINT {q(fk.name)}",
                           fk_add_sql(plan, owner, fk), _con_exists(table, fk.name), stage=1))
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
                    kind = "primary key" if u is t.primary_key else "unique constraint"
                    out.append(_Object(kind, table, u.name, f"ALTER TABLE {table} DROP CONSTRAINT {q(u.name)}", add,
                                       _con_exists(table, u.name)))
        for ix in sorted(t.indexes, key=lambda i: i.name):
            if ix.unique and not plain:
                continue
            head = f"CREATE {'UNIQUE ' if ix.unique else ''}INDEX {q(ix.name)} "
            add = next((x for x in stmts if x.startswith(head)), None)
            if add is None:
                continue
            qname = plan.qobject(name, ix.name)
            out.append(_Object("unique index" if ix.unique else "index", table, ix.name, f"DROP INDEX {qname}", add,
                               f"to_regclass({render(lit(qname))}) IS NOT NULL"))
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
        "Run the files of this directory in this order, each with psql -X -v ON_ERROR_STOP=1 -f FILE, the",
        "destination in libpq's environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or a",
        "passfile; never a password on a command line); each file is one transaction; the destination is a",
        "database made by `sqlsynth create-tables`:",
        f"  1. {PROLOGUE}   checks the target tables are empty, journals and drops their foreign keys, keys",
        "                      and indexes (journal: schema sqlsynth_journal of the destination)",
        "  2. chunks/*.sql      in any order, as many at a time as you like, e.g.",
        f"       ls chunks/*.sql | xargs -P {jobs} -I{{}} psql -X -q -v ON_ERROR_STOP=1 -f {{}}",
        f"  3. {EPILOGUE}   checks every chunk committed, rebuilds keys and indexes, re-adds and validates",
        "                      the foreign keys, setval, closes the journal, ANALYZE",
        f"  If 2 or 3 fails or is interrupted: {ROLLBACK} deletes the rows the chunks wrote (only those) and",
        "  re-creates the dropped objects (as `sqlsynth recover` does).",
        f"  {RUN} does all of this and checks each step: DST_DSN=postgresql://... sh {RUN} [JOBS]",
        "The rows are identical to `sqlsynth create-data` / `sqlsynth compile` with the same seed.",
        f"This file: {role}",
    ] + (extra or [])
    return "\n".join(f"-- {x}" for x in lines) + "\n\\set ON_ERROR_STOP on\n"


def _step_sql(s: Step) -> str:
    return script_block(s)


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def write_split(ph: Phases, plan: Plan, out_dir: str, jobs: int = 2, defer_indexes: bool = True,
                force: bool = False) -> list[str]:
    """Write the split scripts into out_dir (created; must be empty or absent unless force). Returns the files."""
    for s in ph.head + ph.tail:
        if s.kind not in ("sql", "guard", "pool", "copy", "measure"):
            what = "story generators" if isinstance(s, Stories) else f"a {s.kind!r} step"
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
    context = [s for s in ph.head if isinstance(s, SetSearchPath)]
    pool_steps = [s for s in ph.head if is_context(s) and not isinstance(s, SetSearchPath)]
    n_chunks = sum(g.count for g in ph.groups)
    width = max(5, len(str(n_chunks)))
    names: list[tuple[TableChunks, int, str]] = []
    for g in ph.groups:
        for j in range(g.count):
            names.append((g, j, f"{len(names) + 1:0{width}d}-{_safe(g.table)}-{j + 1}.sql"))
    load = _load_id(ph, plan, [n for _g, _j, n in names])
    load_lit = render(lit(load))
    chunk_array = "ARRAY[" + ", ".join(render(lit(n)) for _g, _j, n in names) + "]::text[]"
    files: list[str] = []

    # 1. prologue: the journal opened, what is dropped journaled, then dropped -- one transaction
    tables = "ARRAY[" + ", ".join(render(lit(plan.qtable(t))) for t in targets) + "]::text[]"
    body = ["BEGIN;", journal.ensure_sql() + ";",
            f"SELECT {journal.SCHEMA}.begin_load({load_lit}, {render(lit(f'compile --split {os.path.basename(os.path.normpath(out_dir))}'))}, "
            f"{tables}, NULL);"]
    measured = any(s.kind == "measure" for s in ph.head)  # it reads the value pools: built here too
    body += [_step_sql(s) for s in ph.head if measured or s.kind not in ("pool", "copy")]
    ordered = sorted(objects, key=lambda o: -o.stage)
    if ordered:
        body.append(f"INSERT INTO {journal.SCHEMA}.objects (load_id, kind, table_name, name, stage, add_sql, exists_sql, "
                    f"definition) SELECT {load_lit}, v.*, v.add_sql FROM (VALUES\n  "
                    + ",\n  ".join(o.journal_row() for o in ordered)
                    + "\n) AS v(kind, table_name, name, stage, add_sql, exists_sql);")
    body += [o.drop + ";" for o in ordered] + ["COMMIT;"]
    path = os.path.join(out_dir, PROLOGUE)
    _write(path, _header(ph, n_chunks, jobs, f"step 1, the prologue ({len(objects)} objects dropped)")
           + "\n".join(body) + "\n")
    files.append(path)

    # 2. one script per chunk, which first records its transaction in the journal
    pools: dict[str, str] = {}
    for g, j, name in names:
        if g.table not in pools:
            needed = [s for s in pool_steps if s.temp_table in g.temp_tables]
            pools[g.table] = "\n".join(_step_sql(s) for s in needed)
        lo, hi = g.bounds(j)
        k = len(files)
        text = _header(ph, n_chunks, jobs, f"step 2, chunk {k}/{n_chunks}: {g.label(j)} ({hi - lo + 1} rows)")
        text += f"BEGIN;\nSELECT {journal.SCHEMA}.chunk({load_lit}, {render(lit(name))});\n"
        text += "".join(_step_sql(s) + "\n" for s in context)
        text += (pools[g.table] + "\n" if pools[g.table] else "")
        text += f"-- {g.table}: rows {lo}..{hi} ({g.path})\n{g.sql(j)};\nCOMMIT;\n"
        path = os.path.join(out_dir, "chunks", name)
        _write(path, text)
        files.append(path)

    # 3. epilogue: every chunk committed? re-adds after the last step writing rows, setval, journal closed
    tail = [_step_sql(s) for s in ph.tail]
    adds = [o.add + ";" for o in sorted(objects, key=lambda o: o.stage)]
    body = ["BEGIN;", f"SELECT {journal.SCHEMA}.check_chunks({load_lit}, {chunk_array});"]
    body += [_step_sql(s) for s in context] + adds + tail
    body += [f"SELECT {journal.SCHEMA}.finish({load_lit}, {chunk_array});", "COMMIT;"]
    body += [_step_sql(s) for s in ph.after]
    path = os.path.join(out_dir, EPILOGUE)
    _write(path, _header(ph, n_chunks, jobs, "step 3, the epilogue") + "\n".join(body) + "\n")
    files.append(path)

    # rollback: the journal's recover (a no-op if the load is done, or never started)
    body = [f"DO $sqlsynth$ BEGIN IF to_regprocedure('{journal.SCHEMA}.recover(text)') IS NULL THEN "
            "RAISE NOTICE 'sqlsynth: nothing to roll back (no load journal in this database)'; "
            f"ELSE RAISE NOTICE 'sqlsynth: %', {journal.SCHEMA}.recover({load_lit}); END IF; END $sqlsynth$;"]
    path = os.path.join(out_dir, ROLLBACK)
    _write(path, _header(ph, n_chunks, jobs, "after a failure or an interrupt in step 2 or 3: undoes the load "
                                             "(deletes only the rows its chunks wrote, re-creates what step 1 "
                                             "dropped, puts the sequences back); safe to run again")
           + "\n".join(body) + "\n")
    files.append(path)

    path = os.path.join(out_dir, RUN)
    _write(path, run_sh(load, jobs, PROLOGUE, EPILOGUE, ROLLBACK))
    os.chmod(path, 0o755)
    files.append(path)
    return files


def _load_id(ph: Phases, plan: Plan, chunk_names: list[str]) -> str:
    """The load's id in the journal: a hash of what it loads (the same scripts are the same load)."""
    h = hashlib.sha256()
    for part in [str(ph.seed), plan.dst_schema or "", *ph.targets, *(str(g.rows) for g in ph.groups), *chunk_names]:
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in name)[:40]
