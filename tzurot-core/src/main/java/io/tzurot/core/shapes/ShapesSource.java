package io.tzurot.core.shapes;

/**
 * Port: reads a shapes.inc character with its memories, from the live site or from a saved export file. Every
 * failure is a {@link io.tzurot.core.failure.DomainException} whose message says what went wrong and never
 * contains the session cookie.
 */
public interface ShapesSource {

    /** Fetches {@code slug} (the shapes username) with the user's {@code sessionCookie}. */
    ShapesExport fetch(String slug, String sessionCookie);

    /** Reads a saved export (the reference's shapes JSON export: config, memories, stories). */
    ShapesExport read(byte[] file);
}
