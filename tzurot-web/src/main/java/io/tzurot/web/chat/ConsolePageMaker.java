package io.tzurot.web.chat;

import io.tzurot.core.access.Actor;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Page;

/** Builds the layout model of a console page; in production {@code webConsole::page}. */
@FunctionalInterface
public interface ConsolePageMaker {

    Page page(String title, ConsoleSection section, Actor actor);
}
