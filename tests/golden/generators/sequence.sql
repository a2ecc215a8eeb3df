-- seed 1; 10 rows in 1 tables
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL search_path = "public";
DO 'BEGIN IF EXISTS (SELECT 1 FROM "public"."t") THEN RAISE EXCEPTION ''sqlsynth: table t already has rows; run remove-data first, or add --append''; END IF; END';
-- t: 10 rows (tables.t)
INSERT INTO "public"."t" ("id", "code")
SELECT "g"."i", ('CUST-' || LPAD(CAST("g"."i" AS TEXT), 6, '0') || '') FROM GENERATE_SERIES(CAST(1 AS BIGINT), 10) AS "g"("i");
DO 'BEGIN PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."t"'', ''id''), COALESCE((SELECT MAX("id") FROM "public"."t"), 0) + 1, FALSE); END';
COMMIT;
ANALYZE "public"."t";
