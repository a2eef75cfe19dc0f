package io.tzurot.web.console;

import io.tzurot.core.access.Actor;

/** Builds the layout model of a console page; in production {@code webConsole::page}. */
@FunctionalInterface
public interface ConsolePageMaker {

    Page page(String title, ConsoleSection section, Actor actor);
}
