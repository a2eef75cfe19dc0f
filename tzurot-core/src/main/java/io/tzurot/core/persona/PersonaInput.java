package io.tzurot.core.persona;

/**
 * What a person asks a persona to be, before any check: raw text (null or blank optional fields are unset)
 * and whether its long-term memories are shared across personalities.
 */
public record PersonaInput(String name, String content, String description, String preferredName, String pronouns,
                           boolean shareLtmAcrossPersonalities) {

    /** An empty input for a new persona. */
    public static PersonaInput blank() {
        return new PersonaInput(null, null, null, null, null, false);
    }

    /** The input that describes {@code p} as it is. */
    public static PersonaInput of(Persona p) {
        return new PersonaInput(p.name(), p.content(), p.description(), p.preferredName(), p.pronouns(),
                p.shareLtmAcrossPersonalities());
    }

    public PersonaInput withName(String value) {
        return new PersonaInput(value, content, description, preferredName, pronouns, shareLtmAcrossPersonalities);
    }

    public PersonaInput withContent(String value) {
        return new PersonaInput(name, value, description, preferredName, pronouns, shareLtmAcrossPersonalities);
    }

    public PersonaInput withDescription(String value) {
        return new PersonaInput(name, content, value, preferredName, pronouns, shareLtmAcrossPersonalities);
    }

    public PersonaInput withPreferredName(String value) {
        return new PersonaInput(name, content, description, value, pronouns, shareLtmAcrossPersonalities);
    }

    public PersonaInput withPronouns(String value) {
        return new PersonaInput(name, content, description, preferredName, value, shareLtmAcrossPersonalities);
    }

    public PersonaInput withShareLtm(boolean value) {
        return new PersonaInput(name, content, description, preferredName, pronouns, value);
    }
}
