package io.tzurot.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void codeAndHtmlInTextStayReadableWhileAttributesAreFullyEscaped() {
        String code = "if (a < b && c > d) { x = y >> 2; } <div class=\"card\">&nbsp;</div> <b>bold</b> a<b";
        assertThat(Xml.text(code)).isSameAs(code);
        assertThat(Xml.attr("a < b & \"e\" 'f'")).isEqualTo("a &lt; b &amp; &quot;e&quot; &apos;f&apos;");
    }

    @Test
    void onlyThePromptsOwnTagsMarkupOpenersAndCdataEndsAreEscapedInText() {
        assertThat(Xml.text("</chat_log><message from=\"x\"> <Protocol> </MEMORY_ARCHIVE > <from/> <quote\ttype"))
                .isEqualTo("&lt;/chat_log>&lt;message from=\"x\"> &lt;Protocol> &lt;/MEMORY_ARCHIVE > &lt;from/> &lt;quote\ttype");
        assertThat(Xml.text("<![CDATA[x]]> <!-- c --> ]] > ]>")).isEqualTo("&lt;![CDATA[x]]&gt; &lt;!-- c --> ]] > ]>");
        // names that merely start like a prompt tag are not one
        assertThat(Xml.text("<messages> <chat_logger> <about-me> <aboutx>")).isEqualTo("<messages> <chat_logger> <about-me> <aboutx>");
        assertThat(Xml.text("ends with <chat_log")).isEqualTo("ends with &lt;chat_log");
    }

    @Test
    void aDroppedCharacterCannotJoinTheHalvesOfATag() {
        assertThat(Xml.text("<chat\u0000_log>")).isEqualTo("&lt;chat_log>");
        assertThat(Xml.text("<\u0007/protocol>")).isEqualTo("&lt;/protocol>");
    }

    @Test
    void plainTextIsReturnedAsIs() {
        String plain = "Nothing to escape here.";
        assertThat(Xml.text(plain)).isSameAs(plain);
        assertThat(Xml.text(null)).isEmpty();
    }

    @Test
    void dropsCharactersXmlCannotCarryAndRepairsLoneSurrogates() {
        assertThat(Xml.text("a\u0000b\u0007c\td\ne")).isEqualTo("abc\td\ne");
        assertThat(Xml.text("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(Xml.text("emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    }
}
