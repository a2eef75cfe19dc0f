package io.tzurot.core.persona;

/** The user already has a persona created under this name (ids derive from owner and name). */
public final class PersonaNameTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersonaNameTakenException(String name) {
        super("a persona named '" + name + "' already exists");
    }
}
