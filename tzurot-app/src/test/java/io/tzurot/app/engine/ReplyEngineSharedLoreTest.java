package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.lorebook.AttachingLorebooks;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.reply.FlightRecord;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Lorebooks attached to a persona, a channel and everything fire in real replies: each appears in the request the
 * model receives and in the flight record, only for that persona's speaker, in that channel, and for everyone.
 */
class ReplyEngineSharedLoreTest {

    private static final AtomicLong MESSAGE_IDS = new AtomicLong(820_000_000_000_000_000L);
    private static final String SPEAKER = "100000000000000061";
    private static final String STRANGER = "100000000000000062";
    private static final String LORE_CHANNEL = "540000000000000001";
    private static final String PERSONA_LORE = "The speaker carries a brass lantern from the north.";
    private static final String CHANNEL_LORE = "In this hall the tide bell rings twice.";
    private static final String GLOBAL_LORE = "A comet crossed the sky last winter.";

    abstract static class Scenario extends EngineScenario {

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void attachBooks() {
            fixture.personality("Nia", "nia");
            User speaker = fixture.repos.users().getOrCreate(new DiscordUserProfile(SPEAKER, "u61", null, null, false),
                    false);
            User boss = fixture.repos.users().getOrCreate(new DiscordUserProfile("100000000000000069", "boss", null,
                    null, false), true);
            Actor me = new Actor(speaker.id(), speaker.discordId(), false);
            Actor owner = new Actor(boss.id(), boss.discordId(), true);
            AttachingLorebooks attaching = new AttachingLorebooks(fixture.repos.lorebooks(), fixture.repos.personas());
            attaching.attachToPersona(me, book(speaker, "Mine", "lantern", PERSONA_LORE).id(), speaker.defaultPersonaId());
            attaching.attachToChannel(new ChannelCaller(me, LORE_CHANNEL, "77", true, false),
                    book(speaker, "Hall", "tide", CHANNEL_LORE).id());
            attaching.attachGlobally(owner, book(boss, "World", "comet", GLOBAL_LORE).id());
        }

        private Lorebook book(User owner, String name, String key, String content) {
            LorebookEntry entry = new LorebookEntry("1", false, List.of(key), List.of(), content, name, null, null,
                    new LorebookEntry.Placement(10, null, "after_char", null, null, null, null), null, null, null, null,
                    null, null, null);
            return fixture.repos.lorebooks().create(owner.id(), new LorebookContent(name, null, null, null, null, null,
                    null, List.of(entry)));
        }

        @Test
        void personaChannelAndGlobalBooksFireInTheirOwnPlaces() {
            fixture.model.enqueue(FakeReply.text("Noted."), FakeReply.text("Noted."));
            reply("shared-1", SPEAKER, LORE_CHANNEL, "A lantern, a tide bell and a comet.");
            String system = EngineFixture.systemPrompt(lastChat());
            assertThat(system).contains(PERSONA_LORE, CHANNEL_LORE, GLOBAL_LORE);
            assertThat(system).contains("<world_info placement=\"after_character\">");
            assertThat(record("shared-1").lorebook()).extracting(FlightRecord.LoreRecord::matchedKey)
                    .containsExactlyInAnyOrder("lantern", "tide", "comet");

            reply("shared-2", STRANGER, "540000000000000002", "A lantern, a tide bell and a comet.");
            String other = EngineFixture.systemPrompt(lastChat());
            assertThat(other).as("another speaker, another channel: only the global book").contains(GLOBAL_LORE)
                    .doesNotContain(PERSONA_LORE).doesNotContain(CHANNEL_LORE);
            assertThat(record("shared-2").lorebook()).extracting(FlightRecord.LoreRecord::matchedKey)
                    .containsExactly("comet");
        }

        private FlightRecord record(String requestId) {
            fixture.engine.awaitRecorded(requestId);
            return fixture.engine.flightRecorder().find(requestId).orElseThrow();
        }

        private void reply(String requestId, String speaker, String channel, String text) {
            ReplyRequest request = new ReplyRequest(requestId, Platform.DISCORD, new Speaker(speaker, "u" + speaker,
                    null), "nia", channel, Optional.empty(), Optional.empty(), text, List.of(), List.of(),
                    Optional.of(String.valueOf(MESSAGE_IDS.incrementAndGet())), Set.of(), Instant.now(), false,
                    List.of());
            fixture.engine.service().reply(request).join();
        }

        private com.fasterxml.jackson.databind.JsonNode lastChat() {
            List<RecordedRequest> chats = fixture.model.requests().stream()
                    .filter(r -> r.path().endsWith("/chat/completions")).toList();
            return chats.get(chats.size() - 1).body();
        }
    }

    @Nested
    class OnH2 extends Scenario {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenario {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
