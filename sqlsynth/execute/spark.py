"""create-data --engine spark: run a SparkProgram (compile/spark.py) through pyspark and write each table
as a directory of files (Parquet by default) under --output.

pyspark is an optional dependency (``pip install 'sqlsynth[spark]'``, a Java 17 runtime): it is
imported here only, when a Spark load runs. The session is local (``--master local[*]``) or the
cluster's (spark-submit passes its own master; --master is handed to the builder as given).

Value pools and vocabulary tables (make-vocab's files) are small DataFrames registered as broadcast
temporary views; each generated table, once written, is a view too (for the tables that read it).
Every table is written under ``<output>/.sqlsynth-<id>/`` first and moved to ``<output>/<table>`` only
when all are written, through Hadoop's FileSystem (local paths, HDFS, S3 ... alike): a failure
removes the staging directory and leaves nothing half-written; a table already in the output stops
the load before anything runs.
"""

from __future__ import annotations

import time
import uuid
from typing import Any, Callable

from ..compile.spark import ARRAY_VIEW, ENGINE, SparkProgram
from ..errors import ExecutionError, SqlsynthError, first_line
from ..schema.model import Schema
from ..schema.types_spark import table_types
from ..sql.sqlx import q

Report = Callable[[str], None]
FORMATS = ("parquet", "csv", "delta")
INSTALL = "pyspark is not installed: pip install 'sqlsynth[spark]' (and a Java 17 runtime)"
DELTA_SOURCE = "org.apache.spark.sql.delta.sources.DeltaDataSource"
NO_DELTA = ("--format delta: the Delta Lake jars are not on the Spark classpath (pip's delta-spark carries none); "
            "start Spark with them: spark-submit --packages io.delta:delta-spark_2.13:<version> --conf "
            "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension (or set spark.jars.packages); "
            "nothing was written")


def _pyspark() -> Any:
    try:
        import pyspark.sql
    except ImportError:
        raise SqlsynthError(f"create-data --engine spark: {INSTALL}") from None
    return pyspark.sql


def session(master: str | None = None, partitions: int = 8, conf: dict[str, str] | None = None) -> Any:
    """The active SparkSession, else a new one on `master` (None: spark-submit's, else local[*])."""
    sql = _pyspark()
    active = sql.SparkSession.getActiveSession()
    if active is not None:
        return active
    b = sql.SparkSession.builder.appName("sqlsynth")
    if master:
        b = b.master(master)
    from .spark_jdbc import jar_conf  # the JDBC driver when it is installed: any session sqlsynth starts can --jdbc

    settings = {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false", "spark.sql.shuffle.partitions": str(max(1, partitions)),
                "spark.sql.session.timeZone": "UTC", **jar_conf(), **(conf or {})}
    for k, v in settings.items():
        b = b.config(k, v)
    try:
        return b.getOrCreate()
    except Exception as e:  # no Java, a bad master URL ...
        raise SqlsynthError(f"create-data --engine spark: cannot start Spark ({first_line(e)}); "
                            "a Java 17 runtime is needed (java on PATH or JAVA_HOME)") from None


def class_loaded(spark: Any, name: str) -> bool:
    """Whether the session's JVM can load the class (a jar on Spark's class path: JDBC driver, Delta)."""
    jvm = spark.sparkContext._jvm
    try:
        jvm.java.lang.Class.forName(name, True, jvm.Thread.currentThread().getContextClassLoader())
        return True
    except Exception:  # py4j's error: the class is not there
        return False


class _Files:
    """Hadoop FileSystem operations on the output (local paths, hdfs://, s3a:// ...)."""

    def __init__(self, spark: Any, root: str):
        jvm = spark.sparkContext._jvm
        self.Path = jvm.org.apache.hadoop.fs.Path
        self.root = self.Path(root)
        self.fs = self.root.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())

    def child(self, *names: str) -> Any:
        p = self.root
        for n in names:
            p = self.Path(p, n)
        return p

    def exists(self, p: Any) -> bool:
        return bool(self.fs.exists(p))

    def rename(self, a: Any, b: Any) -> bool:
        return bool(self.fs.rename(a, b))

    def delete(self, p: Any) -> None:
        self.fs.delete(p, True)


