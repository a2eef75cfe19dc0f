package io.tzurot.core.response;

import io.tzurot.core.model.FinishReason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides which part of a reply still being written may be shown. The pieces so far go through the same
 * post-processing as the finished reply (thinking extracted, name labels and artifacts stripped, placeholders and
 * user references substituted), but only what is settled is shown: nothing inside a thinking tag that is not yet
 * closed, nothing of a tag or placeholder still being written, not the last word (it may still grow), and nothing at
 * all until the first line is long enough to tell whether it starts with a name label. Should later text change what
 * was shown (an orphan closing thinking tag, a repeated copy cut off), the shown text is replaced as a whole.
 * Not thread-safe: one reply's pieces arrive one after another.
 */
public final class StreamingReplyText {

    /** What changed on the reader's side. */
    public sealed interface Update permits Append, Replace {
        /** The text the reader shows after this update. */
        String shown();
    }

    /** {@code text} is added at the end of what was shown. */
    public record Append(String text, String shown) implements Update {
        /** Validates the fields. */
        public Append {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(shown, "shown");
        }
    }

    /** What was shown is withdrawn; {@code shown} is shown instead (possibly nothing). */
    public record Replace(String shown) implements Update {
        /** Validates the field. */
        public Replace {
            Objects.requireNonNull(shown, "shown");
        }
    }

    private final ResponsePostProcessor post;
    private final int holdFirstLine;
    private final StringBuilder raw = new StringBuilder();
    private String shown = "";

    /**
     * @param post          the post-processor of the finished reply
     * @param holdFirstLine characters of the first line held back before anything is shown (longer than any name
     *                      label the post-processor strips)
     */
    public StreamingReplyText(ResponsePostProcessor post, int holdFirstLine) {
        this.post = Objects.requireNonNull(post, "post");
        if (holdFirstLine < 0) {
            throw new IllegalArgumentException("holdFirstLine must be >= 0, got " + holdFirstLine);
        }
        this.holdFirstLine = holdFirstLine;
    }

    /** Adds the next raw piece; the update to send, if the settled text changed. */
    public Optional<Update> add(String piece) {
        raw.append(Objects.requireNonNull(piece, "piece"));
        String settled = settled(raw.toString());
        if (settled.equals(shown)) {
            return Optional.empty();
        }
        if (settled.startsWith(shown)) {
            String added = settled.substring(shown.length());
            shown = settled;
            return Optional.of(new Append(added, shown));
        }
        if (shown.startsWith(settled)) {
            return Optional.empty(); // shorter for now (a tag being written at the end): wait rather than retract
        }
        shown = settled;
        return Optional.of(new Replace(shown));
    }

    /** The pieces so far are void (the model is asked again); withdraws what was shown, if anything. */
    public Optional<Update> restart() {
        raw.setLength(0);
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        shown = "";
        return Optional.of(new Replace(""));
    }

    /** The text shown so far. */
    public String shown() {
        return shown;
    }

    private String settled(String text) {
        String cut = text.substring(0, ThinkingExtractor.settledEnd(text));
        int brace = cut.lastIndexOf('{');
        if (brace >= 0 && cut.indexOf('}', brace) < 0) {
            cut = cut.substring(0, brace); // a placeholder still being written
        }
        if (shown.isEmpty() && cut.strip().indexOf('\n') < 0 && cut.strip().length() < holdFirstLine) {
            return "";
        }
        String processed = post.process(new ModelReply(cut, Optional.empty(), FinishReason.UNREPORTED,
                OptionalInt.empty(), false, Duration.ZERO)).content();
        int lastSpace = lastWhitespace(processed);
        return lastSpace < 0 ? "" : processed.substring(0, lastSpace);
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
