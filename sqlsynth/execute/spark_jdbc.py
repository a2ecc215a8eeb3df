"""create-data --engine spark --jdbc: Spark generates the rows and writes them into DST_DSN (PostgreSQL)
over JDBC, every partition on its own connection, as create-data does in files (execute/spark.py).

The PostgreSQL JDBC driver is a jar Spark loads: Debian's libpostgresql-jdbc-java
(/usr/share/java/postgresql.jar) is found by itself; elsewhere pass the jar with ``spark-submit
--jars`` (or spark.jars) and run sqlsynth from that session. Tables must exist (create-tables) and be
empty. Like create-data --defer-constraints, the generated tables' foreign keys are dropped first
(read from the catalog, execute/constraints.py) and re-added after the load, which validates every
row; a failure empties the tables this load wrote (they were empty before it) and re-adds the
foreign keys. A load killed outright (kill -9) is not journaled: re-add the foreign keys printed by
the error, or run create-tables again. Ranges (STRUCT<lower, upper> in Spark) are sent as their
text form ``[lower,upper)``; enums and other text-typed values reach their columns through the
driver's ``stringtype=unspecified`` (the server casts the text).
"""

from __future__ import annotations

import os
import time
from typing import Any

from ..compile.spark import ENGINE, SparkProgram
from ..errors import ExecutionError, SqlsynthError, first_line
from ..schema.model import Schema

DEBIAN_JAR = "/usr/share/java/postgresql.jar"
DRIVER = "org.postgresql.Driver"


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


def _driver_loaded(spark: Any) -> bool:
    try:
        spark.sparkContext._jvm.java.lang.Class.forName(DRIVER, True,
                                                        spark.sparkContext._jvm.Thread.currentThread().getContextClassLoader())
        return True
    except Exception:
        return False


def _as_jdbc(df: Any) -> Any:
    """Columns JDBC cannot send (STRUCT: ranges) as PostgreSQL's text form."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType

    cols = []
    for f in df.schema.fields:
        c = F.col(f"`{f.name}`")
        if isinstance(f.dataType, StructType) and [x.name for x in f.dataType.fields] == ["lower", "upper"]:
            c = F.when(c.isNull(), F.lit(None)).otherwise(F.concat(
                F.lit("["), F.coalesce(c["lower"].cast("string"), F.lit("")), F.lit(","),
                F.coalesce(c["upper"].cast("string"), F.lit("")), F.lit(")")))
        cols.append(c.alias(f.name))
    return df.select(*cols)


def create_data_jdbc(prog: SparkProgram, schema: Schema, plan: Any, dsn: str, spark: Any, report=None,
                     progress=None) -> None:
    """Write every generated table into DST_DSN; see the module's docstring."""
    import psycopg

    from ..sql.sqlx import qtable
    from .constraints import read_deferrable

    if not _driver_loaded(spark):
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
    try:
        with psycopg.connect(dsn) as conn:
            full = [t for t, n in names.items() if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {n})").fetchone()[0]]
            if full:
                raise SqlsynthError(f"create-data: {', '.join(full)} already hold{'s' if len(full) == 1 else ''} "
                                    "rows; run remove-data first; nothing was written")
            deferred = read_deferrable(conn, list(names.values()))
            fks = [d for d in deferred.drop_order if d.is_fk]
            for d in fks:
                conn.execute(d.drop_sql)
    except psycopg.Error as e:
        raise ExecutionError(f"create-data --jdbc: {first_line(e)}; run create-tables first; nothing was written") from None
    from .spark import register_inputs

    current = None
    try:
        register_inputs(spark, prog, schema)
        for step in prog.steps:
            current = step.table
            t0 = time.perf_counter()
            df = spark.sql(step.sql)
            _as_jdbc(df).write.mode("append").option("batchsize", "10000").jdbc(url, names[step.table], properties=props)
            df.createOrReplaceTempView(step.name)
            if progress is not None:
                progress.advance(step.table, step.rows, time.perf_counter() - t0)
            if report:
                report(f"{step.table}: {step.rows} rows in {time.perf_counter() - t0:.2f}s")
        current = "foreign keys"
        with psycopg.connect(dsn) as conn:
            for d in fks:
                conn.execute(d.add_sql)
    except Exception as e:
        _restore(dsn, names, fks)
        where = f"table {current}: " if current else ""
        raise ExecutionError(f"create-data --jdbc on {ENGINE}: {where}{first_line(e)}; the tables it wrote were "
                             "emptied and their foreign keys put back") from None


def _restore(dsn: str, names: dict[str, str], fks: list) -> None:
    import psycopg

    with psycopg.connect(dsn) as conn:
        conn.execute(f"TRUNCATE {', '.join(names.values())}")
        for d in fks:
            if conn.execute(d.exists_sql).fetchone() is None:
                conn.execute(d.add_sql)
