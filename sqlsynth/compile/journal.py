"""The load journal kept in the destination, as SQL: schema ``sqlsynth_journal``.

A load that cannot run in one transaction (``create-data --jobs N``, the ``compile --split``
scripts) changes the destination in several commits: it drops constraints and indexes, inserts
chunks, re-creates them. Before anything is dropped, in the same transaction as the drops, it
writes into the destination:

    loads      one row per load: its id, the command, the target tables (qualified, parents
               first), the session advisory lock its process holds while it runs, its state
               (running | done | restored)
    objects    every constraint and index it drops: kind, table, name, the catalog's definition
               (pg_get_constraintdef / pg_get_indexdef), the statement re-creating it, a
               condition telling whether it exists, whether an FK was validated
    sequences  the state of the sequences owned by the target tables' columns
    xacts      one row per committed chunk: its name and the id of the transaction that inserted
               it (pg_current_xact_id()), written in that same transaction

The rows a load inserted are exactly those whose ``xmin`` is one of its transactions, so a
failed or interrupted load is undone without touching rows other sessions committed meanwhile:
``sqlsynth_journal.recover(load)`` (run by create-data after a failure, by ``sqlsynth recover``
after a ``kill -9``, and by the split scripts' rollback.sql) locks the target tables, drops the
foreign keys on and to them (so no ON DELETE action reaches other rows), deletes the load's rows
(TRUNCATE when every row is the load's), re-creates every journaled object that is missing,
re-adds the foreign keys (an FK that rows of other sessions break comes back NOT VALID, with a
warning, rather than deleting their rows), and puts the sequences back (never below a key of a
remaining row). It is idempotent, one transaction, and a no-op for a finished load.

Chunk transactions take a FOR SHARE lock on their load's row and check that it is still running;
recover takes FOR UPDATE: a chunk either committed before the recovery (and is undone by it) or
fails after it, never in between.

xmin holds the low 32 bits of a transaction id (freezing keeps it): recover refuses when more
than 2^31 transactions separate the load from the recovery, where low bits could repeat.
"""

from __future__ import annotations

from ..sql.sqlx import dollar_quote

SCHEMA = "sqlsynth_journal"
VERSION = 1
# pg_advisory_xact_lock key serializing begin_load (and the creation of the journal itself)
JOURNAL_LOCK = 7_311_864_915_120_406_441

_TABLES = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
COMMENT ON SCHEMA {SCHEMA} IS 'sqlsynth: journal of loads run in several transactions (create-data --jobs N, compile --split); see sqlsynth recover';
CREATE TABLE IF NOT EXISTS {SCHEMA}.loads (
  load_id text PRIMARY KEY,
  command text NOT NULL,
  tables text[] NOT NULL,
  lock_key bigint,
  state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'restored')),
  started timestamptz NOT NULL DEFAULT now(),
  finished timestamptz,
  note text);
CREATE TABLE IF NOT EXISTS {SCHEMA}.objects (
  id bigserial PRIMARY KEY,
  load_id text NOT NULL,
  stage int NOT NULL,
  kind text NOT NULL,
  table_name text NOT NULL,
  name text NOT NULL,
  definition text NOT NULL,
  add_sql text NOT NULL,
  exists_sql text NOT NULL,
  valid boolean NOT NULL DEFAULT true);
CREATE INDEX IF NOT EXISTS objects_load ON {SCHEMA}.objects (load_id);
CREATE TABLE IF NOT EXISTS {SCHEMA}.sequences (
  load_id text NOT NULL,
  seq_name text NOT NULL,
  last_value bigint NOT NULL,
  is_called boolean NOT NULL,
  table_name text,
  column_name text,
  PRIMARY KEY (load_id, seq_name));
CREATE TABLE IF NOT EXISTS {SCHEMA}.xacts (
  load_id text NOT NULL,
  chunk text NOT NULL,
  xid xid8 NOT NULL,
  PRIMARY KEY (load_id, chunk));
