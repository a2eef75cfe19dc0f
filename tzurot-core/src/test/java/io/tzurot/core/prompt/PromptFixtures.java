package io.tzurot.core.prompt;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Shared inputs for prompt tests. */
final class PromptFixtures {

    static final Instant NOW = Instant.parse("2025-01-28T02:15:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String ARI = "6f1c0000-0000-5000-8000-000000000001";

    private PromptFixtures() {
    }

    static PromptPersonality lilith() {
        return new PromptPersonality("Lilith", "Lilith", "An ancient night spirit who runs a bookshop.",
                "Sardonic, protective, curious", "", "", "", "Old maps, rain", "", "", "");
    }

    static CurrentMessage current(String text) {
        return new CurrentMessage(ARI, "Ari", Optional.of("ari_maps"), text, List.of());
    }

    static Participant ari() {
        return new Participant(ARI, "Ari", "they/them", "A cartographer who collects ghost stories.", true,
                Optional.empty());
    }

    static PromptRequest.Builder request() {
        return new PromptRequest.Builder().personality(lilith()).userZone(NEW_YORK).requestId("req-1")
                .current(current("The harbor map!")).participants(List.of(ari()));
    }

    static HistoryEntry userAt(String content, Instant at) {
        return HistoryEntry.user(ARI, "Ari", at, content, OptionalInt.empty());
    }

    static HistoryEntry lilithAt(String content, Instant at) {
        return HistoryEntry.assistant("Lilith", at, content, OptionalInt.empty());
    }

    /** Parses a prompt (a sequence of sections) as XML under a synthetic root. */
    static Element parse(String prompt) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader("<root>" + prompt + "</root>"))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("prompt is not well-formed: " + e.getMessage() + "\n" + prompt, e);
        }
    }

    static List<String> childNames(Element element) {
        return children(element).stream().map(Element::getTagName).toList();
    }

    static List<Element> children(Element element) {
        List<Element> out = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element element, String name) {
        return children(element).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + element.getTagName() + ">"));
    }
}
