package io.tzurot.core.reply;

import io.tzurot.core.prompt.ReferencedMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages a user's turn quoted (replied to, linked, forwarded), kept in the row's metadata so later prompts
 * still show them (spec/discord.md §1.13 {@code referencedMessages}). Each quote is flattened into numbered
 * string fields, since the row's metadata is a flat object; its text keeps its embeds and attachment
 * descriptions.
 */
final class StoredQuotes {

    private static final String PREFIX = "quote";

    private StoredQuotes() {
    }

    /** Adds the quotes to the metadata fields. */
    static void put(Map<String, String> meta, List<ReferencedMessage> quotes) {
        for (int i = 0; i < quotes.size(); i++) {
            ReferencedMessage q = quotes.get(i);
            String key = PREFIX + i;
            q.messageId().ifPresent(id -> meta.put(key + "Id", id));
            meta.put(key + "From", q.authorName());
            meta.put(key + "Username", q.authorUsername());
            q.sentAt().ifPresent(at -> meta.put(key + "At", at.toString()));
            meta.put(key + "Text", q.plainText());
            meta.put(key + "Forwarded", Boolean.toString(q.forwarded()));
            meta.put(key + "Automated", Boolean.toString(q.automated()));
        }
    }

    /** The quotes stored in a row's metadata, in their order; none when there are none (or rows predate them). */
    static List<ReferencedMessage> read(String metadataJson) {
        Map<String, String> fields = HistoryMetadata.readAll(metadataJson);
        List<ReferencedMessage> quotes = new ArrayList<>();
        for (int i = 0; fields.containsKey(PREFIX + i + "Text"); i++) {
            String key = PREFIX + i;
            quotes.add(new ReferencedMessage(Optional.ofNullable(fields.get(key + "Id")), fields.get(key + "From"),
                    fields.get(key + "Username"), instant(fields.get(key + "At")), fields.get(key + "Text"), List.of(),
                    List.of(), Boolean.parseBoolean(fields.get(key + "Forwarded")),
                    Boolean.parseBoolean(fields.get(key + "Automated"))));
        }
        return quotes;
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
