"""Several source schemas, prerequisites carried, deferrable and exclusion constraints kept.

A hostile source written for these tests (no other project's DDL): three schemas (one with a space
and capitals, one with a dot in its name) plus a helper schema of functions; a foreign-key cycle
between two schemas; the same table name in two schemas; a LIST-partitioned table with a partition
in another schema; an enum, a domain, user functions called by CHECKs (one taking the domain), by a
generated column and living in a schema that is not reflected; a DEFERRABLE INITIALLY DEFERRED
unique constraint, a DEFERRABLE primary key and a deferrable exclusion constraint. When the server
has the contrib extensions and ICU, the source also uses uuid-ossp (a uuid default), pg_trgm (a GIN
index with gin_trgm_ops), citext, btree_gist (an exclusion with ``room WITH =``), cube and
earthdistance (a GiST index on ll_to_earth), all installed in a schema of their own, and an ICU
non-deterministic collation on a column.

The unedited pipeline (make-tables, generate-config, create-tables, create-data at 20 passes and
at 1000 passes with --jobs 2) runs on it with every constraint on; the destination's
pg_get_constraintdef of every constraint and pg_get_indexdef of every index equal the source's,
with the schema names kept and with DST_SCHEMA mapping them.
"""

from __future__ import annotations

import glob
import shutil
import subprocess

import psycopg
import pytest
from click.testing import CliRunner
from psycopg import sql

from sqlsynth.cli import main
from sqlsynth.errors import SchemaError
from sqlsynth.schema.io import load_schema, schema_from_dict, schema_to_dict
from sqlsynth.schema.model import Schema, split_key, table_key
from sqlsynth.schema.placement import placement, source_schemas, split_list
from sqlsynth.schema.reflect import reflect

SCHEMAS = ["sales", "HR Dept", "ref.v2"]
SRC_SCHEMA = 'sales, "HR Dept", ref.v2'
MAPPED = {"sales": "sales copy", "HR Dept": "hr2", "ref.v2": "ref.v3"}
DST_MAP = 'sales:"sales copy", "HR Dept":hr2, ref.v2:ref.v3'

CORE_SQL = r'''
CREATE SCHEMA sales;
CREATE SCHEMA "HR Dept";
CREATE SCHEMA "ref.v2";
CREATE SCHEMA util;
CREATE TYPE sales.status AS ENUM ('new', 'paid', 'it''s shipped');
CREATE DOMAIN "ref.v2".pct AS numeric(5,2) CHECK (VALUE >= 0 AND VALUE <= 100);
CREATE FUNCTION "ref.v2".is_code(c text) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS $$ SELECT length(c) BETWEEN 1 AND 500 $$;
CREATE FUNCTION "ref.v2".half(p "ref.v2".pct) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p / 2 $$;
CREATE FUNCTION "HR Dept"."Norm"(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE
  AS $f$ BEGIN RETURN upper(btrim(t)); END; $f$;
CREATE FUNCTION util.not_negative(n numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT n >= 0 $$;

CREATE TABLE "ref.v2".region (
    id serial PRIMARY KEY,
    code text NOT NULL CHECK ("ref.v2".is_code(code)),
    discount "ref.v2".pct NOT NULL CHECK ("ref.v2".half(discount) <= 50)
);
CREATE TABLE sales.customer (
    id serial PRIMARY KEY,
    name text NOT NULL,
    region_id int NOT NULL REFERENCES "ref.v2".region (id),
    balance numeric(10,2) NOT NULL CHECK (util.not_negative(balance))
);
CREATE TABLE "HR Dept".employee (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    badge text NOT NULL,
    badge_norm text GENERATED ALWAYS AS ("HR Dept"."Norm"(badge)) STORED,
    best_order_id bigint
);
CREATE TABLE sales.orders (
    id bigserial PRIMARY KEY,
    customer_id int NOT NULL REFERENCES sales.customer (id),
    handled_by int NOT NULL REFERENCES "HR Dept".employee (id),
    status sales.status NOT NULL DEFAULT 'new',
    code text NOT NULL,
    CONSTRAINT orders_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED
);
-- a cycle between schemas: "HR Dept".employee -> sales.orders -> "HR Dept".employee
ALTER TABLE "HR Dept".employee ADD CONSTRAINT employee_best_order FOREIGN KEY (best_order_id)
    REFERENCES sales.orders (id);
CREATE TABLE sales.order_line (
    order_id bigint NOT NULL REFERENCES sales.orders (id),
    line_no int NOT NULL,
    qty int NOT NULL CHECK (qty > 0),
    CONSTRAINT order_line_pkey PRIMARY KEY (order_id, line_no) DEFERRABLE
);
-- the same table name in two schemas
CREATE TABLE sales.item (id int PRIMARY KEY, label text NOT NULL);
CREATE TABLE "HR Dept".item (id int PRIMARY KEY, sales_item int REFERENCES sales.item (id), note text);
CREATE TABLE "ref.v2".slot (
    id serial PRIMARY KEY,
    during tsrange NOT NULL,
    CONSTRAINT slot_no_overlap EXCLUDE USING gist (during WITH &&) DEFERRABLE INITIALLY DEFERRED
);
-- LIST partitions, one of them in another schema
CREATE TABLE sales.events (id bigint NOT NULL, kind text NOT NULL, at date NOT NULL, PRIMARY KEY (id, kind))
    PARTITION BY LIST (kind);
CREATE TABLE sales.events_ab PARTITION OF sales.events FOR VALUES IN ('a', 'b');
CREATE TABLE "HR Dept".events_c PARTITION OF sales.events FOR VALUES IN ('c');
CREATE TABLE sales.events_other PARTITION OF sales.events DEFAULT;
'''

