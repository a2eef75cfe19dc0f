package io.tzurot.discord.trigger;

import io.tzurot.core.messaging.EphemeralKeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The age-verification prompts the bot posted to each user, deleted once the user verifies (spec/discord.md §4:
 * {@code nsfw:verification:pending:{userId}}, kept {@value #KEEP_DAYS} days). Held in the shared key store when
 * there is one, so the process that sees the verification can delete a prompt another process posted.
 */
public final class VerificationPrompts {

    static final int KEEP_DAYS = 14;
    private static final Duration KEEP = Duration.ofDays(KEEP_DAYS);
    private static final int MAX_PER_USER = 20;
    private static final Logger LOG = LoggerFactory.getLogger(VerificationPrompts.class);

    private final Optional<EphemeralKeyStore> keys;
    /** Without a shared store: this process's own prompts. */
    private final Map<String, String> local = new ConcurrentHashMap<>();

    public VerificationPrompts(Optional<EphemeralKeyStore> keys) {
        this.keys = keys;
    }

    /** Notes the prompt(s) just posted to {@code userId}. */
    public void remember(String userId, List<Message> sent) {
        if (sent.isEmpty()) {
            return;
        }
        List<String> entries = new ArrayList<>(read(userId));
        sent.forEach(m -> entries.add(m.getChannel().getId() + ":" + m.getId()));
        String value = String.join(",", entries.subList(Math.max(0, entries.size() - MAX_PER_USER), entries.size()));
        try {
            if (keys.isPresent()) {
                keys.get().set(key(userId), value, KEEP);
            } else {
                local.put(userId, value);
            }
        } catch (RuntimeException e) {
            LOG.warn("verification prompt of user {} not remembered: {}", userId, e.getMessage());
        }
    }

    /** Deletes every prompt posted to {@code userId} (the user has just verified), wherever it was posted. */
    public void deleteAll(String userId, JDA jda) {
        List<String> entries = read(userId);
        if (entries.isEmpty()) {
            return;
        }
        try {
            keys.ifPresentOrElse(k -> k.delete(key(userId)), () -> local.remove(userId));
        } catch (RuntimeException e) {
            LOG.warn("verification prompts of user {} not forgotten: {}", userId, e.getMessage());
        }
        for (String entry : entries) {
            String[] parts = entry.split(":", 2);
            if (parts.length != 2) {
                continue;
            }
            MessageChannel channel = jda.getChannelById(MessageChannel.class, parts[0]);
            if (channel != null) {
                channel.deleteMessageById(parts[1]).queue(ok -> { }, error -> { });
            } else {
                // a DM that is not cached: open it again (the same channel) to delete there
                jda.retrieveUserById(userId).flatMap(User::openPrivateChannel)
                        .flatMap(dm -> dm.deleteMessageById(parts[1])).queue(ok -> { }, error -> { });
            }
        }
    }

    private List<String> read(String userId) {
        try {
            Optional<String> value = keys.isPresent() ? keys.get().get(key(userId)) : Optional.ofNullable(local.get(userId));
            return value.filter(v -> !v.isBlank()).map(v -> Arrays.asList(v.split(","))).orElse(List.of());
        } catch (RuntimeException e) {
            LOG.warn("verification prompts of user {} not read: {}", userId, e.getMessage());
            return List.of();
        }
    }

    private static String key(String userId) {
        return "nsfw:verification:pending:" + userId;
    }
}
