package io.tzurot.core.webchannel;

import io.tzurot.core.access.Actor;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Which channel a web caller may use. A web conversation belongs to the user who created it and nobody else
 * (the bot owner included: it is a private conversation); a Discord channel is never usable from the web,
 * because membership cannot be proven there. Both refusals look like a missing channel.
 */
public final class WebConversations {

    /** Most web channels one user may keep. */
    public static final int MAX_CHANNELS_PER_USER = 100;

    private final WebChannelRepository channels;
    private final Clock clock;

    public WebConversations(WebChannelRepository channels, Clock clock) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The user's default channel, made on first use. A user who already talked in the channel derived from
     * their id (before channels had owners) keeps it, so their conversation goes on; everyone else gets a
     * random id.
     */
    public WebChannel defaultFor(UUID userId) {
        Optional<WebChannel> existing = channels.findDefault(userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String legacy = WebChannelIds.legacyDefault(userId);
        boolean adopt = channels.find(legacy).isEmpty() && channels.hasHistory(legacy);
        WebChannel fresh = new WebChannel(adopt ? legacy : WebChannelIds.random(), userId, true, clock.instant());
        if (channels.insert(fresh)) {
            return fresh;
        }
        // a concurrent first request made it; theirs wins
        return channels.findDefault(userId).orElseThrow(() -> new IllegalStateException(
                "the default web channel of " + userId + " was neither stored nor found"));
    }

    /** A new channel for the user, with a fresh random id. */
    public WebChannel create(UUID userId) {
        if (channels.countByOwner(userId) >= MAX_CHANNELS_PER_USER) {
            throw new TooManyChannelsException(MAX_CHANNELS_PER_USER);
        }
        defaultFor(userId);
        while (true) {
            WebChannel channel = new WebChannel(WebChannelIds.random(), userId, false, clock.instant());
            if (channels.insert(channel)) {
                return channel;
            }
        }
    }

    /** The user's channels, the default first (made now if they had none). */
    public List<WebChannel> list(UUID userId) {
        WebChannel fallback = defaultFor(userId);
        List<WebChannel> all = channels.listByOwner(userId);
        return Stream.concat(Stream.of(fallback),
                all.stream().filter(c -> !c.id().equals(fallback.id()))).toList();
    }

    /**
     * The channel the actor talks in or reads: their default when they name none, else the named one when it is
     * their own web channel.
     *
     * @throws ChannelNotFoundException for anything else: unknown, someone else's, or a Discord channel
     */
    public String usable(Actor actor, Optional<String> requested) {
        if (requested.isEmpty()) {
            return defaultFor(actor.userId()).id();
        }
        String id = requested.get();
        if (id.isEmpty() || id.length() > WebChannelIds.MAX_LENGTH || WebChannelIds.looksLikeDiscord(id)) {
            throw new ChannelNotFoundException(id);
        }
        if (id.equals(WebChannelIds.legacyDefault(actor.userId()))) {
            // the user's own old default, perhaps not yet adopted: adopting it makes it theirs for good
            WebChannel own = defaultFor(actor.userId());
            if (own.id().equals(id)) {
                return id;
            }
        }
        return channels.find(id).filter(c -> c.ownerId().equals(actor.userId())).map(WebChannel::id)
                .orElseThrow(() -> new ChannelNotFoundException(id));
    }

    /**
     * Whether the actor may read what was recorded in this channel (a diagnostic record of their own reply): a
     * Discord channel they spoke in, or one of their own web channels; the bot owner reads every record.
     */
    public boolean mayReadRecordIn(Actor actor, String channelId) {
        if (actor.owner() || channelId == null || WebChannelIds.looksLikeDiscord(channelId)) {
            return true;
        }
        return channels.find(channelId).map(c -> c.ownerId().equals(actor.userId()))
                .orElse(channelId.equals(WebChannelIds.legacyDefault(actor.userId())));
    }
}
