package io.tzurot.web.persona;

import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.web.console.FormField;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.JsonBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Persona drafts from a body, for the API and the console alike (the console turns its form into the same
 * body): creating when there is no current persona, otherwise changing only what the body mentions.
 */
public final class PersonaFields {

    static final String SHARE = "shareLtmAcrossPersonalities";
    static final Set<String> FIELDS = Set.of("name", "content", "description", "preferredName", "pronouns", SHARE);

    private PersonaFields() {
    }

    /** The draft the body asks for; {@code current} empty means a new persona (name and content required). */
    static PersonaDraft draft(JsonBody body, Optional<Persona> current) {
        body.allowOnly(FIELDS);
        Persona p = current.orElse(null);
        String name = body.requiredStringOr("name", 255, p == null ? null : p.name());
        String content = body.requiredStringOr("content", 4000, p == null ? null : p.content());
        String description = body.optionalStringOr("description", 500, p == null ? null : p.description());
        String preferred = body.optionalStringOr("preferredName", 255, p == null ? null : p.preferredName());
        String pronouns = body.optionalStringOr("pronouns", 100, p == null ? null : p.pronouns());
        boolean share = body.optionalBoolean(SHARE, p != null && p.shareLtmAcrossPersonalities());
        try {
            return new PersonaDraft(name, description, content, preferred, pronouns, share);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, e.getMessage());
        }
    }

    /** A console form as the API body: every text field it sends, and the checkbox (unticked sends nothing). */
    static JsonBody fromForm(Function<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField f : FORM) {
            String v = form.apply(f.name());
            if (v != null) {
                values.put(f.name(), v);
            }
        }
        values.put(SHARE, "true".equals(form.apply(SHARE)));
        return JsonBody.of(values);
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

    /** The text fields in form order, with the API's limits. */
    public static final List<FormField> FORM = List.of(
            FormField.text("name", "Name", true, 255),
            FormField.text("content", "About you (what characters are told)", true, 4000),
            FormField.text("description", "Description (a short label for yourself)", false, 500),
            FormField.text("preferredName", "Preferred name", false, 255),
            FormField.text("pronouns", "Pronouns", false, 100));

    /** Every input name of the form, for placing errors. */
    public static final List<String> NAMES = java.util.stream.Stream.concat(FORM.stream().map(FormField::name),
            java.util.stream.Stream.of(SHARE)).toList();
}
