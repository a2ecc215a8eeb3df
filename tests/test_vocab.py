"""Vocabulary tables: make-vocab (COPY TO files), create-vocab (COPY FROM, one transaction), remove-vocab.

Pagila is the source with category, city, country and language marked `vocabulary_table: true`,
as in the datafaker tutorial. Every test has its own source and destination databases.
"""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

import psycopg
import pytest
import yaml
from click.testing import CliRunner, Result
from psycopg.rows import dict_row

from sqlsynth.cli import main

VOCAB = {"category": "category_id", "city": "city_id", "country": "country_id", "language": "language_id"}
SETTINGS = ("SRC_DSN", "SRC_SCHEMA", "DST_DSN", "DST_SCHEMA")
UNREACHABLE = "postgresql://root:s3cr3tpw@127.0.0.1:1/nope"
# a session in which every type prints one way, to compare tables across databases
NORMAL = ("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET extra_float_digits = 3; "
          "SET bytea_output = 'hex'; SET IntervalStyle = 'postgres'; SET lc_monetary = 'C'")


# ---- helpers -----------------------------------------------------------------------------------


def cli(*args: str, env: dict | None = None) -> Result:
    res = CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in res.output and "Traceback" not in res.stderr
    return res


def ok(*args: str, env: dict | None = None) -> str:
    res = cli(*args, env=env)
    assert res.exit_code == 0, res.stderr + res.stdout
    return res.stdout


def fails(*args: str, env: dict | None = None) -> list[str]:
    res = cli(*args, env=env)
    assert res.exit_code == 1, (res.exit_code, res.stdout, res.stderr)
    lines = res.stderr.splitlines()
    assert lines and all(line.startswith("sqlsynth: ") for line in lines), lines
    return lines


def digest(dsn: str, table: str, order: str) -> tuple[int, str]:
    """Row count and md5 of the rows' text in key order (the same session settings on every database)."""
    with psycopg.connect(dsn) as conn:
        conn.execute(NORMAL)
        return conn.execute(
            f"SELECT count(*), md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x.{order}), '')) FROM \"{table}\" x"
        ).fetchone()


def scalar(dsn: str, query: str):
    with psycopg.connect(dsn) as conn:
        return conn.execute(query).fetchone()[0]


def mark_vocab(config: Path, tables) -> None:
    text = config.read_text()
    for t in tables:
        text, n = re.subn(rf"^(  {t}:\n(?:    .*\n)*?    vocabulary_table: )false$", r"\1true", text, count=1,
                          flags=re.M)
        assert n == 1, t
    config.write_text(text)


def fk_state(dsn: str) -> list[tuple]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2").fetchall()


@pytest.fixture
def clean_env(monkeypatch):
    for key in list(os.environ):
        if key.upper() in SETTINGS:
            monkeypatch.delenv(key)


@pytest.fixture
def pagila(tmp_path, monkeypatch, clean_env, pagila_src, make_db):
    """A working directory with orm.yaml and a config marking the tutorial's four vocabulary tables."""
    monkeypatch.chdir(tmp_path)
    dst = make_db("sqlsynth_vdst")
    monkeypatch.setenv("SRC_DSN", pagila_src)
    monkeypatch.setenv("SRC_SCHEMA", "public")
    monkeypatch.setenv("DST_DSN", dst)
    ok("make-tables")
    ok("generate-config", "--no-fit")
    mark_vocab(tmp_path / "config.yaml", VOCAB)
    assert ok("list-tables", "--tables", "vocab").split() == sorted(VOCAB)
    return tmp_path, pagila_src, dst


# ---- Pagila, as in the tutorial ------------------------------------------------------------------


