package io.tzurot.web.personality;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.web.http.JsonBody;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Translates a JSON body or a console form into a {@link PersonalityInput}; the core's use cases check it
 * (io.tzurot.core.personality.PersonalityFields holds the fields and their limits).
 */
public final class PersonalityFields {

    /** The text fields in form order, as the core defines them. */
    public static final List<io.tzurot.core.personality.PersonalityFields.Field> TEXT =
            io.tzurot.core.personality.PersonalityFields.TEXT;

    /** Every field a create or PATCH body may carry. */
    public static final Set<String> ALLOWED = allowed();

    private PersonalityFields() {
    }

    private static Set<String> allowed() {
        Set<String> names = new HashSet<>();
        TEXT.forEach(f -> names.add(f.name()));
        names.add("slug");
        names.add("isPublic");
        return Set.copyOf(names);
    }

    /**
     * {@code base} changed as the body asks: absent fields stay, null or "" clears an optional field (for a
     * create, {@code base} is blank). Only the JSON types are checked here.
     */
    public static PersonalityInput fromBody(JsonBody body, PersonalityInput base) {
        body.allowOnly(ALLOWED);
        PersonalityInput in = base;
        for (var f : TEXT) {
            if (body.has(f.name())) {
                in = in.with(f.name(), body.string(f.name()).orElse(null));
            }
        }
        if (body.has("slug")) {
            in = in.withSlug(body.string("slug").orElse(null));
        }
        return in.withPublic(body.optionalBoolean("isPublic", base.isPublic()));
    }

    /** A console form as input: every text field is sent, an unticked box is absent; no slug field keeps {@code base}'s. */
    public static PersonalityInput fromForm(Function<String, String> param, PersonalityInput base) {
        PersonalityInput in = base;
        for (var f : TEXT) {
            in = in.with(f.name(), param.apply(f.name()));
        }
        String slug = param.apply("slug");
        return (slug == null ? in : in.withSlug(slug)).withPublic("true".equals(param.apply("isPublic")));
    }

    /** The value a form shows for a field of an existing personality ("" when unset). */
    public static String valueOf(io.tzurot.core.personality.PersonalityFields.Field field, Optional<Personality> personality) {
        return personality.map(field.read()).map(v -> v == null ? "" : v).orElse("");
    }
}