EXTENSIONS = ["uuid-ossp", "pg_trgm", "citext", "btree_gist", "cube", "earthdistance"]
PREREQ_SQL = r'''
CREATE SCHEMA ext;
CREATE EXTENSION "uuid-ossp" SCHEMA ext;
CREATE EXTENSION pg_trgm SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
CREATE EXTENSION btree_gist SCHEMA ext;
CREATE EXTENSION cube SCHEMA public;
CREATE EXTENSION earthdistance SCHEMA public;
CREATE COLLATION "ref.v2".ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE "ref.v2".city (
    id serial PRIMARY KEY,
    name text COLLATE "ref.v2".ci NOT NULL,
    lat double precision NOT NULL CHECK (lat >= -90 AND lat <= 90),
    lon double precision NOT NULL CHECK (lon >= -180 AND lon <= 180)
);
CREATE INDEX city_earth ON "ref.v2".city USING gist (public.ll_to_earth(lat, lon));
CREATE TABLE sales.contact (
    id uuid PRIMARY KEY DEFAULT ext.uuid_generate_v4(),
    name text NOT NULL,
    email ext.citext NOT NULL,
    city_id int NOT NULL REFERENCES "ref.v2".city (id)
);
CREATE INDEX contact_name_trgm ON sales.contact USING gin (name ext.gin_trgm_ops);
CREATE UNIQUE INDEX contact_email ON sales.contact (email);
CREATE TABLE "ref.v2".booking (
    id serial PRIMARY KEY,
    room int NOT NULL,
    during tsrange NOT NULL,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);
'''

DEFS = """
SELECT 'constraint', n.nspname::text, r.relname::text, c.conname::text, pg_get_constraintdef(c.oid)
FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE n.nspname = ANY(%(schemas)s)
UNION ALL
SELECT 'index', n.nspname::text, r.relname::text, ic.relname::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class r ON r.oid = i.indrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE n.nspname = ANY(%(schemas)s)
"""


def run(*args: str, ok: bool = True) -> str:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    out = res.output  # stdout and stderr, as a user sees them
    assert "Traceback" not in out
    if ok:
        assert res.exit_code == 0, (args, out)
    return out


def has_prerequisites(dsn: str) -> bool:
    with psycopg.connect(dsn) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM pg_available_extensions WHERE name = ANY(%s)",
                                            [EXTENSIONS])}
        icu = conn.execute("SELECT count(*) FROM pg_collation WHERE collprovider = 'i'").fetchone()[0] > 0
    return names == set(EXTENSIONS) and icu


@pytest.fixture
def multi(sql_project, make_db, monkeypatch):
    """(src, dst, full): the hostile source (with the extension part when the server has it)."""
    probe = make_db("sqlsynth_probe")
    full = has_prerequisites(probe)
    src, dst = sql_project(CORE_SQL + (PREREQ_SQL if full else ""), "sqlsynth_ms")
    monkeypatch.setenv("SRC_SCHEMA", SRC_SCHEMA)
    return src, dst, full


