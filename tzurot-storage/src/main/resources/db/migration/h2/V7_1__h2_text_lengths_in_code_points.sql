-- H2 counts VARCHAR lengths in UTF-16 units, PostgreSQL in characters. The application counts code points
-- (an emoji is one character), so on H2 the user-named columns get room for two units per character.
ALTER TABLE personalities ALTER COLUMN name SET DATA TYPE VARCHAR(510);
ALTER TABLE personalities ALTER COLUMN display_name SET DATA TYPE VARCHAR(510);
ALTER TABLE personas ALTER COLUMN name SET DATA TYPE VARCHAR(510);
ALTER TABLE personas ALTER COLUMN preferred_name SET DATA TYPE VARCHAR(510);
ALTER TABLE personas ALTER COLUMN pronouns SET DATA TYPE VARCHAR(200);
ALTER TABLE llm_configs ALTER COLUMN name SET DATA TYPE VARCHAR(510);
ALTER TABLE llm_configs ALTER COLUMN provider SET DATA TYPE VARCHAR(40);
ALTER TABLE personality_aliases ALTER COLUMN alias SET DATA TYPE VARCHAR(200);
