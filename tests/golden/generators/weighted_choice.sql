-- seed 1; 10 rows in 1 tables
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL search_path = "public";
DO 'BEGIN IF EXISTS (SELECT 1 FROM "public"."t") THEN RAISE EXCEPTION ''sqlsynth: table t already has rows; run remove-data first, or add --append''; END IF; END';
-- t: 10 rows (tables.t)
INSERT INTO "public"."t" ("id", "k")
SELECT "g"."i", (ARRAY['small', 'medium', 'large'])[WIDTH_BUCKET((CAST((HASHINT8EXTENDED("g"."i", -915318029211873645) & 4294967295) AS DOUBLE PRECISION) / 4294967296.0), CAST(ARRAY[0.6, 0.9] AS DOUBLE PRECISION[])) + 1] FROM GENERATE_SERIES(CAST(1 AS BIGINT), 10) AS "g"("i");
DO 'BEGIN PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."t"'', ''id''), COALESCE((SELECT MAX("id") FROM "public"."t"), 0) + 1, FALSE); END';
COMMIT;
ANALYZE "public"."t";
