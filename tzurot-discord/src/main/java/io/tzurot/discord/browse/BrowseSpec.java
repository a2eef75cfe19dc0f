package io.tzurot.discord.browse;

import io.tzurot.discord.command.Caller;
import java.util.List;

/**
 * What one kind of list shows in the shared browse view (spec §2.4): the items a caller may see under a filter
 * and query, one line each, and the value (slug or id) that opens one.
 *
 * @param <T> the listed item
 */
public interface BrowseSpec<T> {

    /** The custom-id prefix (the owning command's). */
    String prefix();

    /** E.g. "🎭 Characters". */
    String title();

    /** The filters offered; the first is the default. */
    List<String> filters();

    /** Whether {@code filter} is one this list understands (by default: one of {@link #filters()}). */
    default boolean accepts(String filter) {
        return filters().contains(filter);
    }

    /** How the filter reads above the list. */
    default String describe(String filter) {
        return filter.isEmpty() ? "all" : filter;
    }

    default int pageSize() {
        return 10;
    }

    /** Everything matching, in display order. */
    List<T> items(Caller caller, String filter, String query);

    /** The item's line in the embed (markdown). */
    String line(T item);

    /** The select option's label (badges and name). */
    String label(T item);

    /** What opening it needs: a slug or id. */
    String value(T item);

    /** Shown when nothing matches. */
    default String emptyText(String filter, String query) {
        return query.isEmpty() ? "Nothing to show here yet." : "Nothing matches \"" + query + "\".";
    }
}
