package io.tzurot.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamingReplyTextTest {

    private final StreamingReplyText text = new StreamingReplyText(
            new ResponsePostProcessor(List.of("Lilith"), new Placeholders("Ari", "Lilith")), 12);

    /** Feeds the pieces and returns every text a reader would have shown, in order. */
    private List<String> feed(String... pieces) {
        List<String> shown = new ArrayList<>();
        StringBuilder reader = new StringBuilder();
        for (String piece : pieces) {
            Optional<StreamingReplyText.Update> update = text.add(piece);
            update.ifPresent(u -> {
                if (u instanceof StreamingReplyText.Append append) {
                    reader.append(append.text());
                } else {
                    reader.setLength(0);
                    reader.append(u.shown());
                }
                assertThat(reader.toString()).isEqualTo(u.shown());
                shown.add(reader.toString());
            });
        }
        return shown;
    }

    @Test
    void shows_whole_words_as_they_arrive() {
        List<String> shown = feed("Hello there, my", " dear friend", ", how are", " you today?");
        assertThat(shown).containsExactly("Hello there,", "Hello there, my dear", "Hello there, my dear friend, how",
                "Hello there, my dear friend, how are you");
    }

    @Test
    void a_think_block_in_pieces_is_never_shown() {
        List<String> shown = feed("<thi", "nk>I should", " greet them warmly", " and be kind</th", "ink>Hello there ",
                "my dear friend, welcome back!");
        assertThat(shown).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain("think", "greet", "kind", "<"));
        assertThat(text.shown()).isEqualTo("Hello there my dear friend, welcome");
    }

    @Test
    void a_think_block_in_the_middle_is_held_until_it_closes() {
        feed("Well then, let me see ", "<think>hidden ", "plan here", "</think> the answer is yes indeed");
        assertThat(text.shown()).doesNotContain("hidden", "plan").startsWith("Well then, let me see");
        assertThat(text.shown()).contains("the answer is yes");
    }

    @Test
    void a_name_label_is_never_shown() {
        List<String> shown = feed("Lil", "ith: ", "Hello ", "there, how are you doing today?");
        assertThat(shown).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotContain("Lilith"));
        assertThat(text.shown()).startsWith("Hello there,");
    }

    @Test
    void a_placeholder_being_written_is_held_then_substituted() {
        feed("Good morning to you, {us", "er} and everyone else here");
        assertThat(text.shown()).isEqualTo("Good morning to you, Ari and everyone else").doesNotContain("{");
    }

    @Test
    void an_orphan_closing_tag_withdraws_what_it_turns_into_thinking() {
        List<String> shown = feed("I am pondering this long enough to matter ", "and more words here",
                "</think>The actual answer is here for you");
        assertThat(shown.get(0)).startsWith("I am pondering");
        assertThat(text.shown()).isEqualTo("The actual answer is here for");
    }

    @Test
    void restart_withdraws_everything() {
        feed("Hello there, my dear friend");
        assertThat(text.restart()).contains(new StreamingReplyText.Replace(""));
        assertThat(text.restart()).isEmpty();
        assertThat(text.shown()).isEmpty();
    }
}