"""

_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION @S.version() RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT @V';

CREATE OR REPLACE FUNCTION @S.load_state(p_load text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$f$ SELECT state FROM @S.loads WHERE load_id = p_load $f$;

-- Open a load: refuse while another is unfinished; record the sequences of the target tables.
CREATE OR REPLACE FUNCTION @S.begin_load(p_load text, p_command text, p_tables text[], p_lock bigint)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  r record;
  v_last bigint;
  v_called boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(@L);
  SELECT * INTO r FROM @S.loads WHERE state = 'running' ORDER BY started LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING MESSAGE = format(
      'sqlsynth: the destination holds an unfinished load (%s, started %s, load %s): run `sqlsynth recover` '
      '(or that load''s rollback.sql) first', r.command, to_char(r.started, 'YYYY-MM-DD HH24:MI:SS TZ'), r.load_id);
  END IF;
  DELETE FROM @S.objects WHERE load_id = p_load;
  DELETE FROM @S.sequences WHERE load_id = p_load;
  DELETE FROM @S.xacts WHERE load_id = p_load;
  DELETE FROM @S.loads WHERE load_id = p_load;
  -- keep the history short: the last 50 finished loads
  DELETE FROM @S.loads WHERE state <> 'running' AND load_id IN (
    SELECT load_id FROM @S.loads WHERE state <> 'running' ORDER BY started DESC OFFSET 50);
  INSERT INTO @S.loads (load_id, command, tables, lock_key) VALUES (p_load, p_command, p_tables, p_lock);
  FOR r IN
    SELECT DISTINCT format('%I.%I', sn.nspname, s.relname) AS seq, format('%I.%I', tn.nspname, t.relname) AS tbl,
           a.attname::text AS col
    FROM unnest(p_tables) AS x(name)
    CROSS JOIN LATERAL (SELECT x.name::regclass::oid AS relid
                        UNION SELECT relid::oid FROM pg_partition_tree(x.name::regclass)) AS rel
    JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = rel.relid
         AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
    JOIN pg_namespace sn ON sn.oid = s.relnamespace
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  LOOP
    EXECUTE format('SELECT last_value, is_called FROM %s', r.seq) INTO v_last, v_called;
    INSERT INTO @S.sequences VALUES (p_load, r.seq, v_last, v_called, r.tbl, r.col);
  END LOOP;
END $f$;

-- First statement of every chunk transaction: the load must be running; the transaction is recorded.
CREATE OR REPLACE FUNCTION @S.chunk(p_load text, p_chunk text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  v_state text;
BEGIN
  SELECT state INTO v_state FROM @S.loads WHERE load_id = p_load FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING MESSAGE = format('sqlsynth: load %s is not in the journal of this database (run its '
                                           'prologue first); chunk %s inserted nothing', p_load, p_chunk);
  ELSIF v_state <> 'running' THEN
    RAISE EXCEPTION USING MESSAGE = format('sqlsynth: load %s is %s, not running; chunk %s inserted nothing',
                                           p_load, v_state, p_chunk);
  END IF;
  IF EXISTS (SELECT 1 FROM @S.xacts WHERE load_id = p_load AND chunk = p_chunk) THEN
    RAISE EXCEPTION USING MESSAGE = format('sqlsynth: chunk %s of load %s was already loaded; inserted nothing',
                                           p_chunk, p_load);
  END IF;
  INSERT INTO @S.xacts VALUES (p_load, p_chunk, pg_current_xact_id());
END $f$;

-- Every chunk committed? (locks the load: no recovery while the closing transaction runs)
CREATE OR REPLACE FUNCTION @S.check_chunks(p_load text, p_chunks text[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  v_state text;
  v_missing text[];
BEGIN
  SELECT state INTO v_state FROM @S.loads WHERE load_id = p_load FOR UPDATE;
  IF NOT FOUND OR v_state <> 'running' THEN
    RAISE EXCEPTION USING MESSAGE = format('sqlsynth: load %s is %s, not running', p_load,
                                           coalesce(v_state, 'not in the journal'));
  END IF;
  SELECT array_agg(c ORDER BY c) INTO v_missing FROM unnest(p_chunks) AS c
  WHERE NOT EXISTS (SELECT 1 FROM @S.xacts x WHERE x.load_id = p_load AND x.chunk = c);
  IF v_missing IS NOT NULL THEN
    RAISE EXCEPTION USING MESSAGE = format('sqlsynth: %s of %s chunks did not commit (%s%s): the load is incomplete',
      cardinality(v_missing), cardinality(p_chunks), array_to_string(v_missing[1:5], ', '),
      CASE WHEN cardinality(v_missing) > 5 THEN ', ...' ELSE '' END);
  END IF;
END $f$;

-- Last statement of the closing transaction: the load is done, its journal entries are dropped.
CREATE OR REPLACE FUNCTION @S.finish(p_load text, p_chunks text[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
  PERFORM @S.check_chunks(p_load, p_chunks);
  DELETE FROM @S.objects WHERE load_id = p_load;
  DELETE FROM @S.sequences WHERE load_id = p_load;
  DELETE FROM @S.xacts WHERE load_id = p_load;
  UPDATE @S.loads SET state = 'done', finished = now() WHERE load_id = p_load;
END $f$;

-- Undo a failed or interrupted load (see the module documentation). Returns what it did.
CREATE OR REPLACE FUNCTION @S.recover(p_load text)
RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  l record;
  o record;
  s record;
  t text;
  i int;
  v_xids xid[];
  v_rels oid[] := '{}';
  v_tables text[] := '{}';
  fk_rel oid[] := '{}';
  fk_name text[] := '{}';
  fk_sql text[] := '{}';
  fk_part boolean[] := '{}';
  v_n bigint;
  v_kept bigint;
  v_deleted bigint := 0;
  v_others bigint := 0;
  v_made int := 0;
  v_ok boolean;
  v_max bigint;
  v_warn text := '';
  v_note text;
BEGIN
  SELECT * INTO l FROM @S.loads WHERE load_id = p_load FOR UPDATE;
  IF NOT FOUND THEN
    RETURN format('load %s is not in the journal: nothing to do', p_load);
  ELSIF l.state <> 'running' THEN
    RETURN format('load %s is %s: nothing to do', p_load, l.state);
  END IF;
  IF EXISTS (SELECT 1 FROM @S.xacts WHERE load_id = p_load
             AND pg_current_xact_id()::text::numeric - xid::text::numeric >= 2147483648) THEN
    RAISE EXCEPTION USING MESSAGE = format('sqlsynth: load %s is more than 2^31 transactions old: its rows can no '
      'longer be told apart by transaction id; empty its tables yourself', p_load);
  END IF;
  SELECT coalesce(array_agg(xid(x.xid)), '{}') INTO v_xids FROM @S.xacts x WHERE x.load_id = p_load;

  -- the tables that still exist, locked against other writers until the end
  FOREACH t IN ARRAY l.tables LOOP
    IF to_regclass(t) IS NOT NULL THEN
      v_tables := v_tables || t;
      EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', t);
      v_rels := v_rels || t::regclass::oid || ARRAY(SELECT relid::oid FROM pg_partition_tree(t::regclass));
    END IF;
  END LOOP;

  -- foreign keys on and to them: dropped for the deletes (no ON DELETE action reaches other rows)
  FOR o IN
    SELECT c.conrelid, c.conname::text AS name, pg_get_constraintdef(c.oid) AS def, r.relkind = 'p' AS part
    FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
    WHERE c.contype = 'f' AND c.conparentid = 0 AND (c.conrelid = ANY(v_rels) OR c.confrelid = ANY(v_rels))
    ORDER BY c.oid
  LOOP
    fk_rel := fk_rel || o.conrelid;
    fk_name := fk_name || o.name;
    -- the journal's definition when the load dropped it (it may have come back NOT VALID), else as it is
    SELECT j.add_sql INTO t FROM @S.objects j
    WHERE j.load_id = p_load AND j.kind = 'foreign key' AND j.name = o.name AND to_regclass(j.table_name) = o.conrelid;
    fk_sql := fk_sql || coalesce(t, format('ALTER TABLE %s ADD CONSTRAINT %I %s', o.conrelid::regclass, o.name, o.def));
    fk_part := fk_part || o.part;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', o.conrelid::regclass, o.name);
  END LOOP;

  -- the rows the load inserted, children first
  IF cardinality(v_xids) > 0 THEN
    FOR i IN REVERSE cardinality(v_tables) .. 1 LOOP
      t := v_tables[i];
      EXECUTE format('SELECT count(*) FILTER (WHERE xmin = ANY(%1$L::xid[])), '
                     'count(*) FILTER (WHERE NOT xmin = ANY(%1$L::xid[])) FROM %2$s', v_xids, t) INTO v_n, v_kept;
      IF v_n > 0 AND v_kept = 0 THEN
        EXECUTE format('TRUNCATE %s', t);
      ELSIF v_n > 0 THEN
        EXECUTE format('DELETE FROM %s WHERE xmin = ANY(%L::xid[])', t, v_xids);
      END IF;
      v_deleted := v_deleted + v_n;
      v_others := v_others + v_kept;
    END LOOP;
  END IF;

  -- keys and indexes the load dropped and did not re-create
  FOR o IN SELECT * FROM @S.objects WHERE load_id = p_load AND kind <> 'foreign key' ORDER BY stage, id LOOP
    IF to_regclass(o.table_name) IS NULL THEN
      CONTINUE;
    END IF;
    EXECUTE 'SELECT ' || o.exists_sql INTO v_ok;
    IF NOT v_ok THEN
      EXECUTE o.add_sql;
      v_made := v_made + 1;
    END IF;
  END LOOP;

  -- foreign keys the load dropped and that are not there now
  FOR o IN SELECT * FROM @S.objects WHERE load_id = p_load AND kind = 'foreign key' ORDER BY stage, id LOOP
    IF to_regclass(o.table_name) IS NULL OR EXISTS (
         SELECT 1 FROM unnest(fk_rel, fk_name) AS f(rel, name)
         WHERE f.rel = to_regclass(o.table_name) AND f.name = o.name) THEN
      CONTINUE;
    END IF;
    EXECUTE 'SELECT ' || o.exists_sql INTO v_ok;
    IF NOT v_ok THEN
      fk_rel := fk_rel || to_regclass(o.table_name)::oid;
      fk_name := fk_name || o.name;
      fk_sql := fk_sql || o.add_sql;
      fk_part := fk_part || (SELECT relkind = 'p' FROM pg_class WHERE oid = to_regclass(o.table_name));
      v_made := v_made + 1;
    END IF;
  END LOOP;

  -- every foreign key back, validated; one that rows of other sessions break comes back NOT VALID
  FOR i IN 1 .. coalesce(cardinality(fk_sql), 0) LOOP
    BEGIN
      EXECUTE fk_sql[i];
    EXCEPTION WHEN foreign_key_violation THEN
      IF fk_part[i] THEN
        RAISE;
      END IF;
      EXECUTE fk_sql[i] || ' NOT VALID';
      v_warn := v_warn || format('; foreign key %s on %s re-added NOT VALID: rows other sessions committed during '
                                 'the load do not satisfy it', fk_name[i], fk_rel[i]::regclass);
    END;
  END LOOP;

  -- sequences as they were, but never below a key of a row that stays
  FOR s IN SELECT * FROM @S.sequences WHERE load_id = p_load LOOP
    IF to_regclass(s.seq_name) IS NULL THEN
      CONTINUE;
    END IF;
    v_max := NULL;
    IF s.table_name IS NOT NULL AND to_regclass(s.table_name) IS NOT NULL THEN
      EXECUTE format('SELECT max(%I)::bigint FROM %s', s.column_name, s.table_name) INTO v_max;
    END IF;
    IF v_max IS NOT NULL AND (v_max > s.last_value OR (v_max = s.last_value AND NOT s.is_called)) THEN
      PERFORM setval(s.seq_name, v_max, true);
    ELSE
      PERFORM setval(s.seq_name, s.last_value, s.is_called);
    END IF;
  END LOOP;

  v_note := format('deleted %s rows the load had written (kept %s rows of other sessions), re-created %s dropped '
                   'constraints and indexes, put the sequences back%s', v_deleted, v_others, v_made, v_warn);
  DELETE FROM @S.objects WHERE load_id = p_load;
  DELETE FROM @S.sequences WHERE load_id = p_load;
  DELETE FROM @S.xacts WHERE load_id = p_load;
  UPDATE @S.loads SET state = 'restored', finished = now(), note = v_note WHERE load_id = p_load;
  RETURN v_note;
END $f$;
"""


def ddl() -> str:
    """Statements creating the journal schema, tables and functions (idempotent)."""
    return _TABLES + _FUNCTIONS.replace("@S", SCHEMA).replace("@V", str(VERSION)).replace("@L", str(JOURNAL_LOCK))


def ensure_sql() -> str:
    """One statement creating the journal if it is missing or of another version (psql scripts)."""
    return (f"DO $sqlsynth$ DECLARE v int; BEGIN PERFORM pg_advisory_xact_lock({JOURNAL_LOCK}); "
            f"IF to_regprocedure('{SCHEMA}.version()') IS NOT NULL THEN EXECUTE 'SELECT {SCHEMA}.version()' INTO v; "
            f"END IF; IF v IS DISTINCT FROM {VERSION} THEN EXECUTE {dollar_quote(ddl())}; END IF; END $sqlsynth$")
