package io.tzurot.discord.memory;

import io.tzurot.core.access.Actor;
import io.tzurot.core.facts.ManagingFacts;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /memory facts list | correct | lock | forget}: the caller's own memory facts (the rule is
 * {@link ManagingFacts}: only the persona's owner sees or changes a fact). Facts are named by the short id the list
 * shows. Answers are private.
 */
public final class MemoryFactsGroup implements MemorySubcommandGroup {

    /** Discord's message limit, less room for the closing line. */
    static final int MAX_ANSWER = 1900;

    private final ManagingFacts facts;
    private final PersonalityRepository personalities;

    public MemoryFactsGroup(ManagingFacts facts, PersonalityRepository personalities) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
    }

    @Override
    public SubcommandGroupData definition() {
        OptionData fact = new OptionData(OptionType.STRING, "fact", "The fact's id as the list shows it", true)
                .setMinLength(ManagingFacts.MIN_PREFIX).setMaxLength(36);
        return new SubcommandGroupData("facts", "What characters have learnt about you").addSubcommands(
                new SubcommandData("list", "Your memory facts, by character"),
                new SubcommandData("correct", "Rewrite a fact (it then counts as certain)").addOptions(fact,
                        new OptionData(OptionType.STRING, "text", "The fact as it should read", true)
                                .setMaxLength(MemoryFact.MAX_LENGTH)),
                new SubcommandData("lock", "Lock a fact so it is never changed by what characters learn").addOptions(fact,
                        new OptionData(OptionType.BOOLEAN, "locked", "false unlocks it (default: true)", false)),
                new SubcommandData("forget", "Delete a fact for good").addOptions(fact));
    }

    @Override
    public void run(CommandCall call) {
        Actor actor = call.caller().actor();
        switch (call.path()) {
            case "memory facts list" -> call.answer(list(facts.list(actor, java.util.Optional.empty())));
            case "memory facts correct" -> {
                MemoryFact fact = facts.correct(actor, fact(call, actor), call.option("text").orElseThrow(() ->
                        DomainException.invalid("text", "Write the fact as it should read.")));
                call.answer("✏️ Corrected `" + ManagingFacts.shortId(fact) + "`: " + quote(fact.content()));
            }
            case "memory facts lock" -> {
                boolean locked = call.option("locked").map(v -> !v.equalsIgnoreCase("false")).orElse(true);
                MemoryFact fact = facts.lock(actor, fact(call, actor), locked);
                call.answer((locked ? "🔒 Locked `" : "🔓 Unlocked `") + ManagingFacts.shortId(fact) + "`: "
                        + quote(fact.content()) + (locked ? "\nCharacters will not change it; you still can." : ""));
            }
            case "memory facts forget" -> {
                UUID id = fact(call, actor);
                MemoryFact fact = facts.get(actor, id);
                facts.forget(actor, id);
                call.answer("🗑️ Forgot `" + ManagingFacts.shortId(fact) + "`: " + quote(fact.content()));
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    private UUID fact(CommandCall call, Actor actor) {
        return facts.resolve(actor, call.option("fact").orElse(""));
    }

    private String list(List<MemoryFact> all) {
        if (all.isEmpty()) {
            return "🧠 No character has learnt a fact about you yet.";
        }
        Map<UUID, StringBuilder> byCharacter = new LinkedHashMap<>();
        for (MemoryFact f : all) {
            byCharacter.computeIfAbsent(f.personalityId(), id -> new StringBuilder()).append("\n`")
                    .append(ManagingFacts.shortId(f)).append("` ").append(f.locked() ? "🔒 " : "")
                    .append(quote(f.content())).append(" (").append(Math.round(f.confidence() * 100)).append(" %)");
        }
        StringBuilder out = new StringBuilder("🧠 **Your memory facts** (").append(all.size()).append(')');
        for (Map.Entry<UUID, StringBuilder> e : byCharacter.entrySet()) {
            String name = personalities.findById(e.getKey()).map(Personality::shownName).orElse("a character");
            String block = "\n**" + name + "**" + e.getValue();
            if (out.length() + block.length() > MAX_ANSWER) {
                out.append("\n… and more: see them all in the web console (Memory facts).");
                break;
            }
            out.append(block);
        }
        return out.toString();
    }

    /** A fact as shown: its text with Discord markup neutralised, so a fact cannot ping or format. */
    static String quote(String text) {
        return text.replace("`", "'").replace("@", "@\u200b").replace("*", "\\*").replace("_", "\\_");
    }
}
