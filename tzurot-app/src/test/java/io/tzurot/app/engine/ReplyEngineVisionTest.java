package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.core.reply.MediaSettings;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** pipeline.md §10.1: an image goes to the main model when the provider lists it with image input, else the fallback. */
class ReplyEngineVisionTest {

    abstract static class Scenario extends DatabaseContract {
        private EngineFixture fixture;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @AfterEach
        void stopEngine() {
            if (fixture != null) {
                fixture.close();
            }
        }

        /** Sends a picture to a fresh engine whose provider lists {@code test/model} as given; returns the vision call. */
        private RecordedRequest sendPicture(boolean mainModelSeesImages, String slug) {
            fixture = new EngineFixture(database());
            fixture.personality("Vee", slug);
            fixture.model.models(List.of("test/model", "other/model"))
                    .imageModels(mainModelSeesImages ? Set.of("test/model") : Set.of());
            fixture.model.respondWith(request -> request.imageUrls().isEmpty()
                    ? FakeReply.text("What a fine red bicycle that is!")
                    : FakeReply.text("A red bicycle leaning against a brick wall."));
            AttachmentInput picture = new AttachmentInput(UUID.randomUUID().toString().replace("-", ""),
                    "https://cdn.example.test/bike.png", "bike.png", "image/png", 2048, false, OptionalDouble.empty());
            ReplyRequest request = new ReplyRequest("test:" + UUID.randomUUID(), Platform.CLI,
                    new Speaker("100000000000000077", "rider", null), slug, "444444444444444444", Optional.empty(),
                    Optional.empty(), "Look at my bike", List.of(picture), List.of(), Optional.empty(), Set.of(),
                    Instant.now(), false);

            ReplyOutcome outcome = fixture.engine.service().reply(request).join();

            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);
            assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("What a fine red bicycle that is!");
            String prompt = fixture.model.lastRequest().body().toString();
            assertThat(prompt).contains("A red bicycle leaning against a brick wall.");
            List<RecordedRequest> visionCalls = fixture.model.requests().stream()
                    .filter(r -> !r.imageUrls().isEmpty()).toList();
            assertThat(visionCalls).hasSize(1);
            assertThat(visionCalls.get(0).imageUrls()).containsExactly("https://cdn.example.test/bike.png");
            return visionCalls.get(0);
        }

        @Test
        void aMainModelThatAcceptsImagesDescribesThemItself() {
            RecordedRequest vision = sendPicture(true, "vee-sees");
            assertThat(vision.body().path("model").asText()).isEqualTo("test/model");
        }

        @Test
        void aTextOnlyMainModelLeavesImagesToTheFallback() {
            RecordedRequest vision = sendPicture(false, "vee-blind");
            assertThat(vision.body().path("model").asText()).isEqualTo(MediaSettings.DEFAULTS.visionFallbackModel());
        }
    }

    @Nested
    class OnH2 extends Scenario {
        OnH2() {
            super(Dialect.H2);
        }
    }
}
