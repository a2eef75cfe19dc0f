package io.tzurot.core.card;

import io.tzurot.core.lorebook.LorebookContent;

/**
 * Port: reads and writes the bytes of character and lorebook files. Every read either returns the whole content
 * or throws {@link CardFileException} naming the problem; it never returns part of a file.
 */
public interface CardCodec {

    /** A character file: a card as PNG, JSON or CHARX, or the reference's character JSON (by content, not name). */
    CharacterFile readCharacter(String fileName, byte[] bytes);

    /** Writes a card as {@link CharacterExportFormat#CARD_JSON}, {@code CARD_PNG} or {@code CHARX}. */
    byte[] writeCard(CharacterCard card, CharacterExportFormat format);

    /** Writes the reference's character JSON. */
    byte[] writeReference(ReferenceCharacter character);

    /** A lorebook file: a SillyTavern world-info file, a {@code character_book} or a {@code lorebook_v3}. */
    LorebookContent readLorebook(String fileName, byte[] bytes);

    byte[] writeLorebook(LorebookContent book, LorebookFormat format);
}
