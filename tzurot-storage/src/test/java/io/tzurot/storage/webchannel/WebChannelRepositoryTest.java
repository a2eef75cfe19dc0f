package io.tzurot.storage.webchannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.core.webchannel.ChannelNotFoundException;
import io.tzurot.core.webchannel.TooManyChannelsException;
import io.tzurot.core.webchannel.WebChannel;
import io.tzurot.core.webchannel.WebChannelIds;
import io.tzurot.core.webchannel.WebConversations;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebChannelRepositoryTest {

    @Nested
    class OnH2 extends WebChannelContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends WebChannelContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class WebChannelContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private JdbiWebChannelRepository repo;
        private WebConversations conversations;
        private Fixtures fixtures;

        WebChannelContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            repo = new JdbiWebChannelRepository(database().jdbi());
            conversations = new WebConversations(repo, clock);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        private static Actor actor(User u) {
            return new Actor(u.id(), u.discordId(), false);
        }

        @Test
        void storesFindsAndListsByOwner() {
            User alice = fixtures.user("alice");
            Instant at = Instant.parse("2026-07-01T00:00:00.123Z");
            WebChannel main = new WebChannel("wMainAlice000000000", alice.id(), true, at);
            WebChannel second = new WebChannel("wSecondAlice0000000", alice.id(), false, at.plusSeconds(1));

            assertThat(repo.insert(main)).isTrue();
            assertThat(repo.insert(second)).isTrue();

            assertThat(repo.find(main.id())).contains(main);
            assertThat(repo.findDefault(alice.id())).contains(main);
            assertThat(repo.listByOwner(alice.id())).containsExactly(main, second);
            assertThat(repo.countByOwner(alice.id())).isEqualTo(2);
            assertThat(repo.find("wUnknown")).isEmpty();
        }

        @Test
        void aTakenIdOrASecondDefaultIsRefusedWithoutWriting() {
            User bob = fixtures.user("bob");
            User carol = fixtures.user("carol");
            Instant at = clock.instant();
            assertThat(repo.insert(new WebChannel("wBobDefault00000000", bob.id(), true, at))).isTrue();

            assertThat(repo.insert(new WebChannel("wBobDefault00000000", carol.id(), false, at))).isFalse();
            assertThat(repo.insert(new WebChannel("wBobOther000000000", bob.id(), true, at))).isFalse();

            assertThat(repo.find("wBobDefault00000000").orElseThrow().ownerId()).isEqualTo(bob.id());
            assertThat(repo.listByOwner(bob.id())).hasSize(1);
            assertThat(repo.listByOwner(carol.id())).isEmpty();
        }

        @Test
        void hasHistoryTellsWhetherAnyoneTalkedInTheChannel() {
            User dave = fixtures.user("dave");
            Personality p = fixtures.personality(dave, "webchan-history", "Historian", true);
            new JdbiConversationHistoryRepository(database()).append(HistoryMessage.create("webHistoryChan", null, p.id(),
                    dave.defaultPersonaId(), HistoryRole.USER, "hello", 1, List.of(), "{}", clock.instant()));

            assertThat(repo.hasHistory("webHistoryChan")).isTrue();
            assertThat(repo.hasHistory("webNobodyHere")).isFalse();
        }

        @Test
        void aDefaultChannelIsRandomMadeOnceAndOnlyItsOwnerMayUseIt() {
            User erin = fixtures.user("erin");
            User frank = fixtures.user("frank");

            WebChannel erins = conversations.defaultFor(erin.id());
            WebChannel franks = conversations.defaultFor(frank.id());

            assertThat(erins.id()).startsWith("w").hasSize(WebChannelIds.MAX_LENGTH).isNotEqualTo(franks.id())
                    .isNotEqualTo(WebChannelIds.legacyDefault(erin.id()));
            assertThat(conversations.defaultFor(erin.id())).isEqualTo(erins);
            assertThat(conversations.usable(actor(erin), Optional.empty())).isEqualTo(erins.id());
            assertThat(conversations.usable(actor(erin), Optional.of(erins.id()))).isEqualTo(erins.id());
            assertThatThrownBy(() -> conversations.usable(actor(frank), Optional.of(erins.id())))
                    .isInstanceOf(ChannelNotFoundException.class);
            // the bot owner gets no way into a private conversation either
            assertThatThrownBy(() -> conversations.usable(new Actor(frank.id(), frank.discordId(), true), Optional.of(erins.id())))
                    .isInstanceOf(ChannelNotFoundException.class);
        }

        @Test
        void unknownAndDiscordChannelsLookMissingToEveryone() {
            User gina = fixtures.user("gina");
            for (Actor who : List.of(actor(gina), new Actor(gina.id(), gina.discordId(), true))) {
                for (String id : List.of("wNoSuchChannel", "123456789012345678", "cli", "", "x".repeat(21))) {
                    assertThatThrownBy(() -> conversations.usable(who, Optional.of(id)))
                            .isInstanceOf(ChannelNotFoundException.class);
                }
            }
        }

        @Test
        void aUserWhoTalkedInTheirDerivedChannelKeepsIt() {
            User hank = fixtures.user("hank");
            User ivy = fixtures.user("ivy");
            String legacy = WebChannelIds.legacyDefault(hank.id());
            Personality p = fixtures.personality(hank, "webchan-legacy", "Legacy", true);
            new JdbiConversationHistoryRepository(database()).append(HistoryMessage.create(legacy, null, p.id(),
                    hank.defaultPersonaId(), HistoryRole.USER, "from before", 1, List.of(), "{}", clock.instant()));

            // someone else asking for it first does not take it
            assertThatThrownBy(() -> conversations.usable(actor(ivy), Optional.of(legacy)))
                    .isInstanceOf(ChannelNotFoundException.class);
            assertThat(conversations.usable(actor(hank), Optional.of(legacy))).isEqualTo(legacy);
            assertThat(conversations.defaultFor(hank.id()).id()).isEqualTo(legacy);
            assertThat(repo.find(legacy).orElseThrow().ownerId()).isEqualTo(hank.id());
            assertThatThrownBy(() -> conversations.usable(actor(ivy), Optional.of(legacy)))
                    .isInstanceOf(ChannelNotFoundException.class);
        }

        @Test
        void concurrentFirstRequestsAgreeOnOneDefault() throws Exception {
            User jade = fixtures.user("jade");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<String>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(() -> conversations.defaultFor(jade.id()).id());
                }
                Set<String> ids = new HashSet<>();
                for (Future<String> f : pool.invokeAll(calls)) {
                    ids.add(f.get());
                }
                assertThat(ids).hasSize(1);
                assertThat(repo.listByOwner(jade.id())).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void createdChannelsAreTheCreatorsAndBounded() {
            User kim = fixtures.user("kim");
            User lee = fixtures.user("lee");
            WebChannel made = conversations.create(kim.id());

            assertThat(made.isDefault()).isFalse();
            assertThat(conversations.usable(actor(kim), Optional.of(made.id()))).isEqualTo(made.id());
            assertThatThrownBy(() -> conversations.usable(actor(lee), Optional.of(made.id())))
                    .isInstanceOf(ChannelNotFoundException.class);
            assertThat(conversations.list(kim.id())).hasSize(2).first().matches(WebChannel::isDefault);

            while (repo.countByOwner(kim.id()) < WebConversations.MAX_CHANNELS_PER_USER) {
                conversations.create(kim.id());
            }
            assertThatThrownBy(() -> conversations.create(kim.id())).isInstanceOf(TooManyChannelsException.class);
            assertThat(repo.countByOwner(kim.id())).isEqualTo(WebConversations.MAX_CHANNELS_PER_USER);
        }

        @Test
        void recordsAreReadableInDiscordChannelsAndOwnWebChannelsOnly() {
            User max = fixtures.user("max");
            User ned = fixtures.user("ned");
            String maxs = conversations.defaultFor(max.id()).id();

            assertThat(conversations.mayReadRecordIn(actor(max), maxs)).isTrue();
            assertThat(conversations.mayReadRecordIn(actor(ned), maxs)).isFalse();
            assertThat(conversations.mayReadRecordIn(actor(ned), "123456789012345678")).isTrue();
            assertThat(conversations.mayReadRecordIn(actor(ned), WebChannelIds.legacyDefault(ned.id()))).isTrue();
            assertThat(conversations.mayReadRecordIn(actor(ned), WebChannelIds.legacyDefault(max.id()))).isFalse();
            assertThat(conversations.mayReadRecordIn(actor(ned), "shared")).isFalse();
            assertThat(conversations.mayReadRecordIn(new Actor(ned.id(), ned.discordId(), true), maxs)).isTrue();
        }
    }
}
