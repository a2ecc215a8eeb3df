"""create-data --engine spark --jdbc: Spark generates the rows and writes them into DST_DSN (PostgreSQL)
over JDBC, every partition on its own connection, as create-data does in files (execute/spark.py).

The PostgreSQL JDBC driver is a jar Spark loads: Debian's libpostgresql-jdbc-java
(/usr/share/java/postgresql.jar) is found by itself; elsewhere pass the jar with ``spark-submit
--jars`` (or spark.jars) and run sqlsynth from that session. Tables must exist (create-tables) and be
empty. The load is journaled as create-data's are (execute/journal.py): the generated tables' foreign
keys are recorded and dropped (read from the catalog, execute/constraints.py), every partition writes
into an UNLOGGED staging table of the journal's schema (``sqlsynth_journal.jdbc_<load>_<n>``), one
transaction recorded in the journal moves the rows into the tables, the foreign keys are re-added
(which validates every row) and the journal closed. A failure undoes the load through the journal:
the rows it moved (only those: by their transaction id), its foreign keys put back, its staging
tables dropped; a load killed outright (kill -9) is undone by ``sqlsynth recover`` the same way.
Ranges (STRUCT<lower, upper> in Spark) are sent as their text form ``[lower,upper)``; enums and other text-typed values reach their columns through the
driver's ``stringtype=unspecified`` (the server casts the text).
"""

from __future__ import annotations

import os
import time
from typing import Any

from ..compile.spark import ENGINE, SparkProgram
from ..errors import ExecutionError, SqlsynthError, first_line
from ..schema.model import Schema
from ..sql.sqlx import q

DEBIAN_JAR = "/usr/share/java/postgresql.jar"
DRIVER = "org.postgresql.Driver"
CHUNK = "jdbc"  # the journal's one chunk: the transaction moving the staged rows into the tables


def jdbc_target(dsn: str) -> tuple[str, dict[str, str]]:
    """(jdbc:postgresql URL without secrets, connection properties: user, password, driver)."""
    from psycopg.conninfo import conninfo_to_dict

    d = conninfo_to_dict(dsn)
    host = str(d.get("host") or "localhost")
    if host.startswith("/"):
        raise SqlsynthError("--jdbc: DST_DSN names a Unix socket; JDBC needs a host name (host=127.0.0.1)")
    port = str(d.get("port") or 5432)
    url = f"jdbc:postgresql://{host}:{port}/{d.get('dbname') or d.get('user') or 'postgres'}?stringtype=unspecified"
    props = {"driver": DRIVER, "user": str(d.get("user") or os.environ.get("PGUSER") or os.environ.get("USER", ""))}
    password = d.get("password") or os.environ.get("PGPASSWORD")
    if password:
        props["password"] = str(password)
    return url, props


def jar_conf() -> dict[str, str]:
    """spark.jars for a session sqlsynth starts: Debian's driver jar when it is there."""
    return {"spark.jars": DEBIAN_JAR} if os.path.exists(DEBIAN_JAR) else {}


