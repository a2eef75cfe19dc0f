package io.tzurot.core.response;

import io.tzurot.core.model.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores how much a reply looks like a failed generation (e.g. a single "N" after minutes with finish reason
 * "unknown"). Signals add up; a score of 0.5 or more earns one content retry.
 */
public final class InadequacyAssessor {

    /** Visible replies shorter than this count as short. */
    static final int SHORT_REPLY_CHARS = 20;
    private static final long SLOW_MILLIS_PER_TOKEN = 10_000;

    private InadequacyAssessor() {
    }

    /** Assesses {@code reply} whose visible text after post-processing is {@code visible}. */
    public static InadequacyAssessment assess(ModelReply reply, String visible) {
        Objects.requireNonNull(reply, "reply");
        String shown = visible == null ? "" : visible.strip();
        int visibleChars = shown.codePointCount(0, shown.length());
        List<InadequacySignal> signals = new ArrayList<>();
        if (reply.finishReason() == FinishReason.UNKNOWN) {
            signals.add(InadequacySignal.FINISH_REASON_UNKNOWN);
        } else if (reply.finishReason() == FinishReason.ERROR) {
            signals.add(InadequacySignal.FINISH_REASON_ERROR);
        }
        if (reply.completionTokens().isPresent()) {
            int tokens = reply.completionTokens().getAsInt();
            if (tokens <= 1) {
                signals.add(InadequacySignal.AT_MOST_ONE_TOKEN);
            } else if (tokens <= 5) {
                signals.add(InadequacySignal.AT_MOST_FIVE_TOKENS);
            }
        }
        boolean stopped = reply.finishReason() == FinishReason.STOP || reply.stopSequenceTriggered();
        if (!stopped && visibleChars < SHORT_REPLY_CHARS) {
            signals.add(InadequacySignal.NO_STOP_AND_SHORT);
        }
        // Without a reported count, estimate the tokens of the raw text (about four characters each).
        long tokens = Math.max(1, reply.completionTokens().isPresent() ? reply.completionTokens().getAsInt()
                : (reply.content().length() + 3) / 4);
        if (reply.elapsed().toMillis() > SLOW_MILLIS_PER_TOKEN * tokens) {
            signals.add(InadequacySignal.SLOW_PER_TOKEN);
        }
        if (visibleChars == 0) {
            signals.add(InadequacySignal.EMPTY_AFTER_STRIPPING);
        } else if (visibleChars <= 2) {
            signals.add(InadequacySignal.NEAR_EMPTY_AFTER_STRIPPING);
        }
        return InadequacyAssessment.of(signals);
    }
}
