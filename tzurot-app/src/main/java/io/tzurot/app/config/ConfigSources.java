package io.tzurot.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw values of every {@link Variable} and where each came from: the process environment wins over
 * a {@code .env} file in the working directory, which wins over the default.
 */
public final class ConfigSources {

    /** One raw value and its origin. */
    public record Entry(String value, Source source) {
    }

    private final Map<Variable, Entry> entries;

    private ConfigSources(Map<Variable, Entry> entries) {
        this.entries = entries;
    }

    public static ConfigSources load(Map<String, String> environment, Path workingDirectory) {
        Map<String, String> dotenv = readDotenv(workingDirectory.resolve(".env"));
        Map<Variable, Entry> entries = new EnumMap<>(Variable.class);
        for (Variable v : Variable.values()) {
            String env = blankToNull(environment.get(v.name()));
            String file = blankToNull(dotenv.get(v.name()));
            if (env != null) {
                entries.put(v, new Entry(env, Source.ENVIRONMENT));
            } else if (file != null) {
                entries.put(v, new Entry(file, Source.DOTENV));
            } else if (v.defaultValue() != null) {
                entries.put(v, new Entry(v.defaultValue(), Source.DEFAULT));
            } else {
                entries.put(v, new Entry(null, Source.UNSET));
            }
        }
        return new ConfigSources(entries);
    }

    public Entry get(Variable variable) {
        return entries.get(variable);
    }

    public String value(Variable variable) {
        return entries.get(variable).value();
    }

    /** A copy with one value replaced, e.g. by a command-line option. */
    public ConfigSources with(Variable variable, String value, Source source) {
        Map<Variable, Entry> copy = new EnumMap<>(entries);
        copy.put(variable, new Entry(value, source));
        return new ConfigSources(copy);
    }

    /**
     * Reads {@code KEY=VALUE} lines; blank lines and {@code #} comments are skipped, an optional
     * {@code export } prefix is allowed, and matching single or double quotes around a value are removed.
     */
    static Map<String, String> readDotenv(Path file) {
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(".env file " + file + " cannot be read: " + e.getMessage());
        }
        int number = 0;
        for (String line : lines) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("export ")) {
                trimmed = trimmed.substring("export ".length()).strip();
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(".env line " + number + " is invalid: expected KEY=VALUE");
            }
            String key = trimmed.substring(0, eq).strip();
            String value = trimmed.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            values.put(key, value);
        }
        return values;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
