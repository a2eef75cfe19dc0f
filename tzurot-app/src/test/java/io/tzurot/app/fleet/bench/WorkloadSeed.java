package io.tzurot.app.fleet.bench;

import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.access.AccessSecrets;
import io.tzurot.core.access.IssuingApiToken;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.core.webchannel.WebChannel;
import io.tzurot.core.webchannel.WebChannelIds;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.webchannel.JdbiWebChannelRepository;
import io.tzurot.testkit.model.VariedReplies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reference workload's data, written straight through the repositories before any process starts: one public
 * character, {@code users} users with an API token each, and 300 earlier exchanges with the character in every
 * user's persona (real BGE-small embeddings, a month old), so each reply recalls about 20 memories. Web channels are
 * made here too, one per reply, because the API caps a user at 100 and every reply of the workload goes to a new
 * channel (no history).
 */
final class WorkloadSeed {

    static final String CHARACTER = "ada";
    static final int EXCHANGES = 300;

    record Sender(User user, String token) {
    }

    private final Repositories repos;
    private final JdbiWebChannelRepository channels;
    private final List<Sender> senders = new ArrayList<>();

    private WorkloadSeed(Database database) {
        this.repos = Repositories.of(database, Clock.systemUTC());
        this.channels = new JdbiWebChannelRepository(database.jdbi());
    }

    static WorkloadSeed write(Database database, int users, WorkloadMessages messages) {
        WorkloadSeed seed = new WorkloadSeed(database);
        seed.populate(users, messages);
        return seed;
    }

    List<Sender> senders() {
        return senders;
    }

    /** A new web channel of {@code sender}, as {@code POST /api/v1/channels} would make it. */
    String newChannel(Sender sender) {
        String id = WebChannelIds.random();
        if (!channels.insert(new WebChannel(id, sender.user().id(), false, Instant.now()))) {
            throw new IllegalStateException("web channel id taken: " + id);
        }
        return id;
    }

    private void populate(int users, WorkloadMessages messages) {
        User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false),
                false);
        UUID character = repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", CHARACTER,
                "Ada is a librarian who likes long walks.", "patient and curious").withPublic(true)).id();
        List<String> exchanges = new ArrayList<>();
        VariedReplies replies = new VariedReplies();
        for (int i = 0; i < EXCHANGES; i++) {
            exchanges.add("{user}: " + messages.next() + "\n{assistant}: " + replies.next());
        }
        List<float[]> vectors = new ArrayList<>();
        BgeSmallEmbeddingModel embeddings = new BgeSmallEmbeddingModel();
        for (String exchange : exchanges) {
            vectors.add(embeddings.embed(exchange));
        }
        IssuingApiToken tokens = new IssuingApiToken(new JdbiAccessRepository(repos.database().jdbi()),
                new AccessSecrets(), Clock.systemUTC());
        Instant old = Instant.now().minus(Duration.ofDays(30));
        for (int u = 0; u < users; u++) {
            String discordId = String.format("1%017d", u + 1);
            User user = repos.users().getOrCreate(new DiscordUserProfile(discordId, "user" + u, null, null, false), false);
            UUID persona = repos.personas().listByOwner(user.id()).get(0).id();
            for (int i = 0; i < EXCHANGES; i++) {
                repos.memories().insert(NewMemory.live(persona, character, exchanges.get(i), vectors.get(i), null,
                        null, null, old.plusSeconds(i)));
            }
            senders.add(new Sender(user, tokens.issueForDiscordUser(discordId, false, "bench").secret()));
        }
    }
}
