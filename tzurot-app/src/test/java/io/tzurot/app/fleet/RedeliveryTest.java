package io.tzurot.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.messaging.Job;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.StreamMessage;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A job delivered again after its worker died neither calls the model nor writes history or memory twice. */
class RedeliveryTest {

    abstract static class Scenario extends DatabaseContract {
        FakeModelServer model;
        Messaging messaging;
        ReplyEngine engine;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void start() {
            model = FakeModelServer.start();
            messaging = Messaging.inProcess();
            Repositories repos = Repositories.of(database(), Clock.systemUTC());
            User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false),
                    false);
            repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a thoughtful librarian.",
                    "patient").withPublic(true));
            engine = new ReplyEngine(repos, ModelComponents.real(model.baseUrl(), Optional.empty()), new byte[32],
                    new ReplyEngine.Settings(new ProviderAccess(model.baseUrl(), Optional.of("sk-test")), "test/model",
                            Optional.empty(), MediaSettings.DEFAULTS), Clock.systemUTC());
        }

        @AfterAll
        void stop() {
            if (engine != null) {
                engine.close();
            }
            // The database @BeforeAll runs first and may have skipped the suite before start() ran.
            if (messaging != null) {
                messaging.close();
            }
            if (model != null) {
                model.close();
            }
        }

        private int count(String sql) {
            return database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
        }

        @Test
        void aRedeliveredJobReplaysTheRecordedReply() throws Exception {
            model.enqueue(FakeReply.text("Books are quiet friends."));
            List<StreamMessage> published = new CopyOnWriteArrayList<>();
            ReplyQueues.results(messaging).consume("observer", "o1", published::add);
            ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(messaging), ReplyQueues.results(messaging),
                    engine.service(), "w1", 1);
            ReplyRequest request = ReplyRequest.text("discord:1001", Platform.DISCORD,
                    new Speaker("100000000000000001", "alice", null), "ada", "300000000000000001",
                    "What do you think of books?", Instant.now());
            String payload = new ReplyJobCodec().encodeRequest(request);

            JobOutcome first = worker.handle(new Job(request.requestId(), ReplyJobCodec.JOB_TYPE, payload, 1)).toCompletableFuture().join();
            Awaitility.await().until(() -> count("SELECT count(*) FROM pending_memories") == 0
                    && count("SELECT count(*) FROM memories") > 0);
            int memories = count("SELECT count(*) FROM memories");
            // The worker died before acknowledging: the queue hands the same job to another worker.
            JobOutcome second = worker.handle(new Job(request.requestId(), ReplyJobCodec.JOB_TYPE, payload, 2)).toCompletableFuture().join();
            worker.close();

            assertThat(first).isEqualTo(JobOutcome.completed());
            assertThat(second).isEqualTo(JobOutcome.completed());
            assertThat(model.requests()).hasSize(1);
            assertThat(count("SELECT count(*) FROM conversation_history WHERE channel_id = '300000000000000001'"))
                    .isEqualTo(2);
            Awaitility.await().until(() -> count("SELECT count(*) FROM pending_memories") == 0);
            assertThat(count("SELECT count(*) FROM memories")).isEqualTo(memories);
            Awaitility.await().until(() -> !published.isEmpty());
            assertThat(published).hasSize(1);
            ReplyOutcome outcome = new ReplyJobCodec().decodeOutcome(published.get(0).payload());
            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);
            assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("Books are quiet friends.");
            assertThat(published.get(0).id()).isEqualTo(request.requestId());
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
