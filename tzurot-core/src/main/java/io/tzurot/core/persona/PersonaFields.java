package io.tzurot.core.persona;

import io.tzurot.core.text.TextRules;
import io.tzurot.core.text.TextRules.Lines;
import java.util.List;

/** The persona's text fields with their limits (spec datamodel §4), in form order, and the one check of them. */
public final class PersonaFields {

    /** A text field: its API name, label, largest length in characters, whether required and single-line. */
    public record Field(String name, String label, int max, boolean required, Lines lines) {
    }

    /** Every text field, in form order. */
    public static final List<Field> TEXT = List.of(
            new Field("name", "Name", 255, true, Lines.SINGLE),
            new Field("content", "About you (what characters are told)", 4000, true, Lines.MULTI),
            new Field("description", "Description (a short label for yourself)", 500, false, Lines.SINGLE),
            new Field("preferredName", "Preferred name", 255, false, Lines.SINGLE),
            new Field("pronouns", "Pronouns", 100, false, Lines.SINGLE));

    private PersonaFields() {
    }

    /** The validated draft, checking the fields in form order. */
    static PersonaDraft draft(PersonaInput in) {
        String name = TextRules.required("name", in.name(), 255, Lines.SINGLE);
        String content = TextRules.required("content", in.content(), 4000, Lines.MULTI);
        String description = TextRules.optional("description", in.description(), 500, Lines.SINGLE).orElse(null);
        String preferred = TextRules.optional("preferredName", in.preferredName(), 255, Lines.SINGLE).orElse(null);
        String pronouns = TextRules.optional("pronouns", in.pronouns(), 100, Lines.SINGLE).orElse(null);
        return new PersonaDraft(name, description, content, preferred, pronouns, in.shareLtmAcrossPersonalities());
    }
}