@pytest.mark.parametrize("compress", [False, True])
def test_pagila_vocabulary_round_trips_exactly_and_generated_rows_use_it(pagila, compress):
    tmp, src, dst = pagila
    out = ok("make-vocab", *(["--compress"] if compress else []))
    suffix = ".copy.gz" if compress else ".copy"
    for t in VOCAB:
        assert (tmp / f"{t}{suffix}").is_file()
        assert re.search(rf"^{t}: \d+ rows in \d+\.\d\ds .*{t}{re.escape(suffix)}$", out, re.M), out
    assert not list(tmp.glob("*.partial"))
    assert "city: 600 rows" in out and "wrote 4 vocabulary files (731 rows)" in out

    ok("create-tables")
    out = ok("create-vocab")
    assert "loaded 4 vocabulary tables (731 rows)" in out
    for t, key in VOCAB.items():
        assert digest(dst, t, key) == digest(src, t, key), t
    # the foreign key city -> country (between vocabulary tables) is back and validated
    assert ("city", "city_country_id_fkey") in [(r[0], r[1]) for r in fk_state(dst) if r[3]]
    # sequences continue after the copied keys
    assert scalar(dst, "SELECT nextval(pg_get_serial_sequence('city', 'city_id'))") == 601

    ok("create-data", "--num-passes", "200", "--seed", "3")
    with psycopg.connect(src) as conn:
        src_cities = {r for (r,) in conn.execute("SELECT city_id FROM city")}
        src_langs = {r for (r,) in conn.execute("SELECT language_id FROM language")}
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT count(*) FROM address").fetchone()[0] == 200
        used_cities = {r for (r,) in conn.execute("SELECT DISTINCT city_id FROM address")}
        used_langs = {r for (r,) in conn.execute("SELECT DISTINCT language_id FROM film")}
        assert conn.execute("SELECT count(*) FROM city").fetchone()[0] == 600  # vocabulary not regenerated
    assert used_cities <= src_cities and len(used_cities) > 100
    assert used_langs <= src_langs
    for t, key in VOCAB.items():  # create-data left the vocabulary alone
        assert digest(dst, t, key) == digest(src, t, key), t


def test_only_skip_and_force(pagila):
    tmp, src, dst = pagila
    out = ok("make-vocab", "--only", "city")
    assert sorted(p.name for p in tmp.glob("*.copy*")) == ["city.copy"]
    assert "wrote 1 vocabulary files (600 rows), skipped 0" in out
    first = (tmp / "city.copy").read_bytes()
    assert first.startswith(b"SQLSYNTH-VOCAB 2 {") and first.endswith(b'\n\\.\nSQLSYNTH-VOCAB-END {"rows": 600}\n')

    with psycopg.connect(src) as conn:
        conn.execute("UPDATE city SET city = 'Renamed' WHERE city_id = 1")
    out = ok("make-vocab")  # city exists: skipped, the others written
    assert "city: city.copy exists, skipped" in out and "wrote 3 vocabulary files" in out
    assert (tmp / "city.copy").read_bytes() == first
    out = ok("make-vocab", "+f")  # datafaker's alias of --no-force
    assert "wrote 0 vocabulary files (0 rows), skipped 4" in out
    out = ok("make-vocab", "--force", "--only", "city")
    assert "city: 600 rows" in out and "skipped 0" in out
    rewritten = (tmp / "city.copy").read_bytes()
    assert rewritten != first and b"\tRenamed\t" in rewritten and b"A Corua" not in rewritten
    ok("make-vocab", "-f", "--only", "city", "--only", "country")

    # --only names a table that is not a vocabulary table: nothing is written
    [line] = fails("make-vocab", "--force", "--only", "film", "--only", "nosuch")[:1]
    assert "--only film: film is not a vocabulary table (vocabulary tables: category, city, country, language)" in line
    lines = fails("make-vocab", "--only", "nosuch")
    assert any("nosuch is not a table of orm.yaml" in line for line in lines)


