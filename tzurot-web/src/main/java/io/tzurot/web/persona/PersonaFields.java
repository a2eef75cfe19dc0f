package io.tzurot.web.persona;

import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaInput;
import io.tzurot.web.console.FormField;
import io.tzurot.web.http.JsonBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Translates a JSON body or a console form into a {@link PersonaInput} for the core's use cases, which check
 * it (io.tzurot.core.persona.PersonaFields holds the fields and their limits).
 */
public final class PersonaFields {

    static final String SHARE = "shareLtmAcrossPersonalities";
    static final Set<String> FIELDS = Set.of("name", "content", "description", "preferredName", "pronouns", SHARE);

    /** The text fields in form order, with the core's limits. */
    public static final List<FormField> FORM = io.tzurot.core.persona.PersonaFields.TEXT.stream()
            .map(f -> FormField.text(f.name(), f.label(), f.required(), f.max())).toList();

    /** Every input name of the form, for placing errors. */
    public static final List<String> NAMES = Stream.concat(FORM.stream().map(FormField::name), Stream.of(SHARE)).toList();

    private PersonaFields() {
    }

    /** {@code base} changed as the body asks: absent fields stay, null or "" clears an optional field. */
    static PersonaInput fromBody(JsonBody body, PersonaInput base) {
        body.allowOnly(FIELDS);
        PersonaInput in = base;
        if (body.has("name")) {
            in = in.withName(body.string("name").orElse(null));
        }
        if (body.has("content")) {
            in = in.withContent(body.string("content").orElse(null));
        }
        if (body.has("description")) {
            in = in.withDescription(body.string("description").orElse(null));
        }
        if (body.has("preferredName")) {
            in = in.withPreferredName(body.string("preferredName").orElse(null));
        }
        if (body.has("pronouns")) {
            in = in.withPronouns(body.string("pronouns").orElse(null));
        }
        return in.withShareLtm(body.optionalBoolean(SHARE, base.shareLtmAcrossPersonalities()));
    }

    /** A console form as input: every text field it sends, and the checkbox (unticked sends nothing). */
    static PersonaInput fromForm(Function<String, String> form, PersonaInput base) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField f : FORM) {
            String v = form.apply(f.name());
            if (v != null) {
                values.put(f.name(), v);
            }
        }
        values.put(SHARE, "true".equals(form.apply(SHARE)));
        return fromBody(JsonBody.of(values), base);
    }

    /** The form's values of a persona (or the empty new form), by field name. */
    static Map<String, String> values(Optional<Persona> p) {
        Map<String, String> v = new LinkedHashMap<>();
        for (FormField f : FORM) {
            String field = f.name();
            v.put(field, p.map(x -> switch (field) {
                case "name" -> x.name();
                case "content" -> x.content();
                case "description" -> x.description();
                case "preferredName" -> x.preferredName();
                default -> x.pronouns();
            }).orElse(""));
        }
        return v;
    }
}
