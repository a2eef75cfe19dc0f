-- The scenes' loop guard: how many character turns one character's post may chain, one after another, before a
-- person speaks again (0 = characters never answer each other's posts).
ALTER TABLE scene_limits ADD COLUMN max_chain INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE scene_limits ADD CONSTRAINT scene_limits_max_chain_check CHECK (max_chain BETWEEN 0 AND 10);
