package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.StoreApiKey;
import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.TokenUsage;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every reply writes exactly one usage row: the user, the character that answered, the model used, the tokens the
 * provider reported, guest (the operator's OpenRouter key paid) or BYOK (the user's own key), and the latency.
 */
class ReplyUsageLogTest {

    private static final byte[] MASTER_KEY = new byte[32];

    abstract static class Scenario extends DatabaseContract {

        Repositories repos;
        ReplyEngine engine;
        Personality ada;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void start() {
            repos = Repositories.of(database(), Clock.systemUTC());
            // an instant model reporting fixed token counts; the provider is OpenRouter, so guest mode applies (each
            // user talks in a channel of their own: the same answer twice in one channel would be retried as a duplicate)
            ModelComponents models = new ModelComponents((request, key, base) -> CompletableFuture.completedFuture(
                    new ModelResponse("A reply to " + key.length() + " characters of key, with care.", Optional.empty(),
                            FinishReason.STOP, Optional.of(new TokenUsage(321, 45)), request.model(),
                            Duration.ofMillis(1), 1)),
                    new BgeSmallEmbeddingModel(), new TiktokenCounter(),
                    (r, k, b) -> CompletableFuture.completedFuture("an image"),
                    (a, m, l, k, b) -> CompletableFuture.completedFuture("words"),
                    a -> CompletableFuture.completedFuture(new byte[0]));
            engine = new ReplyEngine(repos, models, MASTER_KEY, new ReplyEngine.Settings(
                    new ProviderAccess("https://openrouter.ai/api/v1", Optional.of("sk-operator")), "paid/model",
                    Optional.empty(), MediaSettings.DEFAULTS), Clock.systemUTC());
            User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000071", "owner", null, null,
                    false), false);
            ada = repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada",
                    "Ada is a thoughtful librarian.", "patient, precise").withPublic(true));
        }

        @AfterAll
        void stop() {
            if (engine != null) {
                engine.close();
            }
        }

        @Test
        void aGuestReplyWritesOneRowPaidByTheOperator() {
            ReplyOutcome outcome = reply("usage:guest", "100000000000000072");
            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);
            User user = repos.users().findByDiscordId("100000000000000072").orElseThrow();

            Map<String, Object> row = onlyRow("100000000000000072");

            assertThat(row.get("user_id")).isEqualTo(user.id());
            assertThat(row.get("personality_id")).isEqualTo(ada.id());
            assertThat(row.get("model")).isEqualTo(ProviderAccess.FALLBACK_FREE_MODEL);
            assertThat(row.get("provider")).isEqualTo("openrouter");
            assertThat(((Number) row.get("tokens_in")).intValue()).isEqualTo(321);
            assertThat(((Number) row.get("tokens_out")).intValue()).isEqualTo(45);
            assertThat(row.get("guest")).isEqualTo(true);
            assertThat(row.get("request_type")).isEqualTo(UsageLog.REPLY);
            assertThat(((Number) row.get("latency_ms")).intValue()).isGreaterThanOrEqualTo(0);
        }

        @Test
        void aReplyWithTheUsersOwnKeyWritesOneRowMarkedBringYourOwnKey() {
            User user = repos.users().getOrCreate(new DiscordUserProfile("100000000000000073", "byok", null, null,
                    false), false);
            new StoreApiKey(repos.apiKeys(), new ApiKeyCipher(MASTER_KEY)).execute(user.id(), "openrouter",
                    "sk-or-users-own");
            ReplyOutcome outcome = reply("usage:byok", "100000000000000073");
            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);

            Map<String, Object> row = onlyRow("100000000000000073");

            assertThat(row.get("user_id")).isEqualTo(user.id());
            assertThat(row.get("personality_id")).isEqualTo(ada.id());
            assertThat(row.get("model")).isEqualTo("paid/model");
            assertThat(row.get("guest")).isEqualTo(false);
            assertThat(((Number) row.get("tokens_in")).intValue()).isEqualTo(321);
            assertThat(((Number) row.get("tokens_out")).intValue()).isEqualTo(45);
        }

        @Test
        void aRedeliveredJobLogsNothingTwice() {
            reply("usage:again", "100000000000000074");
            onlyRow("100000000000000074");
            assertThat(reply("usage:again", "100000000000000074")).isInstanceOf(ReplyOutcome.Replied.class);
            // the background writer works in order: once a later reply's row is written, a second one would be too
            reply("usage:later", "100000000000000075");
            onlyRow("100000000000000075");
            assertThat(rowsOf("100000000000000074")).hasSize(1);
        }

        private ReplyOutcome reply(String requestId, String discordId) {
            return engine.service().reply(ReplyRequest.text(requestId, Platform.CLI,
                    new Speaker(discordId, "u" + discordId, null), "ada", "53" + discordId.substring(2), "Hello, Ada?",
                    Instant.now())).join();
        }

        /** The one usage row of this user, once the background writer wrote it. */
        private Map<String, Object> onlyRow(String discordId) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !rowsOf(discordId).isEmpty());
            List<Map<String, Object>> rows = rowsOf(discordId);
            assertThat(rows).hasSize(1);
            return rows.get(0);
        }

        private List<Map<String, Object>> rowsOf(String discordId) {
            return database().jdbi().withHandle(h -> h.createQuery("SELECT u.* FROM usage_logs u JOIN users x ON "
                    + "x.id = u.user_id WHERE x.discord_id = :d").bind("d", discordId).mapToMap().list());
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
