package io.tzurot.core.userdata;

import io.tzurot.core.apikey.ApiKey;
import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryPage;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.AuthorsNoteRepository;
import io.tzurot.core.notes.NoteScope;
import io.tzurot.core.notes.UserPrompt;
import io.tzurot.core.notes.UserPromptRepository;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.portability.preset.ReferencePresetJson;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the ZIP of a user's whole data: {@code user.json}, {@code settings.json} (defaults and per-character
 * choices), {@code personas.json}, {@code presets/*.json} (the reference's preset JSON), {@code characters/{slug}/}
 * (the user's own characters, as {@link CharacterFiles} writes them), {@code memories.json} and
 * {@code history.json} (with their dates), and {@code api-keys.json} (providers only, never a secret).
 */
public final class UserDataArchive {

    private static final int PAGE = 500;
    // the memory store pages at most 100 rows
    private static final int MEMORY_PAGE = 100;

    /** The stores the archive reads. */
    public record Sources(UserRepository users, PersonaRepository personas, PresetRepository presets,
                          PersonalityRepository personalities, MemoryRepository memories,
                          ConversationHistoryRepository history, UserPersonalityConfigRepository perCharacter,
                          ApiKeyRepository apiKeys, Optional<AuthorsNoteRepository> authorsNotes,
                          Optional<UserPromptRepository> userPrompts) {
        public Sources {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(personas, "personas");
            Objects.requireNonNull(presets, "presets");
            Objects.requireNonNull(personalities, "personalities");
            Objects.requireNonNull(memories, "memories");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(perCharacter, "perCharacter");
            Objects.requireNonNull(apiKeys, "apiKeys");
            authorsNotes = Objects.requireNonNullElse(authorsNotes, Optional.empty());
            userPrompts = Objects.requireNonNullElse(userPrompts, Optional.empty());
        }

        /** Sources without author's notes and user prompts (the archive then leaves their files out). */
        public Sources(UserRepository users, PersonaRepository personas, PresetRepository presets,
                       PersonalityRepository personalities, MemoryRepository memories,
                       ConversationHistoryRepository history, UserPersonalityConfigRepository perCharacter,
                       ApiKeyRepository apiKeys) {
            this(users, personas, presets, personalities, memories, history, perCharacter, apiKeys, Optional.empty(),
                    Optional.empty());
        }
    }

    private final Sources s;
    private final CharacterFiles characterFiles;
    private final Clock clock;

    public UserDataArchive(Sources sources, CharacterFiles characterFiles, Clock clock) {
        this.s = Objects.requireNonNull(sources, "sources");
        this.characterFiles = Objects.requireNonNull(characterFiles, "characterFiles");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The archive of {@code userId}, reporting {@code progress(percent, step)} as it goes.
     *
     * @return the ZIP and a summary of what it holds (counts by kind)
     */
    public Built build(UUID userId, BiConsumer<Integer, String> progress) {
        User user = s.users().findById(userId).orElseThrow(() -> new IllegalStateException("user " + userId + " is gone"));
        Map<String, Object> summary = new LinkedHashMap<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            progress.accept(5, "account");
            put(zip, "README.txt", readme().getBytes(StandardCharsets.UTF_8));
            put(zip, "user.json", json(userJson(user)));
            List<Personality> owned = s.personalities().listVisible(new Viewer(userId, false)).stream()
                    .filter(p -> p.ownerId().equals(userId)).toList();
            Map<UUID, String> slugs = new HashMap<>();
            owned.forEach(p -> slugs.put(p.id(), p.slug()));
            put(zip, "settings.json", json(settings(user, slugs)));
            List<Persona> personas = s.personas().listByOwner(userId);
            put(zip, "personas.json", json(personas.stream().map(UserDataArchive::persona).toList()));
            summary.put("personas", personas.size());

            progress.accept(15, "presets");
            List<Preset> presets = s.presets().listSelectableBy(userId).stream().filter(p -> p.ownerId().equals(userId))
                    .toList();
            Set<String> names = new HashSet<>();
            for (Preset p : presets) {
                put(zip, "presets/" + unique(names, fileName(p.name())) + ".json", json(ReferencePresetJson.of(p)));
            }
            summary.put("presets", presets.size());

            progress.accept(25, "characters");
            for (Personality p : owned) {
                for (Map.Entry<String, byte[]> f : characterFiles.filesOf(p, s.personalities().avatar(p.id())).entrySet()) {
                    put(zip, "characters/" + p.slug() + "/" + f.getKey(), f.getValue());
                }
            }
            summary.put("characters", owned.size());
            for (Map.Entry<String, byte[]> f : characterFiles.userFiles(userId).entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }

            progress.accept(45, "memories");
            List<Map<String, Object>> memories = new ArrayList<>();
            for (Persona persona : personas) {
                for (int offset = 0; ; offset += MEMORY_PAGE) {
                    MemoryPage page = s.memories().list(persona.id(), Optional.empty(), offset, MEMORY_PAGE);
                    page.items().forEach(m -> memories.add(memory(m, slugOf(m.personalityId(), slugs))));
                    if (page.items().size() < MEMORY_PAGE) {
                        break;
                    }
                }
            }
            put(zip, "memories.json", json(memories));
            summary.put("memories", memories.size());

            progress.accept(70, "history");
            List<Map<String, Object>> messages = new ArrayList<>();
            for (Persona persona : personas) {
                for (int offset = 0; ; offset += PAGE) {
                    List<HistoryMessage> page = s.history().listOfPersona(persona.id(), offset, PAGE);
                    page.forEach(m -> messages.add(message(m)));
                    if (page.size() < PAGE) {
                        break;
                    }
                }
            }
            put(zip, "history.json", json(messages));
            summary.put("messages", messages.size());

            progress.accept(85, "notes");
            if (s.authorsNotes().isPresent()) {
                List<Map<String, Object>> notes = s.authorsNotes().get().ofUser(userId).stream()
                        .map(n -> authorsNote(n, anySlug(n.scope() instanceof NoteScope.User u
                                ? u.personalityId().orElse(null) : null, slugs))).toList();
                put(zip, "authors-notes.json", json(notes));
                summary.put("authorsNotes", notes.size());
            }
            if (s.userPrompts().isPresent()) {
                List<Map<String, Object>> prompts = s.userPrompts().get().ofUser(userId).stream()
                        .map(p -> userPrompt(p, anySlug(p.personalityId().orElse(null), slugs))).toList();
                put(zip, "user-prompts.json", json(prompts));
                summary.put("userPrompts", prompts.size());
            }

            progress.accept(90, "api keys");
            List<Map<String, Object>> keys = new ArrayList<>();
            for (ApiKey k : s.apiKeys().list(userId)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("provider", k.provider());
                m.put("active", k.active());
                m.put("createdAt", k.createdAt());
                m.put("lastUsedAt", k.lastUsedAt());
                keys.add(m);
            }
            put(zip, "api-keys.json", json(keys));
            summary.put("apiKeys", keys.size());
        } catch (IOException e) {
            throw new UncheckedIOException("the export archive could not be written", e);
        }
        return new Built(bytes.toByteArray(), summary);
    }

    /** A finished archive and what it holds. */
    public record Built(byte[] zip, Map<String, Object> summary) {
    }

    /** The slug of any character (a note or prompt may be for someone else's); null for "every character". */
    private String anySlug(UUID personalityId, Map<UUID, String> slugs) {
        if (personalityId == null) {
            return null;
        }
        return slugs.computeIfAbsent(personalityId, id -> s.personalities().findById(id).map(Personality::slug)
                .orElse(id.toString()));
    }

    private static String slugOf(UUID personalityId, Map<UUID, String> slugs) {
        return slugs.get(personalityId);
    }

    private Map<String, Object> userJson(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("discordId", u.discordId());
        m.put("username", u.username());
        m.put("timezone", u.timezone());
        m.put("nsfwVerified", u.nsfwVerified());
        m.put("nsfwVerifiedAt", u.nsfwVerifiedAt());
        m.put("createdAt", u.createdAt());
        m.put("exportedAt", clock.instant());
        return m;
    }

    private Map<String, Object> settings(User u, Map<UUID, String> ownSlugs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("defaultPersonaId", u.defaultPersonaId());
        m.put("defaultPresetId", u.defaultPresetId());
        m.put("configDefaults", s.users().configDefaults(u.id()).toEntries());
        List<Map<String, Object>> per = new ArrayList<>();
        for (UserPersonalityConfig c : s.perCharacter().listByUser(u.id())) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("personalityId", c.personalityId());
            one.put("personalitySlug", Optional.ofNullable(ownSlugs.get(c.personalityId()))
                    .or(() -> s.personalities().findById(c.personalityId()).map(Personality::slug)).orElse(null));
            one.put("personaId", c.personaId());
            one.put("presetId", c.presetId());
            one.put("configOverrides", c.configOverrides().toEntries());
            per.add(one);
        }
        m.put("perCharacter", per);
        return m;
    }

    private static Map<String, Object> persona(Persona p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("preferredName", p.preferredName());
        m.put("pronouns", p.pronouns());
        m.put("description", p.description());
        m.put("content", p.content());
        m.put("shareLtmAcrossPersonalities", p.shareLtmAcrossPersonalities());
        m.put("createdAt", p.createdAt());
        m.put("updatedAt", p.updatedAt());
        return m;
    }

    private static Map<String, Object> memory(Memory x, String ownSlug) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("personaId", x.personaId());
        m.put("personalityId", x.personalityId());
        if (ownSlug != null) {
            m.put("personalitySlug", ownSlug);
        }
        m.put("content", x.content());
        m.put("createdAt", x.createdAt());
        m.put("updatedAt", x.updatedAt());
        m.put("locked", x.locked());
        m.put("visibility", x.visibility());
        m.put("summarized", x.summarized());
        m.put("channelId", x.channelId());
        m.put("guildId", x.guildId());
        m.put("sourceSystem", x.sourceSystem());
        m.put("type", x.type()); // "summary" for a long-term-memory summary
        if (x.isSummary()) {
            m.put("originals", x.originalMessageCount());
            m.put("coversFrom", x.coversFrom());
            m.put("coversUntil", x.coversUntil());
        }
        if (x.summarizedBy() != null) {
            m.put("summarizedBy", x.summarizedBy());
        }
        return m;
    }

    private static Map<String, Object> message(HistoryMessage x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("personaId", x.personaId());
        m.put("personalityId", x.personalityId());
        m.put("channelId", x.channelId());
        m.put("guildId", x.guildId());
        m.put("role", x.role().toString().toLowerCase(java.util.Locale.ROOT));
        m.put("content", x.content());
        m.put("createdAt", x.createdAt());
        m.put("editedAt", x.editedAt());
        m.put("deletedAt", x.deletedAt());
        return m;
    }

    private static Map<String, Object> authorsNote(AuthorsNote n, String slug) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personality", slug);
        m.put("content", n.content());
        m.put("depth", n.depth());
        m.put("role", n.role().wireName());
        m.put("frequency", n.frequency());
        m.put("updatedAt", n.updatedAt());
        return m;
    }

    private static Map<String, Object> userPrompt(UserPrompt p, String slug) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personality", slug);
        m.put("content", p.content());
        m.put("updatedAt", p.updatedAt());
        return m;
    }

    private static String readme() {
        return "Tzurot data export\n\n"
                + "user.json        your account: Discord id, name, time zone\n"
                + "settings.json    default persona and preset, setting overrides, per-character choices\n"
                + "personas.json    your personas\n"
                + "presets/         your presets, in the preset file format (importable)\n"
                + "characters/      the characters you created: the Tzurot JSON, the SillyTavern card (JSON and PNG),\n"
                + "                 the avatar and attached lorebooks of each\n"
                + "lorebooks/       your own lorebooks (SillyTavern world info)\n"
                + "memories.json    long-term memories, with their dates\n"
                + "history.json     conversation history, with dates\n"
                + "authors-notes.json  your own author's notes (personality null: for every character)\n"
                + "user-prompts.json   your user prompts (personality null: for every character)\n"
                + "api-keys.json    the providers you stored keys for (the keys themselves are never exported)\n";
    }

    private static byte[] json(Object value) {
        return JsonWriter.write(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream zip, String path, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(data);
        zip.closeEntry();
    }

    private static String fileName(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "preset" : s.length() > 60 ? s.substring(0, 60) : s;
    }

    private static String unique(Set<String> taken, String base) {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
