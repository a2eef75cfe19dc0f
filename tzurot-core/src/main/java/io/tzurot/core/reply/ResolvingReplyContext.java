package io.tzurot.core.reply;

import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.persona.ResolvedPersona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.preset.ResolvePreset;
import io.tzurot.core.preset.ResolvedPreset;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.memory.IncognitoSessions;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.core.user.User;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Step one of a reply: provisions the user, finds the character (with the access check), the persona, the
 * preset and settings cascades and the key. Either a full {@link ReplyContext} or the outcome to return.
 */
public final class ResolvingReplyContext {

    /** The result: resolved, or refused with the outcome that says why. */
    public sealed interface Resolution {
        /** Everything needed to generate. */
        record Resolved(ReplyContext context) implements Resolution {
        }

        /** No reply will be generated; the outcome explains. */
        record Refused(ReplyOutcome.Failed outcome) implements Resolution {
        }
    }

    private final GetOrCreateUser users;
    private final PersonalityRepository personalities;
    private final ResolvePersona personas;
    private final ResolvePreset presets;
    private final ResolveSettings settings;
    private final ResolvingCredentials credentials;
    private final Optional<IncognitoSessions> incognito;

    /** Without incognito sessions: only a request marked incognito keeps its exchange out of memory. */
    public ResolvingReplyContext(GetOrCreateUser users, PersonalityRepository personalities, ResolvePersona personas,
                                 ResolvePreset presets, ResolveSettings settings, ResolvingCredentials credentials) {
        this(users, personalities, personas, presets, settings, credentials, Optional.empty());
    }

    /** With the users' incognito sessions: a request from a user in one is handled as incognito. */
    public ResolvingReplyContext(GetOrCreateUser users, PersonalityRepository personalities, ResolvePersona personas,
                                 ResolvePreset presets, ResolveSettings settings, ResolvingCredentials credentials,
                                 Optional<IncognitoSessions> incognito) {
        this.incognito = Objects.requireNonNull(incognito, "incognito");
        this.users = Objects.requireNonNull(users, "users");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.presets = Objects.requireNonNull(presets, "presets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    public Resolution resolve(ReplyRequest request) {
        Speaker speaker = request.speaker();
        User user = users.execute(new DiscordUserProfile(speaker.discordId(), speaker.username(), speaker.displayName(),
                        null, false))
                .orElseThrow(() -> new IllegalStateException("bots never ask for replies"));
        Optional<Personality> found = personalities.lookup(request.personality(), Viewer.of(user));
        if (found.isEmpty()) {
            return refuse(request, Optional.empty(), ReplyOutcome.FailureKind.PERSONALITY_NOT_FOUND,
                    "I don't know a character called \"" + request.personality().strip() + "\" that you can talk to.");
        }
        Personality personality = found.get();
        ResolvedPersona persona = personas.resolve(user.id(), personality.id());
        ResolvedPreset preset = presets.resolve(user.id(), personality.id());
        ResolvedSettings resolvedSettings = settings.resolve(user.id(), personality.id(), request.channelId(),
                request.parentChannelId().orElse(null));
        Optional<ResolvingCredentials.Resolved> key = credentials.resolve(user.id(), preset);
        if (key.isEmpty()) {
            return refuse(request, Optional.of(personality), ReplyOutcome.FailureKind.NO_PROVIDER_KEY,
                    "No model provider key is set up yet: add your own key in the settings, or ask the operator to set"
                            + " TZUROT_LLM_API_KEY.");
        }
        // an incognito session is read here, once per reply, so the footer and the memory write agree
        ReplyRequest effective = !request.incognito() && incognito.flatMap(i -> i.covering(user.id(), personality.id()))
                .isPresent() ? request.asIncognito() : request;
        return new Resolution.Resolved(new ReplyContext(effective, user, personality, persona, key.get().preset(),
                resolvedSettings, key.get().credentials(), zoneOf(user)));
    }

    private static ZoneId zoneOf(User user) {
        try {
            return ZoneId.of(user.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Resolution refuse(ReplyRequest request, Optional<Personality> personality, ReplyOutcome.FailureKind kind,
                                     String message) {
        Optional<ReplyOutcome.PersonalityCard> card = personality.map(p -> new ReplyOutcome.PersonalityCard(
                p.id(), p.slug(), p.name(), p.displayName(), false));
        return new Resolution.Refused(new ReplyOutcome.Failed(request.requestId(), card, kind, message,
                ReferenceIds.next()));
    }
}