def test_create_vocab_refuses_non_empty_tables_and_missing_files_all_at_once(pagila):
    tmp, src, dst = pagila
    ok("make-vocab")
    ok("create-tables")
    ok("create-vocab")
    before = {t: digest(dst, t, k) for t, k in VOCAB.items()}
    lines = fails("create-vocab")
    assert sorted(re.findall(r"table (\w+): already holds rows", "\n".join(lines))) == sorted(VOCAB)
    assert lines[-1] == "sqlsynth: error: create-vocab: 4 problem(s) found; nothing was loaded"
    assert {t: digest(dst, t, k) for t, k in VOCAB.items()} == before

    # a missing file and one non-empty table: both reported, nothing loaded anywhere
    ok("remove-vocab", "--yes")
    (tmp / "country.copy").unlink()
    with psycopg.connect(dst) as conn:
        conn.execute("INSERT INTO language (language_id, name) VALUES (99, 'Klingon')")
    lines = fails("create-vocab")
    assert any(re.fullmatch(r"sqlsynth: error: \S*country\.copy: vocabulary file for table country not found "
                            r"\(nor country\.copy\.gz, country\.yaml, country\.yaml\.gz\); run make-vocab.*", line)
               for line in lines), lines
    assert any("table language: already holds rows" in line for line in lines)
    assert "2 problem(s)" in lines[-1]
    for t in ("category", "city", "country"):
        assert scalar(dst, f"SELECT count(*) FROM {t}") == 0


def test_remove_vocab_refuses_while_generated_rows_refer_to_it(pagila):
    tmp, src, dst = pagila
    ok("make-vocab", "--compress")
    ok("create-tables")
    fks = fk_state(dst)
    ok("create-vocab")
    ok("create-data", "--num-passes", "20")
    lines = fails("remove-vocab", "--yes")
    text = "\n".join(lines)
    for child, fk in [("address", "address_city_id_fkey"), ("film", "film_language_id_fkey"),
                      ("film_category", "film_category_category_id_fkey")]:
        assert f"table {child} holds rows that refer to vocabulary table" in text and fk in text
    assert "remove-data" in text and lines[-1].endswith("nothing was changed")
    assert scalar(dst, "SELECT count(*) FROM city") == 600

    # without a terminal and without --yes it asks for confirmation and does nothing
    assert "confirmation needed" in fails("remove-vocab")[0]

    ok("remove-data", "--yes")
    out = ok("remove-vocab", "--yes")
    assert "emptied 4 vocabulary tables" in out
    for t in VOCAB:
        assert scalar(dst, f"SELECT count(*) FROM {t}") == 0
    assert fk_state(dst) == fks  # every foreign key is back, validated, with the same definition
    ok("create-vocab")  # and the tutorial's cycle works again
    ok("create-data", "--num-passes", "5")
    for t, key in VOCAB.items():
        assert digest(dst, t, key) == digest(src, t, key), t


def test_refuses_to_write_into_the_source(pagila, monkeypatch):
    tmp, src, dst = pagila
    ok("make-vocab")
    monkeypatch.setenv("DST_DSN", src)
    assert "refusing" in fails("create-vocab")[0]
    assert "refusing" in fails("remove-vocab", "--yes")[0]
    assert scalar(src, "SELECT count(*) FROM city") == 600


def test_datafaker_yaml_gz_files_load_the_same_rows(pagila):
    tmp, src, dst = pagila
    with psycopg.connect(src, row_factory=dict_row) as conn:
        for t, key in VOCAB.items():
            rows = conn.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall()
            if t == "city":  # datafaker's own layout: one yaml.dump([row]) per row, concatenated, plain
                (tmp / "city.yaml").write_text("".join(yaml.dump([r]) for r in rows))
            else:
                with gzip.open(tmp / f"{t}.yaml.gz", "wt", encoding="utf-8") as fh:
                    fh.write(yaml.safe_dump(rows))
    ok("create-tables")
    out = ok("create-vocab")
    assert "city: 600 rows" in out and "city.yaml" in out and "country.yaml.gz" in out
    for t, key in VOCAB.items():
        assert digest(dst, t, key) == digest(src, t, key), t
    assert scalar(dst, "SELECT nextval(pg_get_serial_sequence('country', 'country_id'))") == 110


