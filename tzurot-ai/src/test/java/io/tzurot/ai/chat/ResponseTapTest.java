package io.tzurot.ai.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The tap parses the first chunk and then only chunks that may carry reasoning, an error or a finish reason. */
class ResponseTapTest {

    private static final String CONTENT = "{\"id\":\"c\",\"model\":\"m/one\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}";

    @Test
    void aContentChunkWithoutAFinishReasonIsNotParsedAgain() {
        assertThat(ResponseTap.mayCarryMore(CONTENT)).isFalse();
        assertThat(ResponseTap.mayCarryMore("{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}")).isFalse();
        assertThat(ResponseTap.mayCarryMore(CONTENT.replace("\"finish_reason\":null", "\"finish_reason\" : null")))
                .isFalse();
    }

    @Test
    void chunksThatMayCarryMoreAreParsed() {
        assertThat(ResponseTap.mayCarryMore(CONTENT.replace("null", "\"stop\""))).isTrue();
        assertThat(ResponseTap.mayCarryMore(CONTENT.replace("\"finish_reason\":null", "\"finish_reason\": \"length\"")))
                .isTrue();
        assertThat(ResponseTap.mayCarryMore(CONTENT.replace("\"content\":\"Hi\"", "\"reasoning\":\"hmm\""))).isTrue();
        assertThat(ResponseTap.mayCarryMore("{\"error\":{\"code\":429,\"message\":\"slow down\"}}")).isTrue();
    }

    @Test
    void whatTheLaterChunksCarryIsStillRead() {
        ResponseTap tap = new ResponseTap(new ObjectMapper());
        tap.observeChunk(CONTENT);
        tap.observeChunk(CONTENT.replace("\"content\":\"Hi\"", "\"reasoning\":\"think \""));
        tap.observeChunk(CONTENT.replace("\"content\":\"Hi\"", "\"reasoning_content\":\"more\""));
        tap.observeChunk(CONTENT.replace("m/one", "m/two"));
        tap.observeChunk(CONTENT.replace("null", "\"length\""));
        tap.observeChunk("{\"error\":{\"code\":503,\"message\":\"gone\"}}");

        assertThat(tap.model()).contains("m/one");
        assertThat(tap.reasoning()).contains("think more");
        assertThat(tap.finishReason()).contains("length");
        assertThat(tap.streamError()).isPresent();
    }
}
