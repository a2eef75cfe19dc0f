package io.tzurot.core.reply;

import io.tzurot.core.persona.ResolvedPersona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.preset.ResolvedPreset;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.user.User;
import java.time.ZoneId;
import java.util.Objects;

/** Everything resolved about who asks whom, with which preset, settings and key. */
public record ReplyContext(ReplyRequest request, User user, Personality personality, ResolvedPersona persona,
                           ResolvedPreset preset, ResolvedSettings settings, Credentials credentials, ZoneId zone) {

    public ReplyContext {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(personality, "personality");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(zone, "zone");
    }

    /** The card platforms use to show the character. */
    public ReplyOutcome.PersonalityCard card(boolean hasAvatar) {
        return new ReplyOutcome.PersonalityCard(personality.id(), personality.slug(), personality.name(),
                personality.displayName(), hasAvatar);
    }

    /** The name the speaker goes by in this conversation: persona preferred name, else the platform name. */
    public String speakerName() {
        return persona.persona().map(p -> p.displayName()).orElse(request.speaker().displayName());
    }
}
