package io.tzurot.core.notes;

/**
 * A change to an author's note as a face received it; a null field keeps the note's current value (or the default
 * for a new note). The use case validates every field.
 */
public record NoteInput(String content, Integer depth, String role, Integer frequency) {
}
