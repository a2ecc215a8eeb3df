-- seed 1; 10 rows in 1 tables
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL search_path = "public";
DO 'BEGIN IF EXISTS (SELECT 1 FROM "public"."t") THEN RAISE EXCEPTION ''sqlsynth: table t already has rows; run remove-data first, or add --append''; END IF; END';
CREATE TEMP TABLE "sqlsynth_pool_1" (k integer PRIMARY KEY, v text NOT NULL) ON COMMIT DROP;
-- pool: generic.person.first_name (5 values)
COPY "pg_temp"."sqlsynth_pool_1" (k, v) FROM STDIN;
1	Sandie
2	Odilia
3	Darcey
4	Kendall
5	Wallace
\.
ANALYZE "pg_temp"."sqlsynth_pool_1";
-- t: 10 rows (tables.t)
INSERT INTO "public"."t" ("id", "first")
SELECT "g"."i", CAST(("a1"."w")[1 + (HASHINT8EXTENDED("g"."i", -6662057076847517361) & 4294967295) % 5] AS TEXT) FROM GENERATE_SERIES(CAST(1 AS BIGINT), 10) AS "g"("i") CROSS JOIN (SELECT ARRAY_AGG(CAST("v" AS NAME) ORDER BY "k") FROM "pg_temp"."sqlsynth_pool_1") AS "a1"("w");
DO 'BEGIN PERFORM SETVAL(PG_GET_SERIAL_SEQUENCE(''"public"."t"'', ''id''), COALESCE((SELECT MAX("id") FROM "public"."t"), 0) + 1, FALSE); END';
COMMIT;
ANALYZE "public"."t";
