package io.tzurot.core.prompt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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
    /**
     * Reads a prompt the way its sections are meant to be read: only the prompt's own tags
     * ({@link Xml#PROMPT_TAGS}) are markup, everything else (code, HTML a user typed) is text. Attribute values
     * and the escapes of element text are decoded, so text reads back as it was written.
     */
    static Element parse(String prompt) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("root");
            doc.appendChild(root);
            Deque<Element> open = new ArrayDeque<>(List.of(root));
            StringBuilder text = new StringBuilder();
            Matcher tag = TAG.matcher(prompt);
            int at = 0;
            while (tag.find(at)) {
                if (!Xml.PROMPT_TAGS.contains(tag.group(2))) {
                    text.append(prompt, at, tag.start() + 1);
                    at = tag.start() + 1;
                    continue;
                }
                text.append(prompt, at, tag.start());
                flush(doc, open.peek(), text);
                at = tag.end();
                if (!tag.group(1).isEmpty()) {
                    Element closed = open.pop();
                    if (!closed.getTagName().equals(tag.group(2)) || open.isEmpty()) {
                        throw new AssertionError("</" + tag.group(2) + "> closes <" + closed.getTagName() + ">");
                    }
                    continue;
                }
                Element element = doc.createElement(tag.group(2));
                Matcher attr = ATTR.matcher(tag.group(3));
                while (attr.find()) {
                    element.setAttribute(attr.group(1), decode(attr.group(2)));
                }
                open.peek().appendChild(element);
                if (tag.group(4).isEmpty()) {
                    open.push(element);
                }
            }
            text.append(prompt.substring(at));
            flush(doc, open.peek(), text);
            if (open.size() != 1) {
                throw new AssertionError("<" + open.peek().getTagName() + "> is never closed");
            }
            return root;
        } catch (ParserConfigurationException | RuntimeException | AssertionError e) {
            throw new AssertionError("prompt is not well-formed: " + e.getMessage() + "\n" + prompt, e);
        }
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z_][\\w.:-]*)((?:\\s+[\\w:-]+=\"[^\"]*\")*)\\s*(/?)>");
    private static final Pattern ATTR = Pattern.compile("([\\w:-]+)=\"([^\"]*)\"");

    private static void flush(Document doc, Element parent, StringBuilder text) {
        if (text.length() > 0) {
            parent.appendChild(doc.createTextNode(decodeText(text.toString())));
            text.setLength(0);
        }
    }

    /** Element text escapes only what could be markup: {@code <} and the {@code >} of {@code ]]>}. */
    private static String decodeText(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String decode(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
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