def definitions(dsn: str, schemas: list[str], rename: dict[str, str] | None = None) -> list[tuple]:
    """(kind, schema, table, name, definition) of every constraint and index, printed with the
    schemas on the search_path; with rename, destination schema names are put back to the source's."""
    with psycopg.connect(dsn) as conn:
        conn.execute(sql.SQL("SET search_path = {}").format(sql.SQL(", ").join(map(sql.Identifier, schemas))))
        rows = conn.execute(DEFS, {"schemas": schemas}).fetchall()
        quoted = {}
        for dst, src in (rename or {}).items():
            a, b = conn.execute("SELECT quote_ident(%s), quote_ident(%s)", [dst, src]).fetchone()
            quoted[a + "."] = b + "."
    out = []
    for kind, nsp, rel, name, definition in rows:
        for a, b in quoted.items():
            definition = definition.replace(a, b)
        out.append((kind, (rename or {}).get(nsp, nsp), rel, name, definition))
    return sorted(out)


def table_hashes(dsn: str, schema: Schema, where: dict[str, str] | None = None) -> dict[str, tuple]:
    out = {}
    with psycopg.connect(dsn) as conn:
        for key, t in schema.tables.items():
            if t.is_partition:
                continue
            nsp = (where or {}).get(t.schema, t.schema)
            table = sql.Identifier(nsp, t.relname)
            out[key] = conn.execute(sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM {} x").format(
                table)).fetchone()
    return out


def check_constraints_hold(dsn: str, schemas: list[str]) -> None:
    """Every constraint is there and validated; every generated table has rows."""
    with psycopg.connect(dsn) as conn:
        bad = conn.execute("""SELECT c.conname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
                              JOIN pg_namespace n ON n.oid = r.relnamespace
                              WHERE n.nspname = ANY(%s) AND NOT c.convalidated""", [schemas]).fetchall()
        assert bad == []


# -- reflection ------------------------------------------------------------------------------------


def test_several_schemas_are_reflected_with_keys_cycles_and_prerequisites(multi):
    src, _dst, full = multi
    s = reflect(src, SRC_SCHEMA)
    assert s.schemas == SCHEMAS and s.multi
    assert {"sales.orders", "HR Dept.employee", '"ref.v2".region', "sales.item", "HR Dept.item"} <= set(s.tables)
    emp, orders = s.tables["HR Dept.employee"], s.tables["sales.orders"]
    assert (emp.schema, emp.relname) == ("HR Dept", "employee")
    # the cross-schema cycle: both foreign keys point at keys of this file
    assert {(f.ref_table, f.ref_schema) for f in orders.foreign_keys} >= {("HR Dept.employee", None)}
    assert [(f.ref_table, f.ref_schema) for f in emp.foreign_keys] == [("sales.orders", None)]
    assert s.tables["HR Dept.item"].foreign_keys[0].ref_table == "sales.item"
    # a partition in another schema than its parent
    assert s.tables["HR Dept.events_c"].partition_of == "sales.events"
    # deferrable keys and the exclusion constraint
    code = {u.name: u for u in orders.unique}["orders_code_key"]
    assert code.deferrable and code.initially_deferred
    pk = s.tables["sales.order_line"].primary_key
    assert pk.deferrable and not pk.initially_deferred
    assert s.tables['"ref.v2".slot'].exclusions[0].definition == \
        "EXCLUDE USING gist (during WITH &&) DEFERRABLE INITIALLY DEFERRED"
    # types of the reflected schemas know their schema; functions follow pg_depend
    assert s.enums["status"].schema == "sales" and s.domains["pct"].schema == "ref.v2"
    funcs = {(f.schema, f.name): f for f in s.functions}
    assert set(funcs) >= {("ref.v2", "is_code"), ("ref.v2", "half"), ("HR Dept", "Norm"), ("util", "not_negative")}
    assert funcs[("ref.v2", "half")].after_domains and not funcs[("ref.v2", "is_code")].after_domains
    if full:
        names = [e.name for e in s.extensions]
        assert set(names) == set(EXTENSIONS)
        assert names.index("cube") < names.index("earthdistance")  # requirements first
        assert {e.name: e.schema for e in s.extensions}["pg_trgm"] == "ext"
        assert [(c.schema, c.provider, c.locale, c.deterministic) for c in s.collations] == \
            [("ref.v2", "icu", "und-u-ks-level2", False)]
        assert s.tables["sales.contact"].columns["email"].type == "ext.citext"
    # orm.yaml round trip; `all` finds the same schemas (the helper schemas hold no table)
    assert schema_from_dict(yaml_round_trip(schema_to_dict(s))) == s
    every = reflect(src, "all")
    assert sorted(every.schemas) == sorted(SCHEMAS) and set(every.tables) == set(s.tables)


