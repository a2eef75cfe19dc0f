package io.tzurot.core.prompt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed sections of one system prompt. Memories and chat log vary during budgeting, so their pieces are
 * passed to {@link #render} and {@link #tokens}; everything else is rendered once. Both walk the same pieces, so
 * the count is always that of the rendered text.
 */
final class SystemSections {

    private static final String SEPARATOR = "\n\n";

    /** The sections before the memories, each with the separator that follows it. */
    private final List<String> head = new ArrayList<>();
    /** The references section with its separator, or empty. */
    private final String references;
    /** The protocol (when present) with its separator, then the output constraints, which end the prompt. */
    private final List<String> tail = new ArrayList<>();

    SystemSections(PromptRequest request, Placeholders names, String referencesSection, Instant now, String factsSection) {
        String platform = list("platform_constraints", "constraint", FixedInstructions.PLATFORM_CONSTRAINTS, false);
        PromptLore lore = request.lore();
        for (String section : List.of(LoreSections.around("before_character", lore.beforeCharacter(), names),
                identity(request.personality(), names), LoreSections.around("after_character", lore.afterCharacter(), names),
                constraints(request), platform)) {
            addSection(section);
        }
        head.addAll(context(request, now));
        addSection(participants(request.participants()));
        addSection(factsSection);
        this.references = referencesSection.isEmpty() ? "" : referencesSection + SEPARATOR;
        String protocol = protocol(request.protocol(), names);
        if (!protocol.isEmpty()) {
            tail.add(protocol + SEPARATOR);
        }
        String userInstructions = NotesSections.userInstructions(request.notes().userPrompts(), names);
        if (!userInstructions.isEmpty()) {
            tail.add(userInstructions + SEPARATOR);
        }
        tail.add(list("output_constraints", "constraint", FixedInstructions.OUTPUT_CONSTRAINTS, false));
    }

    /** The full system prompt with the given memory and chat-log pieces (either may be empty: no section). */
    String render(List<String> memoryAtoms, List<String> chatLogAtoms) {
        return String.join("", pieces(memoryAtoms, chatLogAtoms));
    }

    /**
     * Tokens of {@code render(memories, chatLog)} without counting the whole prompt again: the sum over its
     * pieces, each ending in a closing tag plus the newlines after it. cl100k's pre-tokenizer always splits
     * between such a piece and the {@code <} that opens the next (no rule looks behind, and a punctuation run takes
     * the newlines that follow it), so the sum is exact, while the pieces that repeat from reply to reply
     * (character, constraints, history lines, notes) are counted once by a memoising counter.
     *
     * @param memoryAtoms the memory section split into such pieces (empty: no section)
     * @param chatLogAtoms the chat-log section split into such pieces (empty: no section)
     */
    long tokens(TokenCounter counter, List<String> memoryAtoms, List<String> chatLogAtoms) {
        long total = 0;
        for (String piece : pieces(memoryAtoms, chatLogAtoms)) {
            total += counter.count(piece);
        }
        return total;
    }

    private List<String> pieces(List<String> memoryAtoms, List<String> chatLogAtoms) {
        List<String> out = new ArrayList<>(head.size() + memoryAtoms.size() + chatLogAtoms.size() + tail.size() + 1);
        out.addAll(head);
        addSection(out, memoryAtoms);
        if (!references.isEmpty()) {
            out.add(references);
        }
        addSection(out, chatLogAtoms);
        out.addAll(tail);
        return out;
    }

    /** A middle section's pieces; the last one is followed by the separator, as another section always follows. */
    private static void addSection(List<String> out, List<String> atoms) {
        for (int i = 0; i < atoms.size(); i++) {
            out.add(i == atoms.size() - 1 ? atoms.get(i) + SEPARATOR : atoms.get(i));
        }
    }

    private static String identity(PromptPersonality p, Placeholders names) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("character_info", p.characterInfo());
        fields.put("personality_traits", p.traits());
        fields.put("personality_tone", p.tone());
        fields.put("personality_age", p.age());
        fields.put("personality_appearance", p.appearance());
        fields.put("personality_likes", p.likes());
        fields.put("personality_dislikes", p.dislikes());
        fields.put("conversational_goals", p.conversationalGoals());
        fields.put("conversational_examples", p.conversationalExamples());
        StringBuilder out = new StringBuilder("<system_identity>\n<role>You are ").append(Xml.text(p.name()))
                .append(".</role>\n<character>\n<display_name>").append(Xml.text(p.displayName())).append("</display_name>");
        fields.forEach((tag, value) -> {
            if (!value.isEmpty()) {
                out.append('\n').append('<').append(tag).append('>').append(Xml.text(names.apply(value)))
                        .append("</").append(tag).append('>');
            }
        });
        return out.append("\n</character>\n</system_identity>").toString();
    }

    private static String constraints(PromptRequest request) {
        String name = Xml.text(request.personality().name());
        List<String> items = new ArrayList<>(FixedInstructions.identityConstraints(name));
        CurrentMessage current = request.current();
        PromptPersonality p = request.personality();
        boolean collides = current.speakerName().equalsIgnoreCase(p.name())
                || current.speakerName().equalsIgnoreCase(p.displayName());
        if (collides && current.speakerUsername().isPresent()) {
            items.add(FixedInstructions.nameCollision(Xml.text(current.speakerName()),
                    Xml.text(current.speakerUsername().get())));
        }
        return list("identity_constraints", "constraint", items, false);
    }

    private void addSection(String section) {
        if (!section.isEmpty()) {
            head.add(section + SEPARATOR);
        }
    }

    /**
     * The context section in three pieces, each ending in a closing tag and its newline (so counted apart exactly):
     * the time and the place repeat from reply to reply and are counted from the memo; the request id never does.
     */
    private static List<String> context(PromptRequest request, Instant now) {
        List<String> pieces = new ArrayList<>(3);
        pieces.add("<context>\n<datetime>" + Xml.text(PromptTimes.fullDateTime(now, request.userZone())) + "</datetime>\n");
        request.location().ifPresent(location -> pieces.add(location(location) + "\n"));
        pieces.add("<request_id>" + Xml.text(request.requestId()) + "</request_id>\n</context>" + SEPARATOR);
        return pieces;
    }

    private static String location(ChatLocation location) {
        if (location instanceof ChatLocation.GuildChannel guild) {
            StringBuilder out = new StringBuilder("<location type=\"guild\">\n<server name=\"")
                    .append(Xml.attr(guild.serverName())).append("\"/>\n");
            guild.categoryName().ifPresent(c -> out.append("<category name=\"").append(Xml.attr(c)).append("\"/>\n"));
            out.append("<channel name=\"").append(Xml.attr(guild.channelName())).append("\" type=\"")
                    .append(Xml.attr(guild.channelType())).append('"');
            guild.topic().filter(t -> !t.isBlank())
                    .ifPresent(t -> out.append(" topic=\"").append(Xml.attr(t)).append('"'));
            out.append("/>\n");
            guild.threadName().ifPresent(t -> out.append("<thread name=\"").append(Xml.attr(t)).append("\"/>\n"));
            return out.append("</location>").toString();
        }
        return "<location type=\"dm\">Direct Message (private one-on-one chat)</location>";
    }

    private static String participants(List<Participant> participants) {
        if (participants.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<participants>\n<instruction>")
                .append(FixedInstructions.PARTICIPANTS_INSTRUCTION).append("</instruction>\n");
        Optional<Participant> active = participants.stream().filter(Participant::active).findFirst();
        for (Participant p : participants) {
            out.append("<participant id=\"").append(Xml.attr(p.personaId())).append('"')
                    .append(p.active() ? " active=\"true\"" : "").append(p.character() ? " character=\"true\">\n" : ">\n")
                    .append("<name>").append(Xml.text(p.name())).append("</name>\n");
            if (!p.pronouns().isEmpty()) {
                out.append("<pronouns>").append(Xml.text(p.pronouns())).append("</pronouns>\n");
            }
            p.guildInfo().ifPresent(info -> out.append(guildInfo(info)).append('\n'));
            if (!p.about().isEmpty()) {
                out.append("<about source=\"user_input\">").append(Xml.text(p.about())).append("</about>\n");
            }
            out.append("</participant>\n");
        }
        if (participants.stream().anyMatch(Participant::character)) {
            out.append("<note>").append(FixedInstructions.SCENE_NOTE).append("</note>\n");
        }
        if (participants.size() > 1) {
            String activeName = active.map(Participant::name).orElse(participants.get(0).name());
            out.append("<note>").append(FixedInstructions.groupNote(Xml.text(activeName))).append("</note>\n");
        }
        return out.append("</participants>").toString();
    }

    private static String guildInfo(Participant.GuildInfo info) {
        StringBuilder out = new StringBuilder("<guild_info");
        info.displayColor().ifPresent(c -> out.append(" color=\"").append(Xml.attr(c)).append('"'));
        info.joined().ifPresent(d -> out.append(" joined=\"").append(d).append('"'));
        List<String> roles = info.roles().stream().filter(r -> r != null && !r.isBlank()).limit(5).toList();
        if (roles.isEmpty()) {
            return out.append("/>").toString();
        }
        out.append("><roles>");
        roles.forEach(r -> out.append("<role>").append(Xml.text(r)).append("</role>"));
        return out.append("</roles></guild_info>").toString();
    }

    private static String protocol(Protocol protocol, Placeholders names) {
        String body;
        if (protocol instanceof Protocol.Structured s) {
            List<String> groups = new ArrayList<>();
            addGroup(groups, list("permissions", "permitted", escapeAll(s.permissions(), names), true));
            addGroup(groups, list("character_directives", "directive", escapeAll(s.characterDirectives(), names), true));
            addGroup(groups, list("formatting_rules", "rule", escapeAll(s.formattingRules(), names), true));
            body = String.join("\n\n", groups);
        } else {
            body = Xml.text(names.apply(((Protocol.Raw) protocol).text()));
        }
        return body.isEmpty() ? "" : "<protocol>\n" + body + "\n</protocol>";
    }

    private static List<String> escapeAll(List<String> items, Placeholders names) {
        return items.stream().map(item -> Xml.text(names.apply(item))).toList();
    }

    private static void addGroup(List<String> groups, String group) {
        if (!group.isEmpty()) {
            groups.add(group);
        }
    }

    /** {@code <tag>\n<item>..</item>\n...</tag>} of already escaped items; empty text when asked to omit empty lists. */
    private static String list(String tag, String itemTag, List<String> items, boolean omitWhenEmpty) {
        if (items.isEmpty() && omitWhenEmpty) {
            return "";
        }
        StringBuilder out = new StringBuilder("<").append(tag).append(">\n");
        for (String item : items) {
            out.append('<').append(itemTag).append('>').append(item).append("</").append(itemTag).append(">\n");
        }
        return out.append("</").append(tag).append('>').toString();
    }
}
