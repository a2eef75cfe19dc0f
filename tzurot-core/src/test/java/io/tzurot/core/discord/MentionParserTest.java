package io.tzurot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MentionParserTest {

    private final MentionParser parser = new MentionParser('@');

    /** A name index like the repository's: exact names, slugs and aliases, ignoring case. */
    private static final Map<String, String> KNOWN = Map.of("alice", "Alice", "bob", "Bob", "bambi", "Bambi",
            "bambi prime", "Bambi Prime", "lilith the wise one", "Lilith", "sarcastic", "Sarcastic", "ali", "Alice");

    private Optional<String> lookup(String query) {
        return Optional.ofNullable(KNOWN.get(query.toLowerCase(Locale.ROOT)));
    }

    private List<String> resolved(String content) {
        return parser.resolve(content, this::lookup).stream().map(MentionParser.Match::value).toList();
    }

    @Test
    void aMultiWordNameBeatsItsShorterPrefixAtTheSameMention() {
        assertThat(resolved("hey @Bambi Prime how are you")).containsExactly("Bambi Prime");
        assertThat(resolved("@Lilith the wise one, speak!")).containsExactly("Lilith");
    }

    @Test
    void severalMentionsResolveLeftToRight() {
        assertThat(resolved("@Bob and @Alice hello both")).containsExactly("Bob", "Alice");
        assertThat(resolved("@alice. then @SARCASTIC!")).containsExactly("Alice", "Sarcastic");
    }

    @Test
    void aliasesAndSlugsResolveThroughTheLookup() {
        assertThat(resolved("@ali hi")).containsExactly("Alice");
    }

    @Test
    void candidatesAreOrderedDedupedAndCapped() {
        assertThat(parser.candidates("@Bob hello there friend, and more")).extracting(MentionParser.Candidate::text)
                .containsExactly("Bob hello there friend", "Bob hello there", "Bob hello", "Bob");
        assertThat(parser.candidates("@a1 @a2 @a3 @a4 @a5 @a6 @a7 @a8 @a9 @a10 @a11 @a12"))
                .hasSize(MentionParser.MAX_CANDIDATES);
        assertThat(parser.candidates("@bob @BOB")).extracting(MentionParser.Candidate::text).containsExactly("bob");
    }

    @Test
    void userIdMentionsAndDigitNamesAreNotCandidates() {
        assertThat(parser.candidates("<@123456789012345678> hi @12345")).isEmpty();
        assertThat(parser.candidates("no mentions here")).isEmpty();
    }

    @Test
    void stripRemovesEveryMentionOfTheMatchedNames() {
        assertThat(parser.strip("@Alice @Bob hello both", List.of("Alice", "Bob"))).isEqualTo("hello both");
        assertThat(parser.strip("hi @bambi prime, and @Bambi Prime!", List.of("Bambi Prime"))).isEqualTo("hi , and !");
        assertThat(parser.strip("@Alice, how are you?", List.of("Alice"))).isEqualTo("how are you?");
        assertThat(parser.strip("mail me@Alicex", List.of("Alice"))).isEqualTo("mail me@Alicex");
    }

    @Test
    void anotherMentionCharacterWorks() {
        MentionParser amp = new MentionParser('&');
        assertThat(amp.resolve("&Alice hi", this::lookup)).extracting(MentionParser.Match::value).containsExactly("Alice");
        assertThatThrownBy(() -> new MentionParser('a')).isInstanceOf(IllegalArgumentException.class);
    }
}
