package io.tzurot.discord.choices;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.discord.command.Caller;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * Character autocomplete (spec §2.0): the characters the caller may see (or, for editing, may edit) whose name,
 * display name or slug contains what they typed, as {@code [badges] Name (slug)}, at most 25, the value being the
 * slug. Badges: 🌐 public, 🔒 private to its owner.
 */
public final class CharacterChoices {

    /** Discord's limit on choices. */
    public static final int MAX = 25;

    private final ViewingPersonalities personalities;

    public CharacterChoices(ViewingPersonalities personalities) {
        this.personalities = Objects.requireNonNull(personalities, "personalities");
    }

    /** Characters the caller may see. */
    public List<Command.Choice> visible(Caller caller, String typed) {
        return choices(caller, typed, false);
    }

    /** Characters the caller may edit (owner, co-owner, bot owner). */
    public List<Command.Choice> editable(Caller caller, String typed) {
        return choices(caller, typed, true);
    }

    private List<Command.Choice> choices(Caller caller, String typed, boolean editableOnly) {
        String q = typed.toLowerCase(Locale.ROOT);
        return personalities.list(caller.actor()).stream()
                .filter(p -> matches(p, q))
                .filter(p -> !editableOnly || personalities.mayEdit(caller.actor(), p))
                .sorted(Comparator.comparing((Personality p) -> !p.ownerId().equals(caller.user().id()))
                        .thenComparing(p -> p.name().toLowerCase(Locale.ROOT)))
                .limit(MAX)
                .map(p -> new Command.Choice(label(p, caller), p.slug()))
                .toList();
    }

    /** {@code 🌐 Name (slug)} or {@code 🔒 Name (slug)}, at most 100 characters. */
    public static String label(Personality p, Caller caller) {
        String text = badge(p) + " " + p.shownName() + " (" + p.slug() + ")"
                + (p.ownerId().equals(caller.user().id()) ? " · yours" : "");
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }

    public static String badge(Personality p) {
        return p.isPublic() ? "🌐" : "🔒";
    }

    private static boolean matches(Personality p, String q) {
        return q.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(q) || p.slug().contains(q)
                || (p.displayName() != null && p.displayName().toLowerCase(Locale.ROOT).contains(q));
    }
}
