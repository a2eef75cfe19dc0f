package io.tzurot.discord.lore;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.discord.command.CommandCall;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** The options of {@code /lorebook entry set}: an entry's settings, each optional; the ones given are changed. */
final class LoreSettingsOptions {

    private LoreSettingsOptions() {
    }

    static List<OptionData> options() {
        OptionData logic = new OptionData(OptionType.STRING, "logic", "How secondary keys apply", false);
        EntryDraft.LOGICS.forEach(l -> logic.addChoice(l.replace('_', ' '), l));
        OptionData position = new OptionData(OptionType.STRING, "position", "Where its content goes", false);
        EntryDraft.POSITIONS.forEach(p -> position.addChoice(p.replace('_', ' '), p));
        OptionData role = new OptionData(OptionType.STRING, "role", "The role at depth", false);
        EntryDraft.ROLES.forEach(r -> role.addChoice(r, r));
        return List.of(
                new OptionData(OptionType.BOOLEAN, "constant", "Always fires, keys or not", false),
                new OptionData(OptionType.BOOLEAN, "enabled", "false: never fires", false),
                logic, position,
                integer("depth", "Messages from the end (position at depth)"), role,
                integer("order", "Insertion order: higher goes later, closer to the chat"),
                integer("probability", "Chance to fire once matched, 0-100"),
                integer("sticky", "Stays this many turns after firing"),
                integer("cooldown", "Blocked this many turns after firing"),
                integer("delay", "Not before the channel's N-th turn"),
                new OptionData(OptionType.STRING, "group", "Inclusion group (one member fires); 'none' clears", false),
                new OptionData(OptionType.BOOLEAN, "case-sensitive", "Match keys case-sensitively", false),
                new OptionData(OptionType.BOOLEAN, "whole-words", "Keys match whole words only", false));
    }

    private static OptionData integer(String name, String description) {
        return new OptionData(OptionType.INTEGER, name, description, false);
    }

    /** The settings given, as a draft that leaves every other field as it is; none given is an error. */
    static EntryDraft draft(CommandCall call) {
        EntryDraft d = new EntryDraft(null, null, call.option("logic").orElse(null), null, null,
                bool(call, "constant"), bool(call, "enabled"), call.option("position").orElse(null),
                integer(call, "depth"), call.option("role").orElse(null), integer(call, "order"),
                integer(call, "probability"), integer(call, "sticky"), integer(call, "cooldown"), integer(call, "delay"),
                call.option("group").map(g -> g.equalsIgnoreCase("none") ? "" : g).orElse(null),
                bool(call, "case-sensitive"), bool(call, "whole-words"));
        if (d.equals(new EntryDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null))) {
            throw DomainException.invalid("settings", "Give at least one setting to change (constant, position,"
                    + " order, ...); keys and content are edited with /lorebook entry edit.");
        }
        return d;
    }

    private static Boolean bool(CommandCall call, String name) {
        return call.option(name).map(Boolean::parseBoolean).orElse(null);
    }

    private static Integer integer(CommandCall call, String name) {
        Optional<String> raw = call.option(name);
        try {
            return raw.map(Integer::parseInt).orElse(null);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, "'" + name + "' is a whole number.");
        }
    }
}