def _register_pools(spark: Any, prog: SparkProgram) -> None:
    """Each pool as two views written as SQL literals (so Spark holds them as local relations: no job
    to ship them): <pool>(k, v) and <pool>_array(w), its values in key order."""
    from sqlglot import exp

    from ..sql.sqlx import render

    for pool in prog.pools:
        values = pool.build()
        rows = exp.Values(expressions=[exp.Tuple(expressions=[exp.Literal.number(k), exp.Literal.string(v)])
                                       for k, v in enumerate(values, start=1)],
                          alias=exp.TableAlias(this=exp.to_identifier("t"),
                                               columns=[exp.to_identifier("k"), exp.to_identifier("v")]))
        table = exp.select(exp.Cast(this=exp.column("k"), to=exp.DataType.build("INT")).as_("k"),
                           exp.Cast(this=exp.column("v"), to=exp.DataType.build("STRING")).as_("v")).from_(rows)
        array = exp.select(exp.Cast(this=exp.Array(expressions=[exp.Literal.string(v) for v in values]),
                                    to=exp.DataType.build("ARRAY<STRING>", dialect="spark")).as_("w"))
        spark.sql(render(table, "spark")).createOrReplaceTempView(pool.table_name)
        spark.sql(render(array, "spark")).createOrReplaceTempView(pool.table_name + ARRAY_VIEW)


