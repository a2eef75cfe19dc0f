package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static io.tzurot.core.lorebook.activation.LoreFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cards.md §9 step 3: how one key is matched. */
class KeyMatchingTest {

    @Test
    void plainKeysIgnoreCaseByDefaultAndTheFirstMatchingKeyIsReported() {
        LoreActivation a = scan(book(entry("1", "Dragons breathe fire.", "wyrm", "DRAGON")), chat("I saw a dragon!"));
        assertThat(ids(a)).containsExactly("1");
        assertThat(a.fired().get(0).matchedKey()).isEqualTo("DRAGON");
        assertThat(a.fired().get(0).reason()).isEqualTo(FiredEntry.Reason.KEY);
    }

    @Test
    void caseSensitiveKeysNeedTheExactCase() {
        var sensitive = entry("1", "x", "Rose").caseSensitive(true);
        assertThat(ids(scan(book(sensitive), chat("a rose by any name")))).isEmpty();
        assertThat(ids(scan(book(sensitive), chat("Rose said hi")))).containsExactly("1");
    }

    @Test
    void wholeWordsAreTheDefaultAndBoundedByNonWordCharacters() {
        var cat = entry("1", "x", "cat");
        assertThat(ids(scan(book(cat), chat("we concatenate strings")))).isEmpty();
        assertThat(ids(scan(book(cat), chat("(cat), please")))).containsExactly("1");
        assertThat(ids(scan(book(cat), chat("cat")))).containsExactly("1");
        assertThat(ids(scan(book(cat), chat("cat_food")))).as("_ is a word character").isEmpty();
        var partial = entry("2", "x", "cat").wholeWords(false);
        assertThat(ids(scan(book(partial), chat("we concatenate strings")))).containsExactly("2");
    }

    @Test
    void aKeyOfSeveralWordsIsMatchedAsASubstringEvenUnderWholeWords() {
        var key = entry("1", "x", "ice cream");
        assertThat(ids(scan(book(key), chat("nice creamery")))).containsExactly("1");
    }

    @Test
    void emptyAndBlankKeysAreSkipped() {
        assertThat(ids(scan(book(entry("1", "x", "", "  ")), chat("anything at all")))).isEmpty();
    }

    @Test
    void regexKeysUseTheirOwnFlagsAndIgnoreCaseAndWholeWordSettings() {
        var regex = entry("1", "x", "/drag(on|oness)\\b/").caseSensitive(true);
        assertThat(ids(scan(book(regex), chat("a dragoness appears")))).containsExactly("1");
        assertThat(ids(scan(book(regex), chat("a DRAGON appears")))).isEmpty();
        var insensitive = entry("2", "x", "/drag(on|oness)\\b/i").caseSensitive(true);
        assertThat(ids(scan(book(insensitive), chat("a DRAGON appears")))).containsExactly("2");
        var partial = entry("3", "x", "/cat/");
        assertThat(ids(scan(book(partial), chat("concatenate")))).as("whole words do not apply").containsExactly("3");
    }

    @Test
    void aBadRegexMatchesNothingAndNeverThrows() {
        var bad = entry("1", "x", "/unclosed(group/", "/[z-a]/");
        assertThat(ids(scan(book(bad), chat("unclosed(group [z-a]")))).isEmpty();
        assertThat(RegexKeys.compile("/unclosed(group/")).isEmpty();
    }

    @Test
    void aRunawayRegexIsGivenUpAsNoMatchAfterABoundedAmountOfWork() {
        // nested quantifiers against a near-miss: exponential backtracking without the step bound
        String text = "a".repeat(40) + "!";
        assertThat(RegexKeys.matches("/^(a+)+$/", text)).isFalse();
        assertThat(RegexKeys.matches("/^(a+)+!$/", text)).as("the same regex still matches normal input").isTrue();
    }

    @Test
    void regexInputIsBoundedToTheNewestPartOfTheScanText() {
        String text = "x".repeat(RegexKeys.MAX_INPUT) + "needle";
        assertThat(RegexKeys.matches("/needle/", text)).isFalse();
        assertThat(RegexKeys.matches("/needle/", "needle" + "x".repeat(RegexKeys.MAX_INPUT))).isTrue();
    }

    @Test
    void compiledPatternsAreCached() {
        assertThat(RegexKeys.compile("/cache(d)?/i").get().pattern())
                .isSameAs(RegexKeys.compile("/cache(d)?/i").get().pattern());
    }

    @Test
    void theLiteralEveryMatchStartsWithIsCheckedFirstAndOnlyWhenItIsSure() {
        assertThat(RegexKeys.leadingLiteral("ite?m\\d")).isEqualTo("it");
        assertThat(RegexKeys.leadingLiteral("dragon+s")).isEqualTo("dragon");
        assertThat(RegexKeys.leadingLiteral("cat|dog")).isEmpty();
        assertThat(RegexKeys.leadingLiteral("(a)b")).isEqualTo("b");
        assertThat(RegexKeys.leadingLiteral("x{2}")).isEmpty();
        assertThat(RegexKeys.leadingLiteral("\\bdrag(on|ons)\\b")).isEqualTo("drag");
        assertThat(RegexKeys.leadingLiteral("[a-z]+ the kingdom\\d")).isEqualTo(" the kingdom");
        assertThat(RegexKeys.leadingLiteral("\\x41bc")).isEqualTo("bc");
        assertThat(RegexKeys.leadingLiteral("\\p{Lu}abc")).isEqualTo("abc");
        assertThat(RegexKeys.leadingLiteral("(?i)abc")).as("inline flags: unsure").isEmpty();
        assertThat(RegexKeys.leadingLiteral("\\Qa|b\\E")).isEmpty();
        assertThat(RegexKeys.matches("/\\bKing(dom)?s?\\b/i", "the kingdoms")).isTrue();
        assertThat(RegexKeys.matches("/DRAG(on|oness)/i", "a Dragoness")).isTrue();
        assertThat(RegexKeys.matches("/Dragon/", "a dragon")).isFalse();
        assertThat(RegexKeys.matches("/colou?r/i", "COLOR")).isTrue();
        assertThat(RegexKeys.matches("/ab*c/", "ac")).isTrue();
    }

    @Test
    void onlySlashWrappedKeysWithKnownFlagsAreRegexes() {
        assertThat(RegexKeys.isRegex("/a/gi")).isTrue();
        assertThat(RegexKeys.isRegex("/a/")).isTrue();
        assertThat(RegexKeys.isRegex("a/b/")).isFalse();
        assertThat(RegexKeys.isRegex("/a/q")).as("q is no flag: a plain key").isFalse();
        assertThat(RegexKeys.isRegex("//")).isFalse();
        assertThat(ids(scan(book(entry("1", "x", "and/or")), chat("this and/or that")))).containsExactly("1");
    }
}
