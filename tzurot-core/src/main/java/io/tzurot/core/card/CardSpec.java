package io.tzurot.core.card;

/** Which card specification a card follows. */
public enum CardSpec {
    /** Flat legacy card without {@code spec}. */
    V1,
    /** {@code chara_card_v2}. */
    V2,
    /** {@code chara_card_v3}. */
    V3
}
