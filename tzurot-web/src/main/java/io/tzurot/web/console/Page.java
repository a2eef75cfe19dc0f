package io.tzurot.web.console;

import io.tzurot.core.access.Actor;
import java.util.List;
import java.util.Set;

/** What the layout needs: the title, the navigation and who is signed in (null on public pages). */
public record Page(String title, List<NavItem> nav, Actor actor) {

    static Page of(String title, ConsoleSection current, Set<ConsoleSection> available, Actor actor) {
        // the denylist is the bot owner's page on the web (its rule is core's ManagingDenials); others are not shown it
        List<NavItem> nav = actor == null ? List.of() : java.util.Arrays.stream(ConsoleSection.values())
                .filter(s -> (s != ConsoleSection.DENYLIST && s != ConsoleSection.ADMIN) || actor.owner())
                .map(s -> new NavItem(s.label(), s.href(), available.contains(s), s == current))
                .toList();
        return new Page(title, nav, actor);
    }

    public boolean signedIn() {
        return actor != null;
    }
}
