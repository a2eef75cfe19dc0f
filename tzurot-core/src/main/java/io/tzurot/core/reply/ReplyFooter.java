package io.tzurot.core.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The footer lines under a reply (discord.md §1.12), each a Discord subtext line. */
final class ReplyFooter {

    private ReplyFooter() {
    }

    static Optional<String> build(ReplyContext context, String model, boolean openRouter) {
        List<String> lines = new ArrayList<>();
        if (context.settings().showModelFooter()) {
            String clean = model.replaceAll("[\\[\\]()<>]", "");
            lines.add(openRouter ? "-# Model: [" + clean + "](<https://openrouter.ai/" + clean + ">)" : "-# Model: " + clean);
        }
        if (context.credentials().guestMode()) {
            lines.add("-# 🆓 Using free model (no API key required)");
        }
        if (context.settings().focusModeEnabled()) {
            lines.add("-# 🔒 Focus Mode • LTM retrieval disabled");
        }
        if (context.request().incognito()) {
            lines.add("-# 👻 Incognito Mode • Memories not being saved");
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }
}
