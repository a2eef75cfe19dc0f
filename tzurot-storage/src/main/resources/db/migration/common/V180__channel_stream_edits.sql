-- Edit-streaming per Discord channel: a reply is posted at its first sentence and edited as it grows. Off by default.
ALTER TABLE channel_settings ADD COLUMN stream_edits BOOLEAN DEFAULT FALSE NOT NULL;
