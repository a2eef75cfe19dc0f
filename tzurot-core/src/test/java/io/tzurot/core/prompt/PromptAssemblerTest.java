package io.tzurot.core.prompt;

import static io.tzurot.core.prompt.PromptFixtures.ARI;
import static io.tzurot.core.prompt.PromptFixtures.CLOCK;
import static io.tzurot.core.prompt.PromptFixtures.NOW;
import static io.tzurot.core.prompt.PromptFixtures.child;
import static io.tzurot.core.prompt.PromptFixtures.childNames;
import static io.tzurot.core.prompt.PromptFixtures.children;
import static io.tzurot.core.prompt.PromptFixtures.lilithAt;
import static io.tzurot.core.prompt.PromptFixtures.parse;
import static io.tzurot.core.prompt.PromptFixtures.request;
import static io.tzurot.core.prompt.PromptFixtures.userAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PromptAssemblerTest {

    private final PromptAssembler assembler = new PromptAssembler(new CharTokenCounter(), CLOCK);

    private static PromptRequest.Builder fullRequest() {
        return request()
                .protocol(new Protocol.Structured(List.of("Dark humor"), List.of("Stay in character as {{char}}."),
                        List.of()))
                .location(new ChatLocation.GuildChannel("Night Market", Optional.empty(), "general", "text",
                        Optional.of("Chat about anything"), Optional.empty()))
                .memories(List.of(new MemoryNote("m1", "{user}: I found a map of the old harbor.",
                        Optional.of(Instant.parse("2025-01-02T20:00:00Z")), 0.9)))
                .references(List.of(new ReferencedMessage(Optional.of("r1"), "Mara", "mara", Optional.of(
                        NOW.minus(Duration.ofHours(2))), "Did you see the map?", List.of(), List.of(), false)))
                .history(List.of(
                        userAt("Guess what I brought?", NOW.minus(Duration.ofMinutes(3))),
                        lilithAt("If it's another cursed compass, leave it outside.",
                                NOW.minus(Duration.ofMinutes(2)))));
    }

    @Test
    void sectionsComeInTheSpecifiedOrder() {
        AssembledPrompt prompt = assembler.assemble(fullRequest().build());

        assertThat(childNames(parse(prompt.systemPrompt()))).containsExactly("system_identity",
                "identity_constraints", "platform_constraints", "context", "participants", "memory_archive",
                "contextual_references", "chat_log", "protocol", "output_constraints");
        assertThat(prompt.systemPrompt()).startsWith("<system_identity>\n<role>You are Lilith.</role>\n<character>\n"
                + "<display_name>Lilith</display_name>\n<character_info>An ancient night spirit who runs a bookshop."
                + "</character_info>\n<personality_traits>Sardonic, protective, curious</personality_traits>\n"
                + "<personality_likes>Old maps, rain</personality_likes>\n</character>\n</system_identity>\n\n"
                + "<identity_constraints>\n<constraint>Limit agency strictly to Lilith;");
    }

    @Test
    void theFixedRulesCoverHarassmentMinorsAndRestatingTheConversation() {
        Element root = parse(assembler.assemble(fullRequest().build()).systemPrompt());

        List<String> platform = children(child(root, "platform_constraints")).stream().map(Element::getTextContent).toList();
        assertThat(platform).hasSize(4);
        assertThat(platform.get(0)).contains("under 18").contains("if anything suggests a minor, refuse");
        assertThat(platform.get(3)).contains("private personal information").contains("targeted harassment");
        List<String> output = children(child(root, "output_constraints")).stream().map(Element::getTextContent).toList();
        assertThat(output).hasSize(3);
        assertThat(output.get(2)).contains("Never repeat, parrot or echo")
                .contains("do not sum up what the user just said back to them")
                .contains("do not retell the conversation history");
    }

    @Test
    void emptySectionsAreLeftOut() {
        AssembledPrompt prompt = assembler.assemble(request().participants(List.of()).build());

        assertThat(childNames(parse(prompt.systemPrompt()))).containsExactly("system_identity",
                "identity_constraints", "platform_constraints", "context", "output_constraints");
        assertThat(prompt.systemPrompt()).doesNotContain("<memory_archive").doesNotContain("<chat_log")
                .doesNotContain("\n\n\n");
    }

    @Test
    void dateAndTimeAreShownInTheUsersZone() {
        String newYork = assembler.assemble(fullRequest().build()).systemPrompt();
        String tokyo = assembler.assemble(fullRequest().userZone(ZoneId.of("Asia/Tokyo")).build()).systemPrompt();

        assertThat(newYork).contains("<datetime>Monday, January 27, 2025 at 09:15 PM EST</datetime>")
                .contains("t=\"2025-01-27 (Mon) 21:12 \u2022 3 minutes ago\"");
        assertThat(tokyo).contains("<datetime>Tuesday, January 28, 2025 at 11:15 AM JST</datetime>")
                .contains("t=\"2025-01-28 (Tue) 11:12 \u2022 3 minutes ago\"")
                .contains("<historical_note t=\"2025-01-03 (Fri) \u2022 3 weeks ago\" relevance=\"");
    }

    @Test
    void contextCarriesLocationAndRequestId() {
        Element context = child(parse(assembler.assemble(fullRequest().build()).systemPrompt()), "context");

        assertThat(childNames(context)).containsExactly("datetime", "location", "request_id");
        Element location = child(context, "location");
        assertThat(location.getAttribute("type")).isEqualTo("guild");
        assertThat(child(location, "channel").getAttribute("topic")).isEqualTo("Chat about anything");
        assertThat(child(context, "request_id").getTextContent()).isEqualTo("req-1");

        String dm = assembler.assemble(request().location(new ChatLocation.DirectMessage()).build()).systemPrompt();
        assertThat(dm).contains("<location type=\"dm\">Direct Message (private one-on-one chat)</location>");
    }

    @Test
    void humanMessageNamesTheSpeakerAndAppendsAttachmentDescriptions() {
        CurrentMessage withImage = new CurrentMessage(ARI, "Ari", Optional.empty(), "The harbor map! Look at this:",
                List.of(new Attachment.Image("map.png", "A hand-drawn map with a sea serpent.")));
        AssembledPrompt prompt = assembler.assemble(request().current(withImage).build());

        assertThat(prompt.humanMessage()).isEqualTo("<from id=\"" + ARI + "\">Ari</from>\n\n"
                + "The harbor map! Look at this:\n\n[Image: map.png]\nA hand-drawn map with a sea serpent.");
        assertThat(prompt.contentForStorage()).isEqualTo(
                "The harbor map! Look at this:\n\n[Image: map.png]\nA hand-drawn map with a sea serpent.");
    }

    @Test
    void anEmptyMessageBecomesHelloOrItsAttachments() {
        assertThat(assembler.assemble(request().current(PromptFixtures.current("  ")).build()).contentForStorage())
                .isEqualTo("Hello");
        CurrentMessage voiceOnly = new CurrentMessage(ARI, "Ari", Optional.empty(), "",
                List.of(new Attachment.VoiceMessage(12, "hi there")));
        assertThat(assembler.assemble(request().current(voiceOnly).build()).contentForStorage())
                .isEqualTo("[Voice message: 12.0s]\nhi there");
    }

    @Test
    void participantsAreDeduplicatedAndGroupsGetANote() {
        Participant ariAgain = new Participant(ARI, "Ari the Cartographer", "", "", false, Optional.empty());
        Participant mara = new Participant("p-mara", "Mara", "", "", false, Optional.of(new Participant.GuildInfo(
                List.of("Admin"), Optional.of("#FF00FF"), Optional.of(java.time.LocalDate.of(2024, 3, 1)))));
        Element participants = child(parse(assembler.assemble(request()
                .participants(List.of(ariAgain, PromptFixtures.ari(), mara)).build()).systemPrompt()), "participants");

        assertThat(childNames(participants)).containsExactly("instruction", "participant", "participant", "note");
        Element active = children(participants).get(1);
        assertThat(active.getAttribute("active")).isEqualTo("true");
        assertThat(child(active, "name").getTextContent()).isEqualTo("Ari");
        Element guild = child(children(participants).get(2), "guild_info");
        assertThat(guild.getAttribute("color")).isEqualTo("#FF00FF");
        assertThat(guild.getAttribute("joined")).isEqualTo("2024-03-01");
        assertThat(child(child(guild, "roles"), "role").getTextContent()).isEqualTo("Admin");
    }

    @Test
    void aUserNamedLikeTheCharacterIsToldApart() {
        CurrentMessage namesake = new CurrentMessage(ARI, "lilith", Optional.of("lil_real"), "hi", List.of());
        HistoryEntry earlier = new HistoryEntry(HistoryEntry.Role.USER, "Lilith", Optional.of(ARI),
                Optional.of("lil_real"), NOW.minusSeconds(30), "hello", OptionalInt.empty(), List.of(), List.of(),
                List.of());
        String system = assembler.assemble(request().current(namesake).history(List.of(earlier)).build())
                .systemPrompt();

        assertThat(children(child(parse(system), "identity_constraints"))).hasSize(4);
        assertThat(system).contains("(@lil_real) is a different person")
                .contains("<message from=\"Lilith (@lil_real)\" from_id=\"" + ARI + "\" role=\"user\"");
    }

    @Test
    void referencesAlreadyInTheChatLogBecomeStubs() {
        String longText = "x".repeat(150);
        HistoryEntry inLog = new HistoryEntry(HistoryEntry.Role.USER, "Ari", Optional.of(ARI), Optional.empty(),
                NOW.minusSeconds(90), longText, OptionalInt.empty(), List.of("m-1"), List.of(), List.of());
        ReferencedMessage reply = new ReferencedMessage(Optional.of("m-1"), "Ari", "ari_maps", Optional.empty(),
                longText, List.of("embed"), List.of(new Attachment.File("a.pdf", "application/pdf")), false);
        Element refs = child(parse(assembler.assemble(request().history(List.of(inLog)).references(List.of(reply))
                .build()).systemPrompt()), "contextual_references");

        Element quote = child(refs, "quote");
        assertThat(quote.getAttribute("number")).isEqualTo("1");
        assertThat(childNames(quote)).containsExactly("content");
        assertThat(child(quote, "content").getTextContent()).startsWith("[Reply target")
                .endsWith("x".repeat(100) + "...");
    }

    @Test
    void historyAttachmentsAndQuotesAreRenderedInsideTheMessage() {
        HistoryEntry entry = new HistoryEntry(HistoryEntry.Role.USER, "Ari", Optional.of(ARI), Optional.empty(),
                NOW.minusSeconds(120), "look", OptionalInt.empty(), List.of(),
                List.of(new Attachment.Image("cat.png", "A cat."), new Attachment.VoiceMessage(3, "meow")),
                List.of(new ReferencedMessage(Optional.empty(), "Mara", "", Optional.empty(), "earlier", List.of(),
                        List.of(), true)));
        Element message = child(child(parse(assembler.assemble(request().history(List.of(entry)).build())
                .systemPrompt()), "chat_log"), "message");

        assertThat(childNames(message)).containsExactly("quoted_messages", "image_descriptions", "voice_transcripts");
        assertThat(child(child(message, "quoted_messages"), "quote").getAttribute("type")).isEqualTo("forward");
        assertThat(child(child(message, "image_descriptions"), "image").getAttribute("filename")).isEqualTo("cat.png");
    }

    @Test
    void rawProtocolGetsPlaceholdersSubstituted() {
        String system = assembler.assemble(request().protocol(new Protocol.Raw("You are {{char}}; {user} is here."))
                .build()).systemPrompt();

        assertThat(child(parse(system), "protocol").getTextContent().strip()).isEqualTo("You are Lilith; Ari is here.");
    }

    @Test
    void reasoningModelsGetTheSystemPromptInline() {
        AssembledPrompt prompt = assembler.assemble(request().build());

        assertThat(AssembledPrompt.modelRejectsSystemMessage("openai/o1-mini")).isTrue();
        assertThat(AssembledPrompt.modelRejectsSystemMessage("o3")).isTrue();
        assertThat(AssembledPrompt.modelRejectsSystemMessage("openai/gpt-4o")).isFalse();
        assertThat(prompt.inlinedHumanMessage()).isEqualTo("[System Instructions]\n" + prompt.systemPrompt()
                + "\n\n[End System Instructions]\n\n" + prompt.humanMessage());
    }

    @Test
    void contentForEmbeddingAddsReferencedText() {
        AssembledPrompt prompt = assembler.assemble(fullRequest().build());

        assertThat(prompt.contentForEmbedding())
                .isEqualTo("The harbor map!\n\n[Referenced content: Did you see the map?]");
    }
}
