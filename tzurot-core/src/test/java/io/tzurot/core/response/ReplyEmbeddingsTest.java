package io.tzurot.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.model.EmbeddingModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplyEmbeddingsTest {

    private static final String FIRST = "The lighthouse keeper lit the lamp at dusk every day.";
    private static final String SECOND = "Fog rolled over the harbour and hid every boat from view.";

    private final AtomicInteger embedded = new AtomicInteger();
    // a stand-in model: the vector depends on the text's length only, enough to tell texts apart here
    private final EmbeddingModel model = text -> {
        embedded.incrementAndGet();
        return new float[] {text.length(), 1f};
    };

    @Test
    void vectorsAreFoundByTheReplyTextWithinTheirOwnConversationOnly() {
        ReplyEmbeddings store = new ReplyEmbeddings(model);
        ReplyVector first = store.embed(FIRST).orElseThrow();
        store.remember("pal:1", FIRST + "\n-# model: test/model", first);

        List<PriorReply> here = store.attach("pal:1",
                List.of(new PriorReply(SECOND, Optional.empty()), new PriorReply(FIRST, Optional.empty())));
        List<PriorReply> elsewhere = store.attach("pal:2", List.of(new PriorReply(FIRST, Optional.empty())));

        assertThat(here.get(0).embedding()).isEmpty();
        assertThat(here.get(1).embedding()).contains(first);
        assertThat(elsewhere.get(0).embedding()).as("another channel compares with nothing").isEmpty();
        assertThat(store.knows("pal:1", FIRST)).isTrue();
        assertThat(store.knows("pal:1", SECOND)).isFalse();
        assertThat(store.knows("pal:2", FIRST)).isFalse();
    }

    @Test
    void eachConversationKeepsItsNewestVectorsOnly() {
        ReplyEmbeddings store = new ReplyEmbeddings(model);
        for (int i = 0; i < ReplyEmbeddings.PER_CONVERSATION + 3; i++) {
            store.remember("pal:1", "reply number " + i, new ReplyVector(new float[] {i, 1f}));
        }

        assertThat(store.attach("pal:1", List.of(new PriorReply("reply number 0", Optional.empty()))).get(0).embedding())
                .isEmpty();
        assertThat(store.attach("pal:1", List.of(new PriorReply("reply number " + (ReplyEmbeddings.PER_CONVERSATION + 2),
                Optional.empty()))).get(0).embedding()).isPresent();
    }

    @Test
    void theOldestConversationsAreDropped() {
        ReplyEmbeddings store = new ReplyEmbeddings(model);
        for (int i = 0; i < ReplyEmbeddings.MAX_CONVERSATIONS + 5; i++) {
            store.remember("pal:" + i, FIRST, new ReplyVector(new float[] {1f, 1f}));
        }

        assertThat(store.conversations()).isEqualTo(ReplyEmbeddings.MAX_CONVERSATIONS);
        assertThat(store.attach("pal:0", List.of(new PriorReply(FIRST, Optional.empty()))).get(0).embedding()).isEmpty();
    }

    @Test
    void aDeliveredReplyKeepsTheCheckedVectorOrIsEmbeddedOnceWhenALaterTurnComparesUnlessKnownOrTooShort() {
        ReplyEmbeddings store = new ReplyEmbeddings(model);
        ReplyVector checked = new ReplyVector(new float[] {7f, 1f});
        store.keep("pal:1", FIRST, Optional.of(checked), Runnable::run);
        store.keep("pal:1", FIRST + "\n-# model: test/model", Optional.empty(), Runnable::run);
        store.keep("pal:1", "Too short.", Optional.empty(), Runnable::run);
        assertThat(embedded).as("the checked vector is kept; a known text and a short one embed nothing").hasValue(0);

        store.keep("pal:1", SECOND, Optional.empty());

        assertThat(embedded).as("nothing is embedded before a later turn compares with it").hasValue(0);
        List<PriorReply> kept = store.attach("pal:1",
                List.of(new PriorReply(FIRST, Optional.empty()), new PriorReply(SECOND, Optional.empty())));
        assertThat(kept.get(0).embedding()).contains(checked);
        assertThat(kept.get(1).embedding()).isPresent();
        assertThat(embedded).hasValue(1);
        assertThat(store.attach("pal:1", List.of(new PriorReply(SECOND, Optional.empty()))).get(0).embedding())
                .as("embedded once, then kept").isEqualTo(kept.get(1).embedding());
        assertThat(embedded).hasValue(1);
        assertThat(store.knows("pal:1", "Too short.")).isFalse();
    }

    @Test
    void aDisabledStoreOrAFailingModelEmbedsNothing() {
        assertThat(ReplyEmbeddings.disabled().enabled()).isFalse();
        assertThat(ReplyEmbeddings.disabled().embed(FIRST)).isEmpty();
        ReplyEmbeddings failing = new ReplyEmbeddings(text -> {
            throw new IllegalStateException("model not loaded");
        });
        assertThat(failing.embed(FIRST)).isEmpty();
        assertThat(embedded).hasValue(0);
    }
}
