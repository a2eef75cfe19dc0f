package io.tzurot.app.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The three roles one process can take (DESIGN.md §2). */
public enum Role {
    DISCORD, API, WORKER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code discord,api,worker}. */
    public static Set<Role> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a comma-separated list of discord, api, worker");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + part.strip() + "'; expected any of discord, api, worker");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("expected a comma-separated list of discord, api, worker");
        }
        return roles;
    }
}
