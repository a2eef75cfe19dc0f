package io.tzurot.storage.card;

/** The limits every card, character and lorebook file is held to (stated in the README). */
final class CardLimits {

    /** Largest file accepted at all. */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    /** Largest JSON document (after base64 decoding). */
    static final int MAX_JSON_BYTES = 8 * 1024 * 1024;
    /** Deepest JSON nesting. */
    static final int MAX_JSON_DEPTH = 64;
    /** Most PNG chunks in one file. */
    static final int MAX_PNG_CHUNKS = 10_000;
    /** Most tEXt/iTXt/zTXt chunks in one PNG. */
    static final int MAX_TEXT_CHUNKS = 64;
    /** Largest PNG width or height. */
    static final int MAX_IMAGE_SIDE = 8192;
    /** Most entries in a CHARX zip. */
    static final int MAX_ZIP_ENTRIES = 1000;
    /** Largest uncompressed file in a CHARX zip. */
    static final long MAX_ZIP_ENTRY_BYTES = 20L * 1024 * 1024;
    /** Largest uncompressed CHARX content in total. */
    static final long MAX_ZIP_TOTAL_BYTES = 50L * 1024 * 1024;
    /** Most lorebook entries in one book. */
    static final int MAX_LOREBOOK_ENTRIES = 5000;

    private CardLimits() {
    }
}
