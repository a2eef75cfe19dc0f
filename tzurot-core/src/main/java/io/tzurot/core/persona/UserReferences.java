package io.tzurot.core.persona;

import io.tzurot.core.portability.ShapesPersonaMapping;
import io.tzurot.core.portability.ShapesPersonaMappingRepository;
import io.tzurot.core.user.UserRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces references to users in text with the persona name they present to a personality (pipeline.md §2.1
 * step 3, §6.2 step 6): {@code @[name](user:uuid)} from shapes.inc imports, Discord mentions {@code <@id>} /
 * {@code <@!id>}, and {@code @username}. Fenced code blocks are left untouched; unknown users stay as written
 * (a shapes reference falls back to the name inside its brackets, as the reference did).
 */
public final class UserReferences {

    private static final Logger LOG = LoggerFactory.getLogger(UserReferences.class);

    // One pass over all three shapes, so a name put in by one replacement is never read as another reference.
    // "@name" must not follow a word character (e-mail addresses) or '<' (a Discord mention).
    private static final Pattern REFERENCE = Pattern.compile(
            "@\\[([^\\]\\n]{1,100})\\]\\(user:([0-9a-fA-F-]{36})\\)"
                    + "|<@!?(\\d{17,20})>"
                    + "|(?<![\\w<])@(\\w(?:[\\w.]{0,30}\\w)?)(?!\\[)");
    private static final Pattern DISCORD_MENTION = Pattern.compile("<@!?(\\d{17,20})>");
    private static final String FENCE = "```";
    /** Most distinct users whose mentions are resolved in one message (spec/discord.md §4: a DoS cap). */
    public static final int MAX_MESSAGE_MENTIONS = 10;
    private static final UserReferences DISABLED = new UserReferences(null, null, null, null);

    private final UserRepository users;
    private final ResolvePersona personas;
    private final PersonaRepository personaRepository;
    private final ShapesPersonaMappingRepository shapes;

    public UserReferences(UserRepository users, ResolvePersona personas, PersonaRepository personaRepository,
                          ShapesPersonaMappingRepository shapes) {
        this.users = users;
        this.personas = personas;
        this.personaRepository = personaRepository;
        this.shapes = shapes;
    }

    /** A resolver that leaves every text as it is (for setups without user storage). */
    public static UserReferences disabled() {
        return DISABLED;
    }

    /** True when {@code text} may hold a reference; a cheap scan that lets most texts skip all work. */
    public static boolean mayContain(String text) {
        return text != null && text.indexOf('@') >= 0;
    }

    /** Resolution for one reply: lookups are remembered, users found in prompt text are collected. */
    public Scope scope(UUID personalityId, Optional<UUID> activePersonaId) {
        return new Scope(personalityId, Objects.requireNonNull(activePersonaId, "activePersonaId"));
    }

    /** The references of one reply to one personality; not thread-safe (a reply's stages run one after another). */
    public final class Scope {
        private final UUID personalityId;
        private final Optional<UUID> activePersonaId;
        private final Map<String, Optional<Persona>> lookups = new HashMap<>();
        private final Map<UUID, Persona> mentioned = new LinkedHashMap<>();

        private Scope(UUID personalityId, Optional<UUID> activePersonaId) {
            this.personalityId = personalityId;
            this.activePersonaId = activePersonaId;
        }

        /** Resolves references in prompt text; the users found (other than the speaker) become participants. */
        public String inPrompt(String text) {
            return resolve(text, true);
        }

        /**
         * Resolves the Discord user mentions {@code <@id>} of a message to {@code @PersonaName} (the persona the
         * user presents to this personality), for at most {@value #MAX_MESSAGE_MENTIONS} distinct users; those
         * users join the participants. Unknown users and any beyond the cap stay as written.
         */
        public String mentionsInMessage(String text) {
            if (users == null || text == null || text.indexOf("<@") < 0) {
                return text;
            }
            Matcher m = DISCORD_MENTION.matcher(text);
            StringBuilder out = new StringBuilder(text.length());
            Map<String, Boolean> counted = new HashMap<>();
            int last = 0;
            while (m.find()) {
                String discordId = m.group(1);
                if (!counted.containsKey(discordId) && counted.size() >= MAX_MESSAGE_MENTIONS) {
                    continue;
                }
                counted.put(discordId, Boolean.TRUE);
                Optional<Persona> persona = byDiscordId(discordId);
                out.append(text, last, m.start()).append(persona.map(p -> "@" + p.displayName()).orElse(m.group()));
                persona.filter(p -> !activePersonaId.equals(Optional.of(p.id())))
                        .ifPresent(p -> mentioned.putIfAbsent(p.id(), p));
                last = m.end();
            }
            return out.append(text, last, text.length()).toString();
        }

