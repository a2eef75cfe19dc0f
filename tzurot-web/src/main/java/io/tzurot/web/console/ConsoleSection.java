package io.tzurot.web.console;

/** The console's sections, in navigation order. */
public enum ConsoleSection {
    CHAT("Chat", "/console/chat"),
    CHARACTERS("Characters", "/console/characters"),
    PERSONAS("Personas", "/console/personas"),
    PRESETS("Presets", "/console/presets"),
    LOREBOOKS("Lorebooks", "/console/lorebooks"),
    MEMORIES("Memories", "/console/memories"),
    SETTINGS("Settings", "/console/settings/tokens"),
    DATA("Your data", "/console/data"),
    INSPECT("Inspect", "/console/inspect"),
    DENYLIST("Denylist", "/console/denylist"),
    /** The bot owner's section: only they see it in the navigation. */
    ADMIN("Admin", "/console/admin");

    private final String label;
    private final String href;

    ConsoleSection(String label, String href) {
        this.label = label;
        this.href = href;
    }

    public String label() {
        return label;
    }

    public String href() {
        return href;
    }
}
