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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tier of the settings cascade on the shared dashboard: a section per group of settings (context, memory,
 * display) with the tier's own values (empty = inherit), the effective values and their tiers in the
 * description, and a menu action that resets the whole tier. Reading and writing go through the tier's core
 * use case, which decides who may and what is valid.
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

        /** One line on whom the tier affects. */
        String intro(View view);
    }

    private static final Map<String, List<SettingKey>> GROUPS = new LinkedHashMap<>();
    private static final Map<String, String> GROUP_LABELS = Map.of("context", "📜 Context", "memory",
            "🧠 Memory", "display", "🏷️ Display");

    static {
        GROUPS.put("context", List.of(SettingKey.MAX_MESSAGES, SettingKey.MAX_AGE, SettingKey.MAX_IMAGES));
        GROUPS.put("memory", List.of(SettingKey.MEMORY_LIMIT, SettingKey.MEMORY_SCORE_THRESHOLD,
                SettingKey.FOCUS_MODE_ENABLED));
        GROUPS.put("display", List.of(SettingKey.SHOW_MODEL_FOOTER));
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
        StringBuilder text = new StringBuilder(tier.intro(view)).append("\n\n**In effect**\n");
        for (List<SettingKey> keys : GROUPS.values()) {
            for (SettingKey key : keys) {
                if (tier.allows(key)) {
                    SettingSource source = view.effective().sourceOf(key);
                    text.append(emoji(key)).append(' ').append(label(key)).append(": **")
                            .append(SettingTexts.show(key, view.effective().value(key))).append("** · ")
                            .append(view.overrides().get(key).isPresent() ? "set here" : "⚪ auto (" + source.wireName() + ")")
                            .append('\n');
                }
            }
        }
        return text.append("\nEmpty or `auto` inherits; ages take `30m`, `2h`, `1d` or `off`; switches `on` or `off`.")
                .toString();
    }

    @Override
    public List<Section> sections(Caller caller, View view) {
        List<Section> sections = new ArrayList<>();
        GROUPS.forEach((group, keys) -> {
            List<Field> fields = keys.stream().filter(tier::allows).map(key -> new Field(key.jsonName(),
                    label(key) + " " + range(key), SettingTexts.show(key, view.overrides().get(key)), 20, false, false))
                    .toList();
            if (!fields.isEmpty()) {
                sections.add(new Section(group, GROUP_LABELS.get(group), fields));
            }
        });
        return sections;
    }

    @Override
    public List<Action> actions(Caller caller, View view) {
        return List.of(new Action("reset", "↩️ Reset all to auto", "Inherit every setting from the tiers below"));
    }

    @Override
    public View save(Caller caller, String id, String sectionId, Map<String, String> values) {
        Map<SettingKey, TierValue<?>> changes = new LinkedHashMap<>();
        for (SettingKey key : GROUPS.getOrDefault(sectionId, List.of())) {
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

    private static String label(SettingKey key) {
        return switch (key) {
            case MAX_MESSAGES -> "Max messages";
            case MAX_AGE -> "Max age";
            case MAX_IMAGES -> "Max images";
            case MEMORY_LIMIT -> "Memories recalled";
            case MEMORY_SCORE_THRESHOLD -> "Memory similarity";
            case FOCUS_MODE_ENABLED -> "Focus mode";
            case SHOW_MODEL_FOOTER -> "Model footer";
        };
    }

    private static String range(SettingKey key) {
        return switch (key) {
            case MAX_MESSAGES -> "(1-100)";
            case MAX_AGE -> "(30m, 2h, 1d, off)";
            case MAX_IMAGES -> "(0-20)";
            case MEMORY_LIMIT -> "(0-100, 0 = off)";
            case MEMORY_SCORE_THRESHOLD -> "(0-1)";
            case FOCUS_MODE_ENABLED, SHOW_MODEL_FOOTER -> "(on/off)";
        };
    }

    private static String emoji(SettingKey key) {
        return switch (key) {
            case MAX_MESSAGES -> "💬";
            case MAX_AGE -> "⏱️";
            case MAX_IMAGES -> "🖼️";
            case MEMORY_LIMIT -> "🧠";
            case MEMORY_SCORE_THRESHOLD -> "🎯";
            case FOCUS_MODE_ENABLED -> "🔕";
            case SHOW_MODEL_FOOTER -> "🏷️";
        };
    }
}