def test_sqlsynth_file_is_preferred_and_a_changed_schema_is_detected(pagila):
    tmp, src, dst = pagila
    ok("make-vocab")
    (tmp / "language.yaml").write_text("- {language_id: 1, name: Wrong, last_update: 2020-01-01 00:00:00}\n")
    orm = (tmp / "orm.yaml").read_text()
    # orm.yaml now says city.city is text: the file, made for varchar(50), is refused
    changed = orm.replace("      city:\n        type: character varying(50)", "      city:\n        type: text", 1)
    assert changed != orm
    (tmp / "orm.yaml").write_text(changed)
    ok("create-tables")
    lines = fails("create-vocab")
    assert len(lines) == 2, lines
    assert "city.copy: table city: the file holds columns (city_id integer, city character varying(50), " in lines[0]
    assert "run make-vocab --force --only city" in lines[0]
    assert scalar(dst, "SELECT count(*) FROM country") == 0
    (tmp / "orm.yaml").write_text(orm)
    ok("remove-tables", "--yes")
    ok("create-tables")
    ok("create-vocab")
    assert scalar(dst, "SELECT name FROM language WHERE language_id = 1").strip() == "English"


def test_errors_are_one_line_and_mask_the_password(pagila, monkeypatch):
    tmp, src, dst = pagila
    monkeypatch.setenv("SRC_DSN", UNREACHABLE)
    [line] = fails("make-vocab")
    assert "cannot connect to the source database postgresql://root:***@127.0.0.1:1/nope" in line
    assert "s3cr3tpw" not in line
    monkeypatch.setenv("SRC_DSN", src)
    ok("make-vocab", "--compress")
    monkeypatch.setenv("DST_DSN", UNREACHABLE)
    [line] = fails("create-vocab")
    assert "cannot connect to the destination database postgresql://root:***@127.0.0.1:1/nope" in line
    [line] = fails("remove-vocab", "--yes")
    assert "***" in line and "s3cr3tpw" not in line
    monkeypatch.setenv("DST_DSN", dst)

    # a truncated gzip file: one line naming it, nothing loaded
    ok("create-tables")
    data = (tmp / "city.copy.gz").read_bytes()
    (tmp / "city.copy.gz").write_bytes(data[: len(data) // 2])
    lines = fails("create-vocab")
    assert any("city.copy.gz: damaged file" in line for line in lines), lines
    assert lines[-1].endswith("nothing was loaded")
    assert scalar(dst, "SELECT count(*) FROM category") == 0

    # a source that lost a column: the table fails, no file (complete or partial) is left behind
    with psycopg.connect(src) as conn:
        conn.execute("ALTER TABLE country DROP COLUMN last_update CASCADE")
    [line] = fails("make-vocab", "--force", "--only", "country")
    assert line.startswith("sqlsynth: error: make-vocab: table country: column") and "last_update" in line
    assert not (tmp / "country.copy").exists() and not list(tmp.glob("*.partial"))


# ---- files cut short ------------------------------------------------------------------------------


def _rows_and_rest(path: Path) -> tuple[bytes, list[bytes]]:
    header, body = path.read_bytes().split(b"\n", 1)
    rows = body.split(b"\n")
    return header + b"\n", rows


def test_a_copy_file_cut_at_a_row_boundary_fails_naming_the_file_and_loads_nothing(pagila):
    tmp, _src, dst = pagila
    ok("make-vocab")
    ok("create-tables")
    header, rows = _rows_and_rest(tmp / "city.copy")
    assert rows[-3:] == [b"\\.", b'SQLSYNTH-VOCAB-END {"rows": 600}', b""]
    (tmp / "city.copy").write_bytes(header + b"\n".join(rows[:300]) + b"\n")  # 300 whole rows, nothing else
    line, summary = fails("create-vocab")  # the problem, then create-vocab's summary (checked before loading)
    assert "city.copy: the file is cut short" in line and "make-vocab --force --only city" in line, line
    assert summary.endswith("1 problem(s) found; nothing was loaded"), summary
    assert all(scalar(dst, f"SELECT count(*) FROM {t}") == 0 for t in VOCAB)

    # a row lost in the middle (the trailer intact): the count does not match, the load is rolled back
    (tmp / "city.copy").write_bytes(header + b"\n".join(rows[:299] + rows[300:]))
    [line] = fails("create-vocab")
    assert "city.copy: the server loaded 599 rows but make-vocab wrote 600" in line and \
        line.endswith("nothing was loaded"), line
    assert all(scalar(dst, f"SELECT count(*) FROM {t}") == 0 for t in VOCAB)

    # a file of the previous format (no row count) is refused too
    old = (tmp / "city.copy").read_bytes().replace(b"SQLSYNTH-VOCAB 2 ", b"SQLSYNTH-VOCAB 1 ", 1)
    (tmp / "city.copy").write_bytes(old)
    line, _summary = fails("create-vocab")
    assert "city.copy: vocabulary file format version 1 is not supported" in line, line
    ok("make-vocab", "--force", "--only", "city")
    ok("create-vocab")
    assert scalar(dst, "SELECT count(*) FROM city") == 600


def test_a_gzip_file_of_a_cut_copy_fails_while_loading_and_loads_nothing(pagila):
    """A .copy.gz that is a whole gzip stream of a cut file (recompressed after a cut): gzip's CRC holds,
    the missing trailer is found at the end of the stream, the transaction is rolled back."""
    tmp, _src, dst = pagila
    ok("make-vocab", "--compress")
    ok("create-tables")
    data = gzip.decompress((tmp / "city.copy.gz").read_bytes())
    header, body = data.split(b"\n", 1)
    rows = body.split(b"\n")
    (tmp / "city.copy.gz").write_bytes(gzip.compress(header + b"\n" + b"\n".join(rows[:100]) + b"\n"))
    lines = fails("create-vocab")
    assert len(lines) == 1 and "city.copy.gz: the file is cut short" in lines[0], lines
    assert lines[0].endswith("nothing was loaded")
    assert all(scalar(dst, f"SELECT count(*) FROM {t}") == 0 for t in VOCAB)


# ---- exactness on awkward values ------------------------------------------------------------------

TRICKY_DDL = """
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy, really');
CREATE TABLE tricky (
    id int PRIMARY KEY,
    t text, v varchar(20), c char(5),
    b bytea, ia int[], ta text[], ia2 int[][],
    j json, jb jsonb,
    ts timestamptz, tsn timestamp, d date, tm time, iv interval,
    n numeric, f float8, r real,
    m mood, u uuid, bo boolean,
    ip inet, rng tstzrange, pt point, bits bit(3), money money,
    doubled int GENERATED ALWAYS AS (id * 2) STORED
);
INSERT INTO tricky (id, t, v, c, b, ia, ta, ia2, j, jb, ts, tsn, d, tm, iv, n, f, r, m, u, bo, ip, rng, pt, bits, money)
VALUES
 (1, NULL, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL),
 (2, '', 'x', 'ab', '\\x', '{}', '{}', '{{1,2},{3,NULL}}', '{"a" :  [1, 2.50, null]}', '{"b": {"c": "\\t"}}',
  '2024-02-29 23:59:59.123456+05:30', '1999-12-31 23:59:59.999999', '0044-03-15 BC', '24:00', '1 year 2 mons -3 days 04:05:06.7',
  '-0.000000000000000000001', 'NaN', '-0', 'sad', '00000000-0000-0000-0000-000000000001', false,
  '10.0.0.1/8', '[2020-01-01 00:00+00,infinity)', '(1.5,-2)', B'101', '1234.56'),
 (3, E'tab\\there\\nnew line\\r\\nCRLF \\\\ backslash \\\\N not null', E'\\\\N', E'a\\tb',
  '\\x00ff5c0a09', '{1,NULL,-2147483648}', ARRAY[NULL, '', 'NULL', 'a"b', E'c\\\\d', 'e,f', '{g}', E'h\\ni', ' '],
  NULL, '"just a string"', '[1, "two", {"3": null}]', 'infinity', '-infinity', 'infinity', '00:00:00.000001',
  '-178000000 years', '1e-30', '1e308', '3.4028235e38', 'happy, really', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', true,
  '::1', 'empty', '(0,0)', B'000', '-0.01'),
 (4, 'unicode: é ß 中文 🙂 combining é zero-width​ end', 'ünï', 'ü', '\\x5c4e', '{0}', ARRAY['🙂'], NULL,
  'null', 'null', '2000-01-01 00:00:00+00', '2000-01-01', '2000-01-01', '12:34:56.789', '0', '123456789012345678901234567890.123456789',
  '5e-324', '1.17549435e-38', 'ok', NULL, NULL, '2001:db8::/32', '(,)', '(1e300,-1e-300)', NULL, NULL);
"""


@pytest.fixture
def tricky(tmp_path, monkeypatch, clean_env, make_db):
    """A source with one table of awkward values, whose database defaults print everything differently."""
    monkeypatch.chdir(tmp_path)
    src, dst = make_db("sqlsynth_vsrc"), make_db("sqlsynth_vdst")
    with psycopg.connect(src, autocommit=True) as conn:
        conn.execute(TRICKY_DDL)
        db = conn.info.dbname
        for setting in ("DateStyle = 'German, DMY'", "TimeZone = 'America/St_Johns'", "extra_float_digits = -3",
                        "bytea_output = 'escape'", "IntervalStyle = 'sql_standard'"):
            conn.execute(f'ALTER DATABASE "{db}" SET {setting}')
    with psycopg.connect(dst, autocommit=True) as conn:
        for setting in ("DateStyle = 'SQL, MDY'", "TimeZone = 'Asia/Kathmandu'", "IntervalStyle = 'iso_8601'"):
            conn.execute(f'ALTER DATABASE "{conn.info.dbname}" SET {setting}')
    monkeypatch.setenv("SRC_DSN", src)
    monkeypatch.setenv("DST_DSN", dst)
    ok("make-tables")
    ok("generate-config", "--no-fit")
    mark_vocab(tmp_path / "config.yaml", ["tricky"])
    return tmp_path, src, dst


@pytest.mark.parametrize("compress", [False, True])
def test_tricky_values_round_trip_exactly(tricky, compress):
    tmp, src, dst = tricky
    ok("make-vocab", *(["--compress"] if compress else []))
    ok("create-tables")
    ok("create-vocab")
    assert digest(dst, "tricky", "id") == digest(src, "tricky", "id")
    with psycopg.connect(dst) as conn:
        # NULL and '' stay apart; the generated column is computed, not copied
        assert conn.execute("SELECT t IS NULL, v = '' FROM tricky WHERE id = 1").fetchone() == (True, True)
        assert conn.execute("SELECT t = '', b = '\\x'::bytea FROM tricky WHERE id = 2").fetchone() == (True, True)
        assert conn.execute("SELECT sum(doubled) FROM tricky").fetchone()[0] == 20
        assert conn.execute("SELECT v FROM tricky WHERE id = 3").fetchone()[0] == "\\N"
    # column by column too, so that a difference names its column
    for col in ("t", "v", "c", "b", "ia", "ta", "ia2", "j", "jb", "ts", "tsn", "d", "tm", "iv", "n", "f", "r", "m",
                "u", "bo", "ip", "rng", "pt", "bits", "money"):
        with psycopg.connect(src) as s, psycopg.connect(dst) as d:
            s.execute(NORMAL)
            d.execute(NORMAL)
            query = f"SELECT id, {col}::text, {col} IS NULL FROM tricky ORDER BY id"
            assert d.execute(query).fetchall() == s.execute(query).fetchall(), col


def test_tricky_values_from_a_datafaker_yaml_file(tricky):
    """datafaker's yaml.dump (with its Decimal, UUID and timedelta tags) read back exactly, for the types
    Python can hold (json text, infinities and inet/range/point/bit/money columns are left out)."""
    tmp, src, dst = tricky
    cols = "id, t, v, c, b, ia, ta, ia2, jb, ts, tsn, iv, n, f, r, m, u, bo"
    with psycopg.connect(src, row_factory=dict_row) as conn:
        conn.execute(f"CREATE TABLE tricky_y AS SELECT {cols} FROM tricky WHERE id IN (1, 2, 4)")
        conn.execute("ALTER TABLE tricky_y ADD PRIMARY KEY (id)")
        # what Python cannot hold exactly: months in intervals, JSON null (None, read back as SQL NULL)
        conn.execute("UPDATE tricky_y SET iv = '3 days 04:05:06.7' WHERE id = 2")
        conn.execute("UPDATE tricky_y SET jb = '[]' WHERE id = 4")
        conn.execute(NORMAL)
        rows = conn.execute("SELECT * FROM tricky_y ORDER BY id").fetchall()
    ok("make-tables", "--force")
    ok("generate-config", "--force", "--no-fit")
    mark_vocab(tmp / "config.yaml", ["tricky_y"])
    text = "".join(yaml.dump([r]) for r in rows)
    assert "!!python/object/apply:decimal.Decimal" in text and "!!python/object:uuid.UUID" in text
    with gzip.open(tmp / "tricky_y.yaml.gz", "wt", encoding="utf-8") as fh:
        fh.write(text)
    (tmp / "config.yaml").write_text((tmp / "config.yaml").read_text().replace(
        "  tricky:\n    ignore: false", "  tricky:\n    ignore: true"))
    ok("create-tables")
    out = ok("create-vocab")
    assert "tricky_y: 3 rows" in out
    assert digest(dst, "tricky_y", "id") == digest(src, "tricky_y", "id")

    # tags that would run code are refused, with the file and line
    ok("remove-vocab", "--yes")
    with gzip.open(tmp / "tricky_y.yaml.gz", "wt") as fh:
        fh.write("- id: 1\n  t: x\n- id: 2\n  t: !!python/object/apply:os.system ['true']\n")
    [line] = fails("create-vocab")  # found while loading: one line, the load rolled back
    assert "tricky_y.yaml.gz:4: cannot read vocabulary YAML: unsupported tag !!python/object/apply:os.system" in line
    assert line.endswith("nothing was loaded")


def test_foreign_key_cycle_between_vocabulary_tables(tmp_path, monkeypatch, clean_env, make_db):
    """a <-> b reference each other (not deferrable), and a generated table references a."""
    monkeypatch.chdir(tmp_path)
    src, dst = make_db("sqlsynth_vsrc"), make_db("sqlsynth_vdst")
    with psycopg.connect(src) as conn:
        conn.execute("""
            CREATE TABLE a (id serial PRIMARY KEY, b_id int, name text NOT NULL);
            CREATE TABLE b (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, a_id int NOT NULL REFERENCES a);
            ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;
            CREATE TABLE thing (id serial PRIMARY KEY, a_id int NOT NULL REFERENCES a);
            INSERT INTO a (id, b_id, name) SELECT i, NULL, 'a' || i FROM generate_series(1, 50) i;
            INSERT INTO b (id, a_id) SELECT i, 51 - i FROM generate_series(1, 40) i;
            UPDATE a SET b_id = id WHERE id <= 40;
            SELECT setval('a_id_seq', 50);
        """)
    monkeypatch.setenv("SRC_DSN", src)
    monkeypatch.setenv("DST_DSN", dst)
    ok("make-tables")
    ok("generate-config", "--no-fit")
    mark_vocab(tmp_path / "config.yaml", ["a", "b"])
    ok("make-vocab")
    ok("create-tables")
    ok("create-vocab")
    for t in ("a", "b"):
        assert digest(dst, t, "id") == digest(src, t, "id")
    assert scalar(dst, "SELECT nextval(pg_get_serial_sequence('a', 'id'))") == 51
    assert scalar(dst, "SELECT nextval(pg_get_serial_sequence('b', 'id'))") == 41
    ok("create-data", "--num-passes", "30")
    assert scalar(dst, "SELECT count(*) FROM thing WHERE a_id BETWEEN 1 AND 50") == 30
    ok("remove-data", "--yes")
    ok("remove-vocab", "--yes")
    assert scalar(dst, "SELECT count(*) FROM a") == 0
    assert len([r for r in fk_state(dst) if r[3]]) == 3


def test_table_without_primary_key_and_a_flow_style_yaml_file(tmp_path, monkeypatch, clean_env, make_db):
    """No primary key and columns without a btree ordering (json, point): make-vocab orders by every column,
    comparing those as text; a YAML file written as one flow list is read whole."""
    monkeypatch.chdir(tmp_path)
    src, dst = make_db("sqlsynth_vsrc"), make_db("sqlsynth_vdst")
    with psycopg.connect(src) as conn:
        conn.execute("""CREATE TABLE loose (k int, j json, p point, s text);
                        CREATE TABLE flow (id int PRIMARY KEY, s text, n numeric);
                        INSERT INTO loose VALUES (2, '{"b": 1}', '(1,2)', NULL), (1, '[]', NULL, ''),
                                                 (2, '{"a": 1}', '(0,0)', 'x'), (NULL, NULL, NULL, NULL);""")
    monkeypatch.setenv("SRC_DSN", src)
    monkeypatch.setenv("DST_DSN", dst)
    ok("make-tables")
    ok("generate-config", "--no-fit")
    mark_vocab(tmp_path / "config.yaml", ["loose", "flow"])
    ok("make-vocab", "--only", "loose")
    body = (tmp_path / "loose.copy").read_bytes().split(b"\n", 1)[1]
    assert body == (b'1\t[]\t\\N\t\n2\t{"a": 1}\t(0,0)\tx\n2\t{"b": 1}\t(1,2)\t\\N\n\\N\t\\N\t\\N\t\\N\n'
                    b'\\.\nSQLSYNTH-VOCAB-END {"rows": 4}\n')
    (tmp_path / "flow.yaml").write_text("# written by hand\n[{id: 1, s: 'a: b', n: 1.50}, {id: 2, s: null}]\n")
    ok("create-tables")
    assert "flow: 2 rows" in ok("create-vocab")
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT count(*), count(j), count(p) FROM loose").fetchone() == (4, 3, 2)
        assert conn.execute("SELECT id, s, n::text FROM flow ORDER BY id").fetchall() == [(1, "a: b", "1.5"), (2, None, None)]


def test_the_end_line_is_found_wherever_the_reads_split_it(tmp_path, monkeypatch):
    """VocabData hands COPY exactly the rows, whatever the read size, and reads the trailer's count;
    rows holding backslashes and dots are data, not the end line."""
    from sqlsynth.vocab import files

    rows = b"1\t\\\\.\n2\t.\\\\\n3\t\\N\n"  # COPY text of the values '\.', '.\', NULL
    for body in (rows, b""):
        path = tmp_path / "t.copy"
        path.write_bytes(b"SQLSYNTH-VOCAB 2 {}\n" + body + files.trailer(body.count(b"\n")))
        files.check_trailer(str(path), "t")
        for size in range(1, 12):
            monkeypatch.setattr(files, "CHUNK", size)
            data = files.VocabData(str(path), "t")
            assert b"".join(data) == body and data.rows == body.count(b"\n")
        path.write_bytes(b"SQLSYNTH-VOCAB 2 {}\n" + body)
        with pytest.raises(files.VocabError, match="cut short"):
            files.check_trailer(str(path), "t")
        with pytest.raises(files.VocabError, match="cut short"):
            b"".join(files.VocabData(str(path), "t"))
