-- A denial may name a whole channel (the bot does not answer there; MUTE still lets what is said there be seen).
ALTER TABLE denylisted_entities DROP CONSTRAINT denylisted_entities_type_check;
ALTER TABLE denylisted_entities ADD CONSTRAINT denylisted_entities_type_check CHECK (type IN ('USER', 'GUILD', 'CHANNEL'));
