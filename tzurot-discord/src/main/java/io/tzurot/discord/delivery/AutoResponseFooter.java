package io.tzurot.discord.delivery;

import java.util.Optional;

/**
 * Marks a reply nobody asked for by name (channel activation, a DM session) in its footer (spec/discord.md
 * §1.12): {@code • 📍 auto} after the model line, or a {@code 📍 auto-response} line when there is no model line.
 */
public final class AutoResponseFooter {

    private static final String MODEL_LINE = "-# Model:";

    private AutoResponseFooter() {
    }

    /** The footer with the auto-response mark. */
    public static Optional<String> mark(Optional<String> footer) {
        if (footer.isEmpty() || footer.get().isBlank()) {
            return Optional.of("-# 📍 auto-response");
        }
        String text = footer.get();
        if (!text.startsWith(MODEL_LINE)) {
            return Optional.of("-# 📍 auto-response\n" + text);
        }
        int end = text.indexOf('\n');
        return Optional.of(end < 0 ? text + " • 📍 auto" : text.substring(0, end) + " • 📍 auto" + text.substring(end));
    }
}
