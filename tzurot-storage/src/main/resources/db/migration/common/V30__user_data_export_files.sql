-- A user's whole-data export is a ZIP file kept in its export_jobs row until it expires (format 'zip',
-- source service 'tzurot'); shapes.inc exports keep using file_content (text). The file column itself is
-- vendor-specific (V30_1): a BLOB on H2, whose VARBINARY would cap it at 16 MiB, BYTEA on PostgreSQL.
ALTER TABLE export_jobs DROP CONSTRAINT export_jobs_format_check;
ALTER TABLE export_jobs ADD CONSTRAINT export_jobs_format_check CHECK (format IN ('json', 'markdown', 'zip'));
