package io.tzurot.app.config;

/** The storage and messaging a configuration selects (DESIGN.md §2). */
public enum Profile {
    /** H2 in the data dir, in-process queue, events and keys: zero set-up. */
    EMBEDDED("embedded"),
    /** PostgreSQL + Redis: several processes per role can share them. */
    DISTRIBUTED("distributed"),
    /** Only one of PostgreSQL or Redis is configured: fine for one process running every role. */
    MIXED("mixed");

    private final String label;

    Profile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
