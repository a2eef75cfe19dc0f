-- The bot owner's per-user rate limits (RateLimits), kept with the admin tier; null = the built-in defaults.
ALTER TABLE admin_settings ADD COLUMN rate_limits ${json};
