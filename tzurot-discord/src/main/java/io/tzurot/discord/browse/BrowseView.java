package io.tzurot.discord.browse;

import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The one browse list (spec §2.4): a page of lines, a select that opens an item, Previous / Page X of Y / Next.
 * Stateless: the page, filter and query ride in the custom ids
 * ({@code {prefix}::browse::{page}::{filter}::{query}} and {@code {prefix}::browse-select::...}), and each click
 * reads the list afresh, so any process can serve it. Opening an item hands the encoded state on, for "Back".
 *
 * @param <T> the listed item
 */
public final class BrowseView<T> {

    /** The longest query kept in a custom id. */
    public static final int MAX_QUERY = 50;

    /** Which page, under which filter and query. */
    public record State(int page, String filter, String query) {

        public State {
            page = Math.max(0, page);
            filter = filter == null ? "" : filter;
            query = clean(query);
        }

        String encode() {
            return page + "::" + filter + "::" + query;
        }

        /** Reads a state from a custom id's parts, starting at {@code from}. */
        static State decode(ComponentCall call, int from) {
            int page;
            try {
                page = Integer.parseInt(call.part(from));
            } catch (NumberFormatException e) {
                page = 0;
            }
            return new State(page, call.part(from + 1), call.part(from + 2));
        }

        private static String clean(String query) {
            String q = query == null ? "" : query.strip().replace("::", " ");
            return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
        }
    }

    /** Opens one item in place of the list; {@code backState} re-opens the list (see {@link #back}). */
    @FunctionalInterface
    public interface Opener {
        void open(ComponentCall call, String value, String backState);
    }

    private final BrowseSpec<T> spec;

    public BrowseView(BrowseSpec<T> spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The first page for a filter (the default when blank or unknown) and query. */
    public MessageEditData first(Caller caller, String filter, String query) {
        String chosen = spec.accepts(filter) ? filter : spec.filters().get(0);
        return render(caller, new State(0, chosen, query));
    }

    public boolean handles(ComponentCall call) {
        return call.part(0).equals(spec.prefix())
                && (call.part(1).equals("browse") || call.part(1).equals("browse-select"));
    }

    public void handle(ComponentCall call, Opener opener) {
        if (call.part(2).equals("info")) {
            throw new CommandFailure("Unknown interaction!");
        }
        State state = State.decode(call, 2);
        if (call.part(1).equals("browse")) {
            call.update(render(call.caller(), state));
        } else if (!call.values().isEmpty()) {
            opener.open(call, call.values().get(0), state.encode());
        }
    }

    /** Shows the list again from an encoded state (a dashboard's "Back to Browse"). */
    public void back(ComponentCall call, String encodedState) {
        String[] parts = (encodedState + "::::").split("::", -1);
        int page;
        try {
            page = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            page = 0;
        }
        call.update(render(call.caller(), new State(page, parts[1], parts[2])));
    }

    public MessageEditData render(Caller caller, State requested) {
        List<T> items = spec.items(caller, requested.filter(), requested.query());
        int pages = Math.max(1, (items.size() + spec.pageSize() - 1) / spec.pageSize());
        State state = new State(Math.min(requested.page(), pages - 1), requested.filter(), requested.query());
        List<T> page = items.subList(state.page() * spec.pageSize(),
                Math.min(items.size(), (state.page() + 1) * spec.pageSize()));
        StringBuilder text = new StringBuilder();
        if (!state.query().isEmpty() || !state.filter().isEmpty()) {
            text.append("Filter: **").append(spec.describe(state.filter())).append("**");
            if (!state.query().isEmpty()) {
                text.append(" · Search: \"").append(state.query()).append('"');
            }
            text.append("\n\n");
        }
        if (page.isEmpty()) {
            text.append(spec.emptyText(state.filter(), state.query()));
        }
        for (int i = 0; i < page.size(); i++) {
            text.append(state.page() * spec.pageSize() + i + 1).append(". ").append(spec.line(page.get(i))).append('\n');
        }
        EmbedBuilder embed = new EmbedBuilder().setTitle(spec.title()).setColor(0x5865F2)
                .setDescription(truncate(text.toString(), 4000))
                .setFooter(items.size() + (items.size() == 1 ? " item" : " items"));
        List<ActionRow> rows = new ArrayList<>();
        if (!page.isEmpty()) {
            StringSelectMenu.Builder select = StringSelectMenu.create(spec.prefix() + "::browse-select::"
                    + state.encode()).setPlaceholder("Select one to open...");
            for (int i = 0; i < page.size(); i++) {
                T item = page.get(i);
                select.addOption(truncate((state.page() * spec.pageSize() + i + 1) + ". " + spec.label(item), 100),
                        spec.value(item));
            }
            rows.add(ActionRow.of(select.build()));
        }
        String tail = "::" + state.filter() + "::" + state.query();
        rows.add(ActionRow.of(
                Button.secondary(spec.prefix() + "::browse::" + (state.page() - 1) + tail, "◀️ Previous")
                        .withDisabled(state.page() == 0),
                Button.secondary(spec.prefix() + "::browse::info", "Page " + (state.page() + 1) + " of " + pages)
                        .asDisabled(),
                Button.secondary(spec.prefix() + "::browse::" + (state.page() + 1) + tail, "Next ▶️")
                        .withDisabled(state.page() >= pages - 1)));
        return new MessageEditBuilder().setContent("").setEmbeds(embed.build()).setComponents(rows).build();
    }

    /** True when {@code text} contains {@code query}, ignoring case (for specs filtering in memory). */
    public static boolean matches(String query, String... texts) {
        if (query.isEmpty()) {
            return true;
        }
        String q = query.toLowerCase(Locale.ROOT);
        for (String text : texts) {
            if (text != null && text.toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return false;
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
