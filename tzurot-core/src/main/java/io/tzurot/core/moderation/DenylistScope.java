package io.tzurot.core.moderation;

/** Where a denylist entry applies: everywhere, or in one guild, channel or personality (named by the scope id). */
public enum DenylistScope {
    BOT, GUILD, CHANNEL, PERSONALITY
}
