package io.tzurot.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A late reader first gets the text so far, then every change; one that stopped gets nothing more. */
class ReplyDeltasTest {

    private static final class Log implements ReplyDeltas.Reader {
        final List<String> calls = new ArrayList<>();

        @Override
        public void delta(String text) {
            calls.add("delta:" + text);
        }

        @Override
        public void reset(String text) {
            calls.add("reset:" + text);
        }
    }

    @Test
    void aLateReaderCatchesUpThenFollows() {
        ReplyDeltas deltas = new ReplyDeltas();
        deltas.delta("Hello ");
        deltas.delta("there ");
        Log early = new Log();
        Log late = new Log();
        Runnable stopEarly = deltas.follow(early);
        deltas.reset("Hi ");
        Runnable stopLate = deltas.follow(late);
        deltas.delta("friend");
        stopEarly.run();
        deltas.delta("!");
        stopLate.run();

        assertThat(early.calls).containsExactly("delta:Hello there ", "reset:Hi ", "delta:friend");
        assertThat(late.calls).containsExactly("delta:Hi ", "delta:friend", "delta:!");
        assertThat(deltas.text()).isEqualTo("Hi friend!");
    }

    @Test
    void aReaderOfNothingYetGetsNoEmptyDelta() {
        Log reader = new Log();
        new ReplyDeltas().follow(reader);
        assertThat(reader.calls).isEmpty();
    }
}