def create_data_jdbc(prog: SparkProgram, schema: Schema, plan: Any, dsn: str, spark: Any, report=None,
                     progress=None) -> None:
    """Write every generated table into DST_DSN, journaled; see the module's docstring."""
    import psycopg

    from ..sql.sqlx import qtable
    from . import journal
    from .constraints import read_deferrable
    from .faults import pause_point
    from .spark import as_text, class_loaded, register_inputs

    if not class_loaded(spark, DRIVER):
        raise SqlsynthError(f"--jdbc: the PostgreSQL JDBC driver ({DRIVER}) is not on Spark's class path: "
                            f"apt-get install libpostgresql-jdbc-java (it installs {DEBIAN_JAR}) or pass the "
                            "driver's jar with spark-submit --jars")
    url, props = jdbc_target(dsn)
    names = {s.table: qtable(*plan.where(s.table)) for s in prog.steps}
    if prog.vocabulary:
        missing = []
        with psycopg.connect(dsn) as conn:
            for t in prog.vocabulary:
                if conn.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {qtable(*plan.where(t))})").fetchone()[0]:
                    missing.append(t)
        if missing:
            raise SqlsynthError(f"create-data --jdbc: vocabulary table {', '.join(missing)} is empty; "
                                "run create-vocab first; nothing was written")
    journal.refuse_unfinished(dsn)
    load_id = journal.new_load_id()
    key = journal.lock_key(load_id)
    stages = {t: journal.staging_table(load_id, n) for n, t in enumerate(names)}
    cols = {t: ", ".join(q(c) for c in plan.tables[t].columns()) for t in names}
    coord = psycopg.connect(dsn, autocommit=True, application_name=f"sqlsynth load {load_id}")
    try:
        try:
            coord.execute("SELECT pg_advisory_lock(%s)", [key])
            with coord.transaction():
                full = [t for t, n in names.items() if coord.execute(f"SELECT EXISTS (SELECT 1 FROM {n})").fetchone()[0]]
                if full:
                    raise SqlsynthError(f"create-data: {', '.join(full)} already hold{'s' if len(full) == 1 else ''} "
                                        "rows; run remove-data first; nothing was written")
                journal.ensure(coord)
                fks = [d for d in read_deferrable(coord, list(names.values())).drop_order if d.is_fk]
                journal.begin(coord, load_id, "create-data --jdbc", list(names.values()), key)
                journal.record(coord, load_id, fks)
                for d in fks:
                    coord.execute(d.drop_sql)
                for t, stage in stages.items():  # Spark's partitions write here; one transaction moves the rows
                    coord.execute(f"CREATE UNLOGGED TABLE {stage} AS SELECT {cols[t]} FROM {names[t]} WITH NO DATA")
        except psycopg.Error as e:
            raise ExecutionError(f"create-data --jdbc: {first_line(e)}; run create-tables first; nothing was written") from None
        current = None
        try:
            register_inputs(spark, prog, schema)
            for step in prog.steps:
                current = step.table
                t0 = time.perf_counter()
                df = spark.sql(step.sql)
                as_text(df, nested=False).write.mode("append").option("batchsize", "10000").jdbc(url, stages[step.table],
                                                                                     properties=props)
                df.createOrReplaceTempView(step.name)
                if progress is not None:
                    progress.advance(step.table, step.rows, time.perf_counter() - t0)
                if report:
                    report(f"{step.table}: {step.rows} rows in {time.perf_counter() - t0:.2f}s")
            current = "moving the rows into the tables"
            with coord.transaction():  # the journal learns this transaction's id with the rows, or neither
                coord.execute(journal.CHUNK_SQL, [load_id, CHUNK])
                for t in names:
                    coord.execute(f"INSERT INTO {names[t]} ({cols[t]}) SELECT {cols[t]} FROM {stages[t]}")
            pause_point("loaded")
            journal.drop_staging(coord, load_id)
            current = "foreign keys"
            with coord.transaction():
                for d in fks:
                    coord.execute(d.add_sql)
                journal.finish(coord, load_id, [CHUNK])
        except (Exception, KeyboardInterrupt) as e:
            cause = "interrupted" if isinstance(e, KeyboardInterrupt) else first_line(e)
            where = f"table {current}: " if current else ""
            note = _restore(dsn, coord, load_id)
            raise ExecutionError(f"create-data --jdbc on {ENGINE}: {where}{cause}; {note}") from None
    finally:
        coord.close()


def _restore(dsn: str, coord: Any, load_id: str) -> str:
    """Undo the load through the journal (its rows only, its foreign keys back, its staging tables
    dropped); what was done, or how to finish it."""
    import psycopg

    from . import journal

    try:
        if coord.closed or coord.broken:
            coord = psycopg.connect(dsn, autocommit=True)
        return f"the destination was restored ({journal.recover_load(coord, load_id)})"
    except psycopg.Error as e:
        return (f"restoring the destination ALSO failed ({first_line(e)}); the journal in the destination keeps "
                f"what to undo: run `{journal.RECOVER}`")