def yaml_round_trip(data):
    import yaml

    from sqlsynth.schema.io import dump_yaml

    return yaml.safe_load(dump_yaml(data))


def test_one_schema_files_keep_their_format(pagila_src, tmp_path):
    s = reflect(pagila_src, "public")
    d = schema_to_dict(s)
    assert d["schema"] == "public" and "schemas" not in d and "actor" in d["tables"]
    assert all(t.schema is None and t.relname == t.name for t in s.tables.values())
    # the example orm.yaml written before several schemas existed loads unchanged
    from conftest import PAGILA_DIR

    old = load_schema(str(PAGILA_DIR / "orm.yaml"))
    assert not old.multi and "film" in old.tables


# -- the unedited pipeline -----------------------------------------------------------------------


def psql_binary() -> str:
    found = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), reverse=True)), None)
    assert found, "psql is needed (Debian package postgresql-client)"
    return found


def test_unedited_pipeline_on_several_schemas(multi, make_db, monkeypatch, tmp_path):
    src, dst, full = multi
    run("make-tables")
    run("generate-config", "--no-fit")
    schema = load_schema("orm.yaml")
    assert schema.multi and set(schema.schemas) == set(SCHEMAS)
    config = (tmp_path / "config.yaml").read_text()
    assert "sales.orders:" in config and "'\"ref.v2\".region':" in config
    out = run("create-tables")
    assert "created" in out
    # every constraint and index as in the source, names kept
    assert definitions(dst, SCHEMAS) == definitions(src, SCHEMAS)
    out = run("create-data", "--num-passes", "20", "--seed", "3")
    check_constraints_hold(dst, SCHEMAS)
    first = table_hashes(dst, schema)
    assert all(n == 20 for n, _h in first.values()), first
    with psycopg.connect(dst) as conn:  # the partition in another schema got its rows
        assert conn.execute('SELECT count(*) FROM "HR Dept".events_c').fetchone()[0] > 0
        # the cycle: employees point at orders, orders at employees
        assert conn.execute('SELECT count(best_order_id) FROM "HR Dept".employee').fetchone()[0] > 0

    # 1000 passes with --jobs 2: the same rows as one job
    run("remove-data", "--yes")
    run("create-data", "--num-passes", "1000", "--seed", "3", "--jobs", "2")
    check_constraints_hold(dst, SCHEMAS)
    parallel = table_hashes(dst, schema)
    assert all(n == 1000 for n, _h in parallel.values()), parallel
    run("remove-data", "--yes")
    run("create-data", "--num-passes", "1000", "--seed", "3", "--jobs", "1")
    assert table_hashes(dst, schema) == parallel
    assert definitions(dst, SCHEMAS) == definitions(src, SCHEMAS)

    # DST_SCHEMA maps every schema: create-tables into another database, then the compiled script
    # through psql gives the same rows there
    other = make_db("sqlsynth_ms_map")
    monkeypatch.setenv("DST_DSN", other)
    monkeypatch.setenv("DST_SCHEMA", DST_MAP)
    run("create-tables")
    rename = {v: k for k, v in MAPPED.items()}
    assert definitions(other, [MAPPED[s] for s in SCHEMAS], rename) == definitions(src, SCHEMAS)
    run("compile", "--num-passes", "1000", "--seed", "3", "-o", "load.sql")
    subprocess.run([psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", other, "-f", "load.sql"],
                   check=True, capture_output=True)
    assert table_hashes(other, schema, MAPPED) == parallel
    # remove-tables drops what create-tables made (functions, collation, types), so it can run again
    run("remove-tables", "--yes")
    run("create-tables")
    if full:
        with psycopg.connect(other) as conn:
            have = {r[0] for r in conn.execute("SELECT extname FROM pg_extension")}
            assert set(EXTENSIONS) <= have


def test_dst_schema_mapping_is_checked(multi, tmp_path):
    _src, _dst, _full = multi
    run("make-tables")
    run("generate-config", "--no-fit")
    for setting, message in [
        ("copy", "orm.yaml has 3 schemas"),
        ("nope:x", "'nope' is not a schema of orm.yaml"),
        ("sales:x, ref.v2:x", "several source schemas would go into x"),
        ('sales:"x', "unterminated quote"),
    ]:
        res = CliRunner().invoke(main, ["create-tables"], env={"DST_SCHEMA": setting})
        assert res.exit_code == 1, setting
        text = res.output  # stdout and stderr, as a user sees them
        assert message in text and "Traceback" not in text, (setting, text)
        assert len(text.strip().splitlines()) == 1, text


def test_a_missing_extension_is_named_and_nothing_is_created(multi, tmp_path):
    src, dst, _full = multi
    run("make-tables")
    run("generate-config", "--no-fit")
    text = (tmp_path / "orm.yaml").read_text()
    extra = "extensions:\n- name: no_such_ext\n  schema: public\n"
    text = text.replace("extensions:\n", extra, 1) if "extensions:\n" in text else \
        text.replace("\nenums:", "\n" + extra + "enums:", 1)
    (tmp_path / "orm.yaml").write_text(text)
    out = run("create-tables", ok=False)
    lines = [x for x in out.strip().splitlines() if x]
    assert len(lines) == 1 and "extension no_such_ext (used by orm.yaml) is not available on the destination" \
        in lines[0] and "nothing was changed" in lines[0], out
    with psycopg.connect(dst) as conn:
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = ANY(%s)", [SCHEMAS]).fetchone()[0] == 0


# -- names and settings (no database) -----------------------------------------------------------------


def test_table_keys_and_setting_lists():
    for schema, name in [("a", "b"), ("a.b", "c"), ("x", 'y"z'), ("HR Dept", "t.u")]:
        assert split_key(table_key(schema, name)) == (schema, name)
    assert table_key("ref.v2", "city") == '"ref.v2".city'
    for bad in ["plain", "a.b.c", '"a', 'a."b']:
        with pytest.raises(ValueError):
            split_key(bad)
    assert split_list('sales, "HR Dept", "a,""b"" c", ref.v2') == ["sales", "HR Dept", 'a,"b" c', "ref.v2"]
    existing = ["sales", "HR Dept", "a,b", "public"]
    assert source_schemas("a,b", existing) == ["a,b"]  # an existing name wins over the list reading
    assert source_schemas("sales, HR Dept", existing) == ["sales", "HR Dept"]
    assert source_schemas("ALL", existing) == sorted(existing)
    with pytest.raises(SchemaError, match="twice"):
        source_schemas("sales, sales", existing)


def test_dst_schema_placement():
    one = Schema(schema="app")
    assert placement(one, None).primary == "app"
    assert placement(one, "a:b, c").primary == "a:b, c"  # one schema: the name, verbatim, as before
    several = Schema(schema="sales", schemas=["sales", "HR Dept"])
    keep = placement(several, None)
    assert keep.mapping == {"sales": "sales", "HR Dept": "HR Dept"} and keep.dst("other") == "other"
    mapped = placement(several, '"HR Dept":hr2')
    assert mapped.schemas == ["sales", "hr2"] and mapped.primary == "sales"


def test_a_function_definition_cannot_smuggle_a_second_statement(tmp_path, monkeypatch, fresh_db):
    """orm.yaml is data: a function definition holding a second statement is refused, by the check
    (outside a SQL-standard body) or by the server (create-tables uses the extended protocol)."""
    with psycopg.connect(fresh_db) as conn:
        conn.execute("CREATE TABLE canary (x int)")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DST_DSN", fresh_db)
    for key in ("SRC_DSN", "SRC_SCHEMA", "DST_SCHEMA"):
        monkeypatch.delenv(key, raising=False)
    head = "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE sql\n"
    for body, message in [
        ("AS $function$ SELECT 1 $function$; DROP TABLE canary", "more than one statement"),
        ("BEGIN ATOMIC\n SELECT 1;\nEND; DROP TABLE canary; SELECT 1", "cannot insert multiple commands"),
    ]:
        orm = {"schema": "public", "functions": [{"schema": "public", "name": "f", "arguments": "",
                                                  "definition": head + body}],
               "tables": {"t": {"columns": {"a": {"type": "integer"}}}}}
        from sqlsynth.schema.io import dump_yaml

        (tmp_path / "orm.yaml").write_text(dump_yaml(orm))
        (tmp_path / "config.yaml").write_text("tables: {}\n")
        out = run("create-tables", ok=False)
        assert message in out, out
        with psycopg.connect(fresh_db) as conn:
            assert conn.execute("SELECT to_regclass('canary') IS NOT NULL, to_regclass('t') IS NULL").fetchone() == \
                (True, True)
