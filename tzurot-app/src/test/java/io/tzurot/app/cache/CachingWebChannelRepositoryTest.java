package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.webchannel.ChannelNotFoundException;
import io.tzurot.core.webchannel.WebChannel;
import io.tzurot.core.webchannel.WebChannelIds;
import io.tzurot.core.webchannel.WebChannelRepository;
import io.tzurot.core.webchannel.WebConversations;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.portability.JdbiUserErasure;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.storage.webchannel.JdbiWebChannelRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web-channel cache on a real database and the real in-process bus: {@code here} and {@code there} are two api
 * processes. Whose channel a chat names is read from the database once; a channel not found is asked again (another
 * process may have made it); a channel made here needs no read; erasing its owner drops it in every process.
 */
class CachingWebChannelRepositoryTest {

    private final Database database = Database.open(DatabaseSettings.inMemory("webch" + UUID.randomUUID().toString().replace("-", "")));
    private final InProcessEventBus bus = new InProcessEventBus();
    private final Clock clock = Clock.systemUTC();
    private final JdbiWebChannelRepository raw = new JdbiWebChannelRepository(database.jdbi());
    private final AtomicInteger reads = new AtomicInteger();
    private final WebChannelRepository here = cached(counting(raw));
    private final WebChannelRepository there = cached(raw);
    private final JdbiUserRepository users = new JdbiUserRepository(database.jdbi(), clock);
    private final User alice = users.getOrCreate(new DiscordUserProfile("100000000000000001", "alice", null, null, false), false);
    private final User bob = users.getOrCreate(new DiscordUserProfile("100000000000000002", "bob", null, null, false), false);

    private WebChannelRepository cached(WebChannelRepository delegate) {
        return new CachingWebChannelRepository(delegate, new CacheContext(bus, ConfigEpoch.none(), Duration.ofMinutes(10)));
    }

    @AfterEach
    void close() {
        bus.close();
        database.close();
    }

    @Test
    void aChannelIsReadFromTheDatabaseOnce() {
        String id = WebChannelIds.random();
        raw.insert(new WebChannel(id, alice.id(), false, Instant.now()));
        WebConversations conversations = new WebConversations(here, clock);
        Actor actor = new Actor(alice.id(), alice.discordId(), false);

        assertThat(conversations.usable(actor, Optional.of(id))).isEqualTo(id);
        assertThat(conversations.usable(actor, Optional.of(id))).isEqualTo(id);
        assertThat(reads).hasValue(1);
        assertThatThrownBy(() -> conversations.usable(new Actor(bob.id(), bob.discordId(), false), Optional.of(id)))
                .as("the cached owner still decides").isInstanceOf(ChannelNotFoundException.class);
    }

    @Test
    void aChannelNotFoundIsAskedForAgain() {
        String id = WebChannelIds.random();
        assertThat(here.find(id)).isEmpty();

        there.insert(new WebChannel(id, alice.id(), false, Instant.now())); // another api process made it

        assertThat(here.find(id)).map(WebChannel::ownerId).contains(alice.id());
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChannelMadeHereNeedsNoRead() {
        WebConversations conversations = new WebConversations(here, clock);
        WebChannel made = conversations.create(alice.id());
        int before = reads.get();

        assertThat(here.find(made.id())).contains(made);
        assertThat(here.findDefault(alice.id())).map(WebChannel::isDefault).contains(true);
        assertThat(reads).hasValue(before);
    }

    @Test
    void erasingTheOwnerDropsTheirChannelsInEveryProcess() {
        String id = WebChannelIds.random();
        raw.insert(new WebChannel(id, alice.id(), false, Instant.now()));
        assertThat(here.find(id)).isPresent();
        assertThat(there.find(id)).isPresent();

        new ErasingUser(users, new JdbiUserErasure(database), bus)
                .erase(new Actor(alice.id(), alice.discordId(), false), "me", ErasingUser.CONFIRMATION);

        assertThat(here.find(id)).isEmpty();
        assertThat(there.find(id)).isEmpty();
    }

    /** {@code delegate} counting its reads of single channels. */
    private WebChannelRepository counting(WebChannelRepository delegate) {
        return new WebChannelRepository() {
            @Override
            public Optional<WebChannel> find(String id) {
                reads.incrementAndGet();
                return delegate.find(id);
            }

            @Override
            public Optional<WebChannel> findDefault(UUID ownerId) {
                reads.incrementAndGet();
                return delegate.findDefault(ownerId);
            }

            @Override
            public List<WebChannel> listByOwner(UUID ownerId) {
                return delegate.listByOwner(ownerId);
            }

            @Override
            public int countByOwner(UUID ownerId) {
                return delegate.countByOwner(ownerId);
            }

            @Override
            public boolean insert(WebChannel channel) {
                return delegate.insert(channel);
            }

            @Override
            public boolean hasHistory(String channelId) {
                return delegate.hasHistory(channelId);
            }
        };
    }
}
