package io.tzurot.web.console;

/**
 * One input of a console form, named as the API names the field (so a refusal lands next to it).
 *
 * @param hint     shown after the label, e.g. the allowed range
 * @param kind     how it is typed in
 * @param max      longest text in characters (0 for numbers)
 */
public record FormField(String name, String label, String hint, boolean required, Kind kind, int max) {

    /** How a field is typed in. */
    public enum Kind { TEXT, TEXTAREA, NUMBER }

    public static FormField text(String name, String label, boolean required, int max) {
        return new FormField(name, label, (required ? "required, " : "") + "up to " + max + " characters", required,
                max > 500 ? Kind.TEXTAREA : Kind.TEXT, max);
    }

    public static FormField number(String name, String label, String hint) {
        return new FormField(name, label, hint, false, Kind.NUMBER, 0);
    }

    /** The input's id in the form {@code formId}. */
    public String id(String formId) {
        return formId + "-" + name.replace('.', '-');
    }
}
