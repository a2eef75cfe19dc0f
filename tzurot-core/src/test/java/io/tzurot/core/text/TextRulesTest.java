package io.tzurot.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.text.TextRules.Lines;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    private static DomainError.InvalidField refusal(String raw, int max, Lines lines) {
        try {
            TextRules.required("name", raw, max, lines);
        } catch (DomainException e) {
            return (DomainError.InvalidField) e.error();
        }
        throw new AssertionError("accepted " + raw);
    }

    @Test
    void normalisesToNfcAndTrims() {
        assertThat(TextRules.required("name", "  Re\u0301ne\n", 10, Lines.SINGLE)).isEqualTo("R\u00e9ne");
    }

    @Test
    void countsCodePointsSoAnEmojiIsOneCharacter() {
        String emoji = "\uD83D\uDE00".repeat(255);
        assertThat(TextRules.required("name", emoji, 255, Lines.SINGLE)).isEqualTo(emoji);
        DomainError.InvalidField tooLong = refusal(emoji + "\uD83D\uDE00", 255, Lines.SINGLE);
        assertThat(tooLong.field()).isEqualTo("name");
        assertThat(tooLong.message()).contains("at most 255 characters, got 256");
    }

    @Test
    void refusesNulAndOtherControlCharacters() {
        assertThat(refusal("Ada\u0000", 20, Lines.MULTI).message()).contains("control character (U+0000)");
        assertThat(refusal("A\u0007b", 20, Lines.MULTI).field()).isEqualTo("name");
        assertThat(refusal("A\u009Bb", 20, Lines.MULTI).message()).contains("U+009B");
    }

    @Test
    void refusesTextDirectionOverridesAndIsolates() {
        assertThat(refusal("evil\u202Etxt.exe", 50, Lines.SINGLE).message()).contains("text-direction").contains("U+202E");
        assertThat(refusal("a\u2066b", 50, Lines.SINGLE).message()).contains("U+2066");
    }

    @Test
    void refusesTextWithNothingVisible() {
        assertThat(refusal("\u200B\u200B\u200D", 50, Lines.SINGLE).message()).contains("no visible characters");
        assertThat(refusal("\u3164\uFE0F", 50, Lines.SINGLE).message()).contains("no visible characters");
        assertThat(TextRules.required("name", "a\u200Db", 50, Lines.SINGLE)).isEqualTo("a\u200Db");
    }

    @Test
    void lineBreaksOnlyInMultiLineText() {
        assertThat(TextRules.required("content", "one\ntwo\tthree", 50, Lines.MULTI)).isEqualTo("one\ntwo\tthree");
        assertThat(refusal("one\ntwo", 50, Lines.SINGLE).message()).contains("single line");
    }

    @Test
    void requiredAndOptional() {
        assertThat(refusal("   ", 5, Lines.SINGLE).message()).isEqualTo("'name' is required: text of 1-5 characters.");
        assertThat(TextRules.optional("pronouns", "  ", 5, Lines.SINGLE)).isEmpty();
        assertThat(TextRules.optional("pronouns", null, 5, Lines.SINGLE)).isEmpty();
        assertThatThrownBy(() -> TextRules.optional("pronouns", "\u200B", 5, Lines.SINGLE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error().field()).isEqualTo("pronouns"));
    }
}
