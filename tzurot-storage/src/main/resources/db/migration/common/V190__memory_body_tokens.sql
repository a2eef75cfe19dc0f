-- The tokens of a memory's prompt note without the names its placeholders become, counted when the memory is stored
-- (NoteBodyTokens), so a reply recalling it need not run the tokenizer over its text. NULL: counted at recall.
ALTER TABLE memories ADD COLUMN body_tokens INTEGER;
