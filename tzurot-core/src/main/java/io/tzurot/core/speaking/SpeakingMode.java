package io.tzurot.core.speaking;

/** Which channels of a server characters may speak in. */
public enum SpeakingMode {
    /** Every channel (the default). */
    ALL,
    /** Only the listed channels. */
    ALLOWLIST,
    /** Every channel except the listed ones. */
    DENYLIST
}
