package io.tzurot.discord.tiers;

import io.tzurot.core.cascade.SettingTexts;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.dashboard.DashboardSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tier of the settings cascade on the shared dashboard, for every tier a command edits (a character's, a
 * channel's, the user's own defaults): a section per group of settings (history, memory, display) whose modal
 * takes the tier's own values as text (empty or {@code auto} inherits, {@code default} uses the built-in value;
 * read by core's {@link SettingTexts}), the effective values and their tiers in the description, and a menu action
 * that resets the whole tier. Reading and writing go through the tier's core use case, which decides who may and
 * what is valid.
 */
public final class TierDashboard implements DashboardSpec<TierDashboard.View> {

    /** A tier as shown: its own statements, and what they resolve to. */
    public record View(String id, String name, ConfigOverrides overrides, ResolvedSettings effective) {
        public View {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(overrides, "overrides");
            Objects.requireNonNull(effective, "effective");
        }
    }

    /** The tier's use case, seen from Discord. */
    public interface Tier {
        /** The tier the caller may see; a domain error when they may not. */
        View load(Caller caller, String id);

        /** Applies per-setting changes (inherit removes a setting) and returns the tier afterwards. */
        View edit(Caller caller, String id, Map<SettingKey, TierValue<?>> changes);

        /** Clears the whole tier. */
        View reset(Caller caller, String id);

        /** Whether this tier may hold the setting. */
        boolean allows(SettingKey key);

        /** The cascade tier this dashboard edits (its values read "set here"). */
        SettingSource source();

        /** One sentence on whom the tier affects. */
        String intro(View view);
    }

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
    private static final Map<SettingSource, String> SOURCES = new EnumMap<>(Map.of(
            SettingSource.HARDCODED, "built-in", SettingSource.ADMIN, "bot-wide",
            SettingSource.PERSONALITY, "the character's", SettingSource.CHANNEL, "this channel's",
            SettingSource.USER_DEFAULT, "your default", SettingSource.USER_PERSONALITY, "yours for this character"));

    static {
        SECTIONS.put("history", List.of(SettingKey.MAX_MESSAGES, SettingKey.MAX_AGE, SettingKey.MAX_IMAGES));
        SECTIONS.put("memory", List.of(SettingKey.MEMORY_SCORE_THRESHOLD, SettingKey.MEMORY_LIMIT,
                SettingKey.FOCUS_MODE_ENABLED));
        SECTIONS.put("display", List.of(SettingKey.SHOW_MODEL_FOOTER));
    }

    private final String prefix;
    private final String command;
    private final Tier tier;

    /**
     * @param prefix  custom-id prefix and session type, e.g. {@code chsettings}
     * @param command the command that opens it, e.g. {@code /channel settings}
     */
    public TierDashboard(String prefix, String command, Tier tier) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.command = Objects.requireNonNull(command, "command");
        this.tier = Objects.requireNonNull(tier, "tier");
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public String command() {
        return command;
    }

    @Override
    public View load(Caller caller, String id) {
        return tier.load(caller, id);
    }

    @Override
    public String id(View view) {
        return view.id();
    }

    @Override
    public String name(View view) {
        return view.name();
    }

    @Override
    public String title(View view) {
        return "⚙️ Settings: " + view.name();
    }

    @Override
    public String description(Caller caller, View view) {
        StringBuilder text = new StringBuilder(tier.intro(view)).append(" Leave a field empty (or type `auto`) to"
                + " inherit; `default` uses the built-in value.\n");
        for (List<SettingKey> keys : SECTIONS.values()) {
            for (SettingKey key : keys) {
                if (tier.allows(key)) {
                    SettingSource source = view.effective().sourceOf(key);
                    text.append("\n• ").append(NAMES.get(key).replaceAll(" \\(.*\\)$", "")).append(": **")
                            .append(SettingTexts.show(key, view.effective().value(key))).append("** (")
                            .append(source == tier.source() ? "set here" : SOURCES.get(source)).append(')');
                }
            }
        }
        return text.toString();
    }

    @Override
    public List<Section> sections(Caller caller, View view) {
        List<Section> sections = new ArrayList<>();
        SECTIONS.forEach((id, keys) -> {
            List<Field> fields = keys.stream().filter(tier::allows).map(key -> new Field(key.jsonName(),
                    NAMES.get(key), SettingTexts.show(key, view.overrides().get(key)), 20, false, false)).toList();
            if (!fields.isEmpty()) {
                sections.add(new Section(id, LABELS.get(id), fields));
            }
        });
        return sections;
    }

    /** 🔧 when the section only inherits, ✏️ when this tier sets something in it. */
    @Override
    public Optional<String> status(Section section) {
        return Optional.of(section.fields().stream().allMatch(f -> f.value().isEmpty()) ? "🔧" : "✏️");
    }

    @Override
    public List<Action> actions(Caller caller, View view) {
        return List.of(new Action("reset", "↩️ Reset all to auto", "Inherit every setting from the tiers below"));
    }

    @Override
    public View save(Caller caller, String id, String sectionId, Map<String, String> values) {
        Map<SettingKey, TierValue<?>> changes = new LinkedHashMap<>();
        for (SettingKey key : SECTIONS.getOrDefault(sectionId, List.of())) {
            if (tier.allows(key) && values.containsKey(key.jsonName())) {
                changes.put(key, SettingTexts.parse(key, values.get(key.jsonName())));
            }
        }
        return tier.edit(caller, id, changes);
    }

    @Override
    public View act(Caller caller, String id, String actionId, ComponentCall call) {
        if (!actionId.equals("reset")) {
            throw new IllegalArgumentException("no action " + actionId);
        }
        return tier.reset(caller, id);
    }
}
