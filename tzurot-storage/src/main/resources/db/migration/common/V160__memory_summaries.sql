-- Long-term-memory summaries (issue 18 item 5). A summary is a memories row of type 'summary' with its own
-- embedding, covering [covers_from, covers_until] and original_message_count originals; each original keeps its row
-- and points at its summary through summarized_by (search skips such rows while the summary stands; deleting the
-- summary clears the pointer). is_summarized stays what shapes.inc imports set it to.
ALTER TABLE memories ADD COLUMN summarized_by UUID;
ALTER TABLE memories ADD COLUMN covers_from TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE memories ADD COLUMN covers_until TIMESTAMP(3) WITH TIME ZONE;
CREATE INDEX memories_summarized_by_idx ON memories (summarized_by);
