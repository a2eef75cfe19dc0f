package io.tzurot.discord.character;

import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.discord.browse.BrowseSpec;
import io.tzurot.discord.browse.BrowseView;
import io.tzurot.discord.command.Caller;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The characters a caller may see (spec §2.1 browse): their own first, then the others, by name; filters
 * {@code all}, {@code mine} and {@code public}; 15 a page.
 */
final class CharacterBrowse implements BrowseSpec<Personality> {

    private final ViewingPersonalities viewing;

    CharacterBrowse(ViewingPersonalities viewing) {
        this.viewing = Objects.requireNonNull(viewing, "viewing");
    }

    @Override
    public String prefix() {
        return "character";
    }

    @Override
    public String title() {
        return "🎭 Characters";
    }

    @Override
    public List<String> filters() {
        return List.of("all", "mine", "public");
    }

    @Override
    public int pageSize() {
        return 15;
    }

    @Override
    public List<Personality> items(Caller caller, String filter, String query) {
        return viewing.list(caller.actor()).stream()
                .filter(p -> switch (filter) {
                    case "mine" -> p.ownerId().equals(caller.user().id());
                    case "public" -> p.isPublic();
                    default -> true;
                })
                .filter(p -> BrowseView.matches(query, p.name(), p.displayName(), p.slug()))
                .sorted(Comparator.comparing((Personality p) -> !p.ownerId().equals(caller.user().id()))
                        .thenComparing(p -> p.shownName().toLowerCase(Locale.ROOT)))
                .toList();
    }

    @Override
    public String line(Personality p) {
        return CharacterChoices.badge(p) + " **" + p.shownName() + "** (`" + p.slug() + "`)";
    }

    @Override
    public String label(Personality p) {
        return CharacterChoices.badge(p) + " " + p.shownName();
    }

    @Override
    public String value(Personality p) {
        return p.slug();
    }

    @Override
    public String emptyText(String filter, String query) {
        return query.isEmpty() && filter.equals("mine") ? "You have no characters yet: create one with"
                + " `/character create`." : BrowseSpec.super.emptyText(filter, query);
    }
}
