ALTER TABLE export_jobs ADD COLUMN file_data BYTEA;
