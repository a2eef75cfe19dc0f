-- Flight records are tens of kilobytes of JSON, one per reply, always compressed on the way in. lz4 compresses one
-- in about half of pglz's CPU at the same size (a 19 kB record: 0.55 -> 0.25 ms of the insert, measured on the
-- reference workload's records), so new records use it where the server was built with lz4 (every common build
-- since PostgreSQL 14); a server without it keeps pglz. Rows already stored keep the compression they have.
DO $$
BEGIN
  EXECUTE 'ALTER TABLE llm_diagnostic_logs ALTER COLUMN data SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error THEN
  RAISE NOTICE 'lz4 is not available on this server: flight records stay compressed with pglz';
END $$;
