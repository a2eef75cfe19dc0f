package io.tzurot.core.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One chat message: a role and its parts (only user messages may carry images). */
public record ModelMessage(Role role, List<ContentPart> parts) {

    public ModelMessage {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one part");
        }
        if (role != Role.USER && parts.stream().anyMatch(p -> p instanceof ContentPart.Image)) {
            throw new IllegalArgumentException("only user messages may carry images, not " + role);
        }
    }

    /** A system message with plain text. */
    public static ModelMessage system(String text) {
        return new ModelMessage(Role.SYSTEM, List.of(new ContentPart.Text(text)));
    }

    /** A user message with plain text. */
    public static ModelMessage user(String text) {
        return new ModelMessage(Role.USER, List.of(new ContentPart.Text(text)));
    }

    /** A user message with text and images (images first, as the vision prompt sends them). */
    public static ModelMessage user(String text, List<ContentPart.Image> images) {
        List<ContentPart> all = new java.util.ArrayList<>(images);
        all.add(new ContentPart.Text(text));
        return new ModelMessage(Role.USER, all);
    }

    /** An assistant message with plain text. */
    public static ModelMessage assistant(String text) {
        return new ModelMessage(Role.ASSISTANT, List.of(new ContentPart.Text(text)));
    }

    /** The text parts joined with newlines. */
    public String text() {
        return parts.stream()
                .filter(p -> p instanceof ContentPart.Text)
                .map(p -> ((ContentPart.Text) p).text())
                .collect(Collectors.joining("\n"));
    }

    /** Whether any part is an image. */
    public boolean hasImages() {
        return parts.stream().anyMatch(p -> p instanceof ContentPart.Image);
    }
}
