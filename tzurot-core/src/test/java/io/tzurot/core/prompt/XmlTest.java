package io.tzurot.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void escapesMarkupInTextAndQuotesInAttributes() {
        assertThat(Xml.text("a < b & c > d \"e\" 'f'")).isEqualTo("a &lt; b &amp; c &gt; d \"e\" 'f'");
        assertThat(Xml.attr("a < b & \"e\" 'f'")).isEqualTo("a &lt; b &amp; &quot;e&quot; &apos;f&apos;");
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
