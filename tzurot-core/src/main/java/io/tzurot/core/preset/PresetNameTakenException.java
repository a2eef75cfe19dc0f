package io.tzurot.core.preset;

/** A preset was already created under this name (preset ids derive from the name alone). */
public final class PresetNameTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PresetNameTakenException(String name) {
        super("a preset named '" + name + "' already exists");
    }
}
