"""`sqlsynth example pagila`: the bundled Pagila sample in the embedded PostgreSQL, beside a
synthetic copy made from the bundled orm.yaml and config.yaml.

Two databases on the embedded server of the working directory (sqlsynth.embedded):

- ``pagila``: the real sample (sqlsynth/examples/pagila/pagila-schema.sql and pagila-data.sql,
  loaded with the bundled psql, ON_ERROR_STOP, one transaction). Loaded once, then kept.
- ``pagila_synthetic``: create-tables + create-data with --num-passes and --seed.

Each is built under a temporary name and renamed when complete, so an interrupted run leaves no
half-filled database under the final name (the next run drops the leftover). A database made here
carries a comment saying so and with which options; a re-run with the same options changes nothing,
other options or a database not made here are refused unless --force (which rebuilds both).
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from .embedded import Embedded, EmbeddedError, clean_env, bin_dir
from .errors import first_line

PAGILA_DIR = Path(__file__).resolve().parent / "examples" / "pagila"
SOURCE_DB = "pagila"
SYNTHETIC_DB = "pagila_synthetic"
_MARK = "made by sqlsynth example pagila"
_SOURCE_NOTE = f"{_MARK}: the Pagila sample source"
_LOCK = 0x5157_5941  # pg_advisory_lock key: one `example pagila` at a time per server


@dataclass
class ExampleResult:
    options: str  # "--num-passes 1000 --seed 0"
    source_loaded: bool  # False: the existing one was kept
    synthetic_built: bool
    seconds: float
    counts: list[tuple[str, int, int]] = field(default_factory=list)  # (table, sample rows, synthetic rows)


def _note(options: str) -> str:
    return f"{_MARK}: synthetic, {options}"


def _resolved_seed(seed: int | None) -> int:
    from .config.load import load_config

    if seed is not None:
        return seed
    cfg = load_config(str(PAGILA_DIR / "config.yaml"), required=True)
    return cfg.seed if cfg.seed is not None else 0


def pagila(num_passes: int = 1000, seed: int | None = None, force: bool = False,
           server: Embedded | None = None) -> ExampleResult:
    import psycopg

    server = server or Embedded()
    t0 = time.monotonic()
    options = f"--num-passes {num_passes} --seed {_resolved_seed(seed)}"
    server.start()
    try:
        with psycopg.connect(server.dsn("postgres"), autocommit=True, connect_timeout=10) as admin:
            admin.execute("SELECT pg_advisory_lock(%s)", (_LOCK,))
            notes = dict(admin.execute(
                "SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database "
                "WHERE datname = ANY(%s)", ([SOURCE_DB, SYNTHETIC_DB],)).fetchall())
            keep_source = _check(SOURCE_DB, notes, _SOURCE_NOTE, force, "")
            keep_synthetic = _check(SYNTHETIC_DB, notes, _note(options), force, options)
            if not keep_source:
                _build(admin, server, SOURCE_DB, _SOURCE_NOTE, _load_sample)
            if not keep_synthetic:
                _build(admin, server, SYNTHETIC_DB, _note(options),
                       lambda dsn: _generate(dsn, num_passes, seed))
            counts = _counts(server)
    except psycopg.Error as e:
        raise EmbeddedError(f"example pagila: {first_line(e)}") from None
    return ExampleResult(options, not keep_source, not keep_synthetic, time.monotonic() - t0, counts)


def _check(name: str, notes: dict[str, str], wanted: str, force: bool, options: str) -> bool:
    """True: keep the existing database. Raises when it may not be replaced without --force."""
    if name not in notes or force:
        return False
    note = notes[name]
    if note == wanted:
        return True
    if not note.startswith(_MARK):
        raise EmbeddedError(f"database {name} exists in the embedded PostgreSQL and was not made by "
                            "`sqlsynth example pagila`; --force replaces it")
    was = note.split("synthetic, ", 1)[-1]
    raise EmbeddedError(f"database {name} was built with {was}; --force rebuilds it with {options}")


def _build(admin, server: Embedded, name: str, note: str, fill) -> None:
    """Fill a temporary database, then put it in place under `name` (replacing an old one)."""
    from psycopg import sql

    tmp = f"{name}__sqlsynth_building"
    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(tmp)))
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(tmp)))
    try:
        fill(server.dsn(tmp))
        admin.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(sql.Identifier(tmp), sql.Literal(note)))
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(tmp), sql.Identifier(name)))
    except BaseException:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(tmp)))
        raise


def _load_sample(dsn: str) -> None:
    files = [PAGILA_DIR / "pagila-schema.sql", PAGILA_DIR / "pagila-data.sql"]
    args = [str(bin_dir() / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", dsn]
    for f in files:
        args += ["-f", str(f)]
    proc = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env=clean_env())
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise EmbeddedError(f"loading {PAGILA_DIR} with psql failed: {last}")


def _generate(dsn: str, num_passes: int, seed: int | None) -> None:
    from . import api
    from .settings import Settings

    orm, config = str(PAGILA_DIR / "orm.yaml"), str(PAGILA_DIR / "config.yaml")
    settings = Settings(dst_dsn=dsn)  # not the user's SRC_/DST_ settings: this is the example's own database
    api.create_tables(settings, orm, config)
    api.create_data(settings, orm, config, num_passes=num_passes, seed=seed)


def _counts(server: Embedded) -> list[tuple[str, int, int]]:
    import psycopg
    from psycopg import sql

    from . import api

    tables = api.list_tables(str(PAGILA_DIR / "orm.yaml"), str(PAGILA_DIR / "config.yaml"), which="all")
    out: dict[str, list[int]] = {t: [] for t in tables}
    for db in (SOURCE_DB, SYNTHETIC_DB):
        with psycopg.connect(server.dsn(db), connect_timeout=10) as conn:
            for t in tables:
                q = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier("public", t))
                out[t].append(conn.execute(q).fetchone()[0])
    return [(t, a, b) for t, (a, b) in out.items()]


def summary(res: ExampleResult) -> str:
    """What `sqlsynth example pagila` prints: what was done, the row counts, what to run next."""
    width = max([len("table")] + [len(t) for t, _a, _b in res.counts])
    lines = [f"{SOURCE_DB}: the Pagila sample (sqlsynth/examples/pagila, PostgreSQL License), "
             + ("loaded" if res.source_loaded else "already loaded, kept"),
             f"{SYNTHETIC_DB}: synthetic, {res.options}, "
             + ("generated" if res.synthetic_built else "already generated with these options, kept")
             + f" ({res.seconds:.1f}s)",
             "",
             f"{'table':<{width}}  {SOURCE_DB:>10}  {SYNTHETIC_DB:>16}"]
    lines += [f"{t:<{width}}  {a:>10}  {b:>16}" for t, a, b in res.counts]
    lines += ["",
              "Look at them (the bundled psql):",
              f"  sqlsynth db psql {SYNTHETIC_DB} -c 'select count(*) from rental'",
              f"  sqlsynth db psql {SOURCE_DB}",
              "Run the whole workflow with the sample as the source (without DST_DSN the destination is",
              "the embedded database sqlsynth):",
              f"  export SRC_DSN=$(sqlsynth db url {SOURCE_DB})",
              "  sqlsynth make-tables && sqlsynth generate-config && sqlsynth make-stats && sqlsynth make-vocab",
              "  sqlsynth create-tables && sqlsynth create-vocab && sqlsynth create-data --seed 7",
              "  sqlsynth db psql -c 'select count(*) from rental'",
              "--force rebuilds both databases; sqlsynth db stop stops the server."]
    return "\n".join(lines)
