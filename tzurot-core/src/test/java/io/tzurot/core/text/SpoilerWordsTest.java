package io.tzurot.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainException;
import org.junit.jupiter.api.Test;

class SpoilerWordsTest {

    private final SpoilerWords words = SpoilerWords.parse("TZUROT_TRANSCRIPT_SPOILER_WORDS", " dragon, Ice Cream ,DRAGON,,");

    @Test
    void wholeWordsAreHiddenWhateverTheirCaseKeepingTheirSpelling() {
        assertThat(words.words()).containsExactly("dragon", "Ice Cream");
        assertThat(words.apply("The Dragon ate ice cream, then dragons slept; snapdragon too."))
                .isEqualTo("The ||Dragon|| ate ||ice cream||, then dragons slept; snapdragon too.");
        assertThat(words.apply("**dragon** and _DRAGON_")).isEqualTo("**||dragon||** and _||DRAGON||_");
    }

    @Test
    void codeSpoilersAndLinksAreLeftAlone() {
        assertThat(words.apply("`dragon` ```\ndragon\n``` ||dragon|| https://x.test/dragon [dragon](https://d.test/dragon) dragon"))
                .isEqualTo("`dragon` ```\ndragon\n``` ||dragon|| https://x.test/dragon [dragon](https://d.test/dragon) ||dragon||");
    }

    @Test
    void anEmptyListChangesNothingAndBadEntriesAreRefusedByName() {
        assertThat(SpoilerWords.parse("X", " ").apply("dragon")).isEqualTo("dragon");
        assertThat(SpoilerWords.NONE.apply("a|b")).isEqualTo("a|b");
        assertThatThrownBy(() -> SpoilerWords.parse("TZUROT_TRANSCRIPT_SPOILER_WORDS", "ok, bad|word"))
                .isInstanceOf(DomainException.class).hasMessageContaining("bad|word");
    }
}
