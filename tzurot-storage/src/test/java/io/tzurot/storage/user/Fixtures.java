package io.tzurot.storage.user;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.preset.JdbiPresetRepository;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/** Creates the users, personalities and presets other contract suites need, with unique natural keys. */
public final class Fixtures {

    private static final AtomicLong NEXT_SNOWFLAKE = new AtomicLong(300_000_000_000_000_000L);

    private final JdbiUserRepository users;
    private final JdbiPersonalityRepository personalities;
    private final JdbiPresetRepository presets;

    public Fixtures(Jdbi jdbi, Clock clock) {
        this.users = new JdbiUserRepository(jdbi, clock);
        this.personalities = new JdbiPersonalityRepository(jdbi, clock);
        this.presets = new JdbiPresetRepository(jdbi, clock);
    }

    /** A fresh Discord id no other fixture uses. */
    public static String snowflake() {
        return Long.toString(NEXT_SNOWFLAKE.incrementAndGet());
    }

    public User user(String name) {
        return users.getOrCreate(new DiscordUserProfile(snowflake(), name, null, null, false), false);
    }

    public User botOwner(String name) {
        return users.getOrCreate(new DiscordUserProfile(snowflake(), name, null, null, false), true);
    }

    public Personality personality(User owner, String slug, String name, boolean isPublic) {
        return personalities.create(owner.id(), PersonalityDraft.of(name, slug, "A character called " + name, "curious").withPublic(isPublic));
    }

    public Preset preset(User owner, String name, String model, boolean global) {
        return presets.create(owner.id(), PresetDraft.of(name, model).withGlobal(global));
    }
}
