-- The channel tier of the settings cascade (between the personality's and the user's own tiers): the same
-- config-overrides JSON as the other tiers, absent keys inherit, a null value clears. NULL = the channel sets
-- nothing. A thread without a tier of its own follows its parent channel's.
ALTER TABLE channel_settings ADD COLUMN config_overrides ${json};
