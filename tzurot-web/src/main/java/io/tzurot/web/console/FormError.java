package io.tzurot.web.console;

import java.util.Collection;

/**
 * Why a console form was refused, for showing next to the field it is about ({@code field} as the API names
 * it, e.g. {@code advancedParameters.top_k}); {@link #NONE} when the form is shown fresh.
 */
public record FormError(String field, String message) {

    public static final FormError NONE = new FormError(null, null);

    /** Whether this error belongs next to the input named {@code name}. */
    public boolean on(String name) {
        return message != null && name.equals(field);
    }

    /** Whether there is an error none of {@code names} shows, so the form shows it at its top. */
    public boolean elsewhere(Collection<String> names) {
        return message != null && (field == null || !names.contains(field));
    }
}
