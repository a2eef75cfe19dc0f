package io.tzurot.core.card;

import io.tzurot.core.failure.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a character can be exported in, by the name the CLI and the API use. */
public enum CharacterExportFormat {
    /** The reference's character JSON (spec api.md §B.1), avatar included as {@code avatarData}. */
    TZUROT("tzurot", "application/json", "json"),
    /** A SillyTavern card as JSON (V2, or V3 when the card came as V3). */
    CARD_JSON("card-json", "application/json", "json"),
    /** The avatar PNG with a V2 {@code chara} and a V3 {@code ccv3} chunk. */
    CARD_PNG("card-png", "image/png", "png"),
    /** A CHARX zip: V3 {@code card.json} plus the avatar and other assets. */
    CHARX("charx", "application/zip", "charx");

    private final String wireName;
    private final String mediaType;
    private final String extension;

    CharacterExportFormat(String wireName, String mediaType, String extension) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** File extension without the dot. */
    public String extension() {
        return extension;
    }

    /** The format with this name; invalid {@code format} otherwise. */
    public static CharacterExportFormat named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> DomainException.invalid("format", "'format' must be one of " + names() + "."));
    }

    /** Every name, separated by {@code |}. */
    public static String names() {
        return Arrays.stream(values()).map(f -> f.wireName).collect(Collectors.joining("|"));
    }
}
