package io.tzurot.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.reply.ReplyStream;
import io.tzurot.messaging.broadcast.InProcessBroadcast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay's receiving side: pieces reach the stream of their reply in order, a reply this process does not follow
 * is dropped on its id alone (its text is never parsed), and ids that need JSON escapes still find their stream.
 */
class ReplyDeltaRelayTest {

    private final InProcessBroadcast broadcast = new InProcessBroadcast();
    private final ReplyDeltaRelay relay = new ReplyDeltaRelay(broadcast);
    private final List<String> seen = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    private final ReplyStream stream = new ReplyStream() {
        @Override
        public void delta(String text) {
            seen.add("delta:" + text);
        }

        @Override
        public void reset(String text) {
            seen.add("reset:" + text);
        }
    };

    @Test
    void piecesOfAFollowedReplyArriveInOrder() {
        relay.incoming(id -> {
            asked.add(id);
            return id.equals("r-1") || id.equals("a\"b\\c") ? stream : null;
        });
        ReplyDeltaRelay.Outgoing out = relay.outgoing("r-1");
        out.delta("Hello");
        out.flush();
        out.reset("Hi \"there\"\n");
        out.flush();
        ReplyDeltaRelay.Outgoing escaped = relay.outgoing("a\"b\\c");
        escaped.delta("é ✓");
        escaped.flush();

        assertThat(seen).containsExactly("delta:Hello", "reset:Hi \"there\"\n", "delta:é ✓");
        relay.close();
    }

    @Test
    void aReplyNobodyFollowsHereIsDroppedOnItsIdWithoutParsing() {
        relay.incoming(id -> {
            asked.add(id);
            return null;
        });
        // broken after the id: a parser would fail before any route is asked, so the route being asked shows it was not parsed
        broadcast.publish("{\"id\":\"someone-else\",\"reset\":fals");

        assertThat(asked).containsExactly("someone-else");
        assertThat(seen).isEmpty();
        assertThat(ReplyDeltaRelay.leadingId("{\"id\":\"x\\\"y\",\"text\":\"\"}")).as("escaped: parse to tell").isNull();
        assertThat(ReplyDeltaRelay.leadingId("[1]")).isNull();
        relay.close();
    }
}
