package io.tzurot.discord.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.reply.Speaker;
import io.tzurot.messaging.keys.InProcessKeyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop guard's state in a key store: the count since a person spoke, that person, and each post's claim. */
class ChainCountsTest {

    private final InProcessKeyStore keys = new InProcessKeyStore();
    private final ChainCounts counts = new ChainCounts(keys);

    @AfterEach
    void close() {
        keys.close();
    }

    @Test
    void aPersonSpeakingStartsTheCountAgainAndIsRemembered() {
        assertThat(counts.lastPerson("1")).isEmpty();
        counts.personSpoke("1", new Speaker("42", "alice", "Alice A."));
        assertThat(counts.lastPerson("1")).contains(new Speaker("42", "alice", "Alice A."));
        assertThat(counts.nextTurn("1")).isEqualTo(1);
        assertThat(counts.nextTurn("1")).isEqualTo(2);
        assertThat(counts.nextTurn("2")).isEqualTo(1); // each channel counts on its own

        counts.personSpoke("1", new Speaker("43", "bea", "Bea"));
        assertThat(counts.nextTurn("1")).isEqualTo(1);
        assertThat(counts.lastPerson("1")).contains(new Speaker("43", "bea", "Bea"));
    }

    @Test
    void eachPostIsFollowedOnce() {
        ChainCounts otherGateway = new ChainCounts(keys);
        assertThat(counts.claim("100")).isTrue();
        assertThat(otherGateway.claim("100")).isFalse();
        assertThat(otherGateway.claim("101")).isTrue();
    }
}
