package io.tzurot.storage.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.attachment.CachedDescription;
import io.tzurot.core.attachment.DescriptionCache;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DescriptionCacheTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

        DescriptionCache cache;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            cache = new JdbiDescriptionCache(database());
        }

        @Test
        void storesDescriptionsAndNegativeEntriesAndReplacesThem() {
            String key = "1234567890123456789";
            assertThat(cache.find(key)).isEmpty();
            cache.put(key, new CachedDescription.Failed("content_policy"), T0);
            assertThat(cache.find(key)).contains(new CachedDescription.Failed("content_policy"));

            cache.put(key, new CachedDescription.Described("A cat on a sofa.", "qwen/vl"), T0.plusSeconds(1));
            assertThat(cache.find(key)).contains(new CachedDescription.Described("A cat on a sofa.", "qwen/vl"));
            UUID id = database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM image_description_cache WHERE attachment_id = :k").bind("k", key).mapTo(UUID.class).one());
            assertThat(id).isEqualTo(DeterministicIds.imageDescriptionCache(key));

            assertThat(cache.remove(key)).isTrue();
            assertThat(cache.remove(key)).isFalse();
        }

        @Test
        void acceptsContentHashKeysForTranscripts() {
            String key = "audio:" + DeterministicIds.sha256Hex("voice bytes", 64);
            cache.put(key, new CachedDescription.Described("hello there", "whisper-1"), T0);
            assertThat(cache.find(key)).contains(new CachedDescription.Described("hello there", "whisper-1"));
            assertThatThrownBy(() -> cache.find("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
