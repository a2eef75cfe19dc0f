package io.tzurot.discord.character;

import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.cascade.EditingSettings.CharacterTier;
import io.tzurot.core.cascade.SettingTexts;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.dashboard.DashboardSpec;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /character settings}: the character's own tier of the settings cascade (what everyone talking to it gets
 * unless they set their own) on the shared dashboard, for its owner and the bot owner. Each section's modal takes
 * the settings as text (empty or {@code auto} inherits); the description shows what each setting resolves to and
 * which tier it comes from. Loading and saving go through {@link EditingSettings}, which refuses everyone else.
 */
final class CharacterSettingsDashboard implements DashboardSpec<CharacterTier> {

    /** The custom-id prefix, also the session's entity type. */
    static final String PREFIX = "character-settings";

    private static final Map<String, List<SettingKey>> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, String> LABELS = Map.of("history", "📜 History", "memory", "🧠 Memory",
            "display", "🏷️ Display");
    private static final Map<SettingKey, String> NAMES = new EnumMap<>(Map.of(
            SettingKey.MAX_MESSAGES, "Max messages (1-100)",
            SettingKey.MAX_AGE, "Max age (e.g. 2h, 1d, or off)",
            SettingKey.MAX_IMAGES, "Max images (0-20)",
            SettingKey.MEMORY_SCORE_THRESHOLD, "Memory relevance (0-1)",
            SettingKey.MEMORY_LIMIT, "Memories per reply (0-100)",
            SettingKey.FOCUS_MODE_ENABLED, "Focus mode (on/off)",
            SettingKey.SHOW_MODEL_FOOTER, "Model footer (on/off)"));
    private static final Map<SettingSource, String> SOURCES = Map.of(SettingSource.HARDCODED, "built-in",
            SettingSource.ADMIN, "bot-wide", SettingSource.PERSONALITY, "set here");

    static {
        SECTIONS.put("history", List.of(SettingKey.MAX_MESSAGES, SettingKey.MAX_AGE, SettingKey.MAX_IMAGES));
        SECTIONS.put("memory", List.of(SettingKey.MEMORY_SCORE_THRESHOLD, SettingKey.MEMORY_LIMIT,
                SettingKey.FOCUS_MODE_ENABLED));
        SECTIONS.put("display", List.of(SettingKey.SHOW_MODEL_FOOTER));
    }

    private final EditingSettings settings;

    CharacterSettingsDashboard(EditingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String command() {
        return "/character settings";
    }

    @Override
    public CharacterTier load(Caller caller, String slug) {
        return settings.characterTier(caller.actor(), slug);
    }

    @Override
    public String id(CharacterTier t) {
        return t.personality().slug();
    }

    @Override
    public String name(CharacterTier t) {
        return t.personality().shownName();
    }

    @Override
    public String title(CharacterTier t) {
        return "⚙️ Settings: " + t.personality().shownName();
    }

    @Override
    public String description(Caller caller, CharacterTier t) {
        StringBuilder text = new StringBuilder("Everyone talking to **" + t.personality().shownName() + "** gets these"
                + " unless they set their own. Leave a field empty (or type `auto`) to inherit; `default` uses the"
                + " built-in value.\n");
        for (List<SettingKey> keys : SECTIONS.values()) {
            for (SettingKey key : keys) {
                text.append("\n• ").append(NAMES.get(key).replaceAll(" \\(.*\\)$", "")).append(": **")
                        .append(SettingTexts.show(key, t.effective().value(key))).append("** (")
                        .append(SOURCES.getOrDefault(t.effective().sourceOf(key), "set here")).append(')');
            }
        }
        return text.toString();
    }

    @Override
    public List<Section> sections(Caller caller, CharacterTier t) {
        return SECTIONS.entrySet().stream().map(e -> new Section(e.getKey(), LABELS.get(e.getKey()), e.getValue()
                .stream().map(key -> new Field(key.jsonName(), NAMES.get(key), SettingTexts.show(key,
                        t.tier().get(key)), 20, false, false)).toList())).toList();
    }

    /** 🔧 when the section only inherits, ✏️ when this character sets something in it. */
    @Override
    public Optional<String> status(Section section) {
        return Optional.of(section.fields().stream().allMatch(f -> f.value().isEmpty()) ? "🔧" : "✏️");
    }

    @Override
    public CharacterTier save(Caller caller, String slug, String sectionId, Map<String, String> values) {
        Map<SettingKey, TierValue<?>> parsed = new EnumMap<>(SettingKey.class);
        values.forEach((name, text) -> SettingKey.fromJsonName(name).ifPresent(key ->
                parsed.put(key, SettingTexts.parse(key, text))));
        return settings.setCharacterTier(caller.actor(), slug, parsed);
    }
}
