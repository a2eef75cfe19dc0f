package io.tzurot.testkit.discord.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A guild text channel with its permission overwrites. */
public record SimTextChannel(long id, long guildId, String name, int position, String topic, boolean nsfw,
                             List<PermissionOverwrite> overwrites) implements SimChannel {

    public SimTextChannel {
        Objects.requireNonNull(name, "name");
        overwrites = List.copyOf(overwrites);
    }

    @Override
    public int typeCode() {
        return 0;
    }

    @Override
    public Optional<Long> guild() {
        return Optional.of(guildId);
    }

    public SimTextChannel withTopic(String newTopic) {
        return new SimTextChannel(id, guildId, name, position, newTopic, nsfw, overwrites);
    }

    /** This channel with the overwrite for {@code overwrite.targetId()} replaced (or added). */
    public SimTextChannel withOverwrite(PermissionOverwrite overwrite) {
        List<PermissionOverwrite> next = new java.util.ArrayList<>(overwrites.stream()
                .filter(o -> o.targetId() != overwrite.targetId()).toList());
        next.add(overwrite);
        return new SimTextChannel(id, guildId, name, position, topic, nsfw, next);
    }
}