def _vocab_frames(spark: Any, schema: Schema, prog: SparkProgram, directory: str) -> dict[str, Any]:
    """The vocabulary tables from make-vocab's files, cast to their Spark types (every problem at once)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    from ..vocab.arrow import read_vocab

    if not prog.vocabulary:
        return {}
    data = read_vocab(schema, prog.vocabulary, directory)
    out, problems = {}, []
    for t in prog.vocabulary:
        cols, arrow = data[t]
        types, bad = table_types(schema, t, cols, f"tables.{t}")
        problems += bad
        if bad:
            continue
        shape = StructType([StructField(c, StringType(), True) for c in cols])
        df = spark.createDataFrame([tuple(r.values()) for r in arrow.to_pylist()], shape)
        df = df.select(*[F.col(q(c, "spark")).cast(types[c]).alias(c) for c in cols])
        out[t] = F.broadcast(df)
    if problems:
        raise SqlsynthError("\n".join(problems))
    return out


def register_inputs(spark: Any, prog: SparkProgram, schema: Schema, vocab_dir: str = ".") -> dict[str, Any]:
    """The pools' views and the vocabulary tables' (read from make-vocab's files): {table: DataFrame}."""
    _register_pools(spark, prog)
    frames = _vocab_frames(spark, schema, prog, vocab_dir)
    for t, df in frames.items():
        df.createOrReplaceTempView(prog.views[t])
    return frames


def as_text(df: Any, nested: bool = True) -> Any:
    """Columns a writer cannot take as they are, in PostgreSQL's text forms: ranges (STRUCT<lower,
    upper>) as ``[lower,upper)``; with `nested` (CSV) also arrays as ``{"a","b"}`` and bytea (BINARY)
    as ``\\x<hex>``, so that COPY ... (FORMAT csv) reads the files back into PostgreSQL."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, BinaryType, StructType

    cols = []
    for f in df.schema.fields:
        c = F.col(f"`{f.name}`")
        if isinstance(f.dataType, StructType) and [x.name for x in f.dataType.fields] == ["lower", "upper"]:
            c = F.when(c.isNull(), F.lit(None)).otherwise(F.concat(
                F.lit("["), F.coalesce(c["lower"].cast("string"), F.lit("")), F.lit(","),
                F.coalesce(c["upper"].cast("string"), F.lit("")), F.lit(")")))
        elif nested and isinstance(f.dataType, ArrayType):
            quoted = F.transform(c, lambda x: F.when(x.isNull(), F.lit("NULL")).otherwise(F.concat(
                F.lit('"'), F.regexp_replace(F.regexp_replace(x.cast("string"), r"\\", r"\\\\"), '"', r'\\"'),
                F.lit('"'))))
            c = F.when(c.isNull(), F.lit(None)).otherwise(F.concat(F.lit("{"), F.array_join(quoted, ","), F.lit("}")))
        elif nested and isinstance(f.dataType, BinaryType):
            c = F.when(c.isNull(), F.lit(None)).otherwise(F.concat(F.lit("\\x"), F.lower(F.hex(c))))
        cols.append(c.alias(f.name))
    return df.select(*cols)


def _write(df: Any, fmt: str, path: str) -> None:
    if fmt == "csv":  # CSV holds no arrays, structs or binary values: their text forms
        df = as_text(df)
    w = df.write.mode("errorifexists").format(fmt)
    if fmt == "csv":
        w = w.option("header", "true")
    w.save(path)


def create_data(prog: SparkProgram, schema: Schema, output: str, fmt: str = "parquet", master: str | None = None,
                report: Report | None = None, progress=None, spark: Any = None, vocab_dir: str = ".") -> list[str]:
    """Run the program; every table (vocabulary ones too) written under `output`. Returns the paths."""
    if fmt not in FORMATS:
        raise SqlsynthError(f"--format {fmt}: not one of {', '.join(FORMATS)}")
    spark = spark or session(master, prog.partitions)
    if fmt == "delta" and not class_loaded(spark, DELTA_SOURCE):
        raise SqlsynthError(NO_DELTA)
    files = _Files(spark, output)
    names = [prog.views[t] for t in prog.vocabulary] + [s.name for s in prog.steps]
    there = [n for n in names if files.exists(files.child(n))]
    if there:
        raise SqlsynthError(f"create-data: {', '.join(there)} already in {output}; remove {'them' if len(there) > 1 else 'it'} "
                            "or write to another --output; nothing was written")
    staging = f".sqlsynth-{uuid.uuid4().hex[:12]}"
    current = None
    written: list[str] = []
    try:
        for t, df in register_inputs(spark, prog, schema, vocab_dir).items():
            current = t
            path = str(files.child(staging, prog.views[t]))
            _write(df, fmt, path)
            spark.read.format(fmt).load(path).createOrReplaceTempView(prog.views[t]) if fmt != "csv" \
                else df.createOrReplaceTempView(prog.views[t])
        for step in prog.steps:
            current = step.table
            t0 = time.perf_counter()
            path = str(files.child(staging, step.name))
            _write(spark.sql(step.sql), fmt, path)
            if fmt != "csv":  # later tables may read this one (their parents' rows)
                spark.read.format(fmt).load(path).createOrReplaceTempView(step.name)
            if progress is not None:
                progress.advance(step.table, step.rows, time.perf_counter() - t0)
            if report:
                report(f"{step.table}: {step.rows} rows in {time.perf_counter() - t0:.2f}s")
        current = None
        for n in names:
            if not files.rename(files.child(staging, n), files.child(n)):
                raise ExecutionError(f"create-data on {ENGINE}: cannot move {n} into {output}")
            written.append(n)
    except SqlsynthError:
        _undo(files, staging, written)
        raise
    except Exception as e:  # Spark's errors (AnalysisException, Py4JJavaError ...) have no common base
        _undo(files, staging, written)
        where = f"table {current}: " if current is not None else ""
        raise ExecutionError(f"create-data on {ENGINE}: {where}{first_line(e)}; nothing was written") from None
    except KeyboardInterrupt:
        _undo(files, staging, written)
        raise ExecutionError("create-data: interrupted; nothing was written") from None
    files.delete(files.child(staging))
    return [str(files.child(n)) for n in names]


def _undo(files: _Files, staging: str, moved: list[str]) -> None:
    """Remove the staging directory and what this load moved out of it (only what it wrote)."""
    for n in moved:
        files.delete(files.child(n))
    files.delete(files.child(staging))
