/**
 * Character portability: SillyTavern character cards (V1, V2, V3 in JSON, PNG and CHARX), the reference's
 * character JSON, and standalone lorebooks. The use cases here decide who may import and export and how card
 * fields map to a personality; a {@link io.tzurot.core.card.CardCodec} adapter reads and writes the bytes.
 */
package io.tzurot.core.card;