        /** The name a Discord user presents to this personality, if they have a persona. */
        public Optional<String> personaName(String discordId) {
            return persona(discordId).map(Persona::displayName);
        }

        /** The persona a Discord user presents to this personality, if they have one (looked up once per reply). */
        public Optional<Persona> persona(String discordId) {
            if (users == null || discordId == null) {
                return Optional.empty();
            }
            return byDiscordId(discordId);
        }

        private Optional<Persona> byDiscordId(String discordId) {
            return lookup("discord:" + discordId, () -> personas.resolveByDiscordId(discordId, personalityId).persona());
        }

        /** Resolves references in the model's output; nobody is added to the participants. */
        public String inOutput(String text) {
            return resolve(text, false);
        }

        /** Personas referenced by prompt text, in order of first mention, without the speaker's. */
        public List<Persona> mentioned() {
            return new ArrayList<>(mentioned.values());
        }

        private String resolve(String text, boolean collect) {
            if (users == null || !mayContain(text)) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length() + 16);
            int from = 0;
            while (from < text.length()) {
                int open = text.indexOf(FENCE, from);
                if (open < 0) {
                    replaceIn(text, from, text.length(), out, collect);
                    break;
                }
                replaceIn(text, from, open, out, collect);
                int close = text.indexOf(FENCE, open + FENCE.length());
                int end = close < 0 ? text.length() : close + FENCE.length(); // an unclosed fence runs to the end
                out.append(text, open, end);
                from = end;
            }
            return out.toString();
        }

        private void replaceIn(String text, int start, int end, StringBuilder out, boolean collect) {
            int at = text.indexOf('@', start);
            if (at < 0 || at >= end) {
                out.append(text, start, end);
                return;
            }
            Matcher m = REFERENCE.matcher(text).region(start, end);
            int last = start;
            while (m.find()) {
                out.append(text, last, m.start());
                out.append(replacement(m, collect));
                last = m.end();
            }
            out.append(text, last, end);
        }

        private String replacement(Matcher m, boolean collect) {
            Optional<Persona> persona;
            String fallback = m.group();
            if (m.group(2) != null) {
                persona = lookup("shapes:" + m.group(2).toLowerCase(Locale.ROOT), () -> byShapesId(m.group(2)));
                fallback = m.group(1);
            } else if (m.group(3) != null) {
                persona = byDiscordId(m.group(3));
            } else {
                String username = m.group(4);
                persona = lookup("user:" + username.toLowerCase(Locale.ROOT), () -> users.findByUsername(username)
                        .flatMap(user -> personas.resolveFor(user, personalityId).persona()));
            }
            if (persona.isEmpty()) {
                return fallback;
            }
            Persona p = persona.get();
            if (collect && !activePersonaId.equals(Optional.of(p.id()))) {
                mentioned.putIfAbsent(p.id(), p);
            }
            return p.displayName();
        }

        private Optional<Persona> lookup(String key, Supplier<Optional<Persona>> find) {
            return lookups.computeIfAbsent(key, k -> {
                try {
                    return find.get();
                } catch (RuntimeException e) {
                    // a reference is decoration: a failing lookup leaves it as written rather than failing the reply
                    LOG.warn("user reference {} not resolved: {}", k, e.getMessage());
                    return Optional.empty();
                }
            });
        }

        private Optional<Persona> byShapesId(String shapesUserId) {
            UUID id;
            try {
                id = UUID.fromString(shapesUserId);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return shapes.findByShapesUserId(id).map(ShapesPersonaMapping::personaId).flatMap(personaRepository::findById);
        }
    }
}
