package io.tzurot.storage.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is and how to log in. Accepts {@code postgresql://user:password@host:port/db}
 * (what hosting platforms hand out), {@code jdbc:postgresql://...} and {@code jdbc:h2:...}.
 */
public record DatabaseSettings(String jdbcUrl, String username, String password, Dialect dialect, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * The embedded profile: an H2 file database inside the data dir. AUTO_SERVER lets a second process (the CLI
     * chat beside a running {@code tzurot start}) open the same file through the first one.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("tzurot").toString().replace('\\', '/');
        return new DatabaseSettings("jdbc:h2:file:" + file + ";MODE=Regular;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64",
                "sa", "", Dialect.H2, 10);
    }

    /** A private in-memory H2 database, for tests and benchmarks. */
    public static DatabaseSettings inMemory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64", "sa", "", Dialect.H2, 10);
    }

    /**
     * Parses a database URL as operators write it.
     *
     * @throws IllegalArgumentException with a message that says what is expected
     */
    public static DatabaseSettings fromUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("empty database URL");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            return fromPlatformUrl(trimmed);
        }
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(trimmed, null, null, Dialect.POSTGRESQL, 10);
        }
        if (trimmed.startsWith("jdbc:h2:")) {
            return new DatabaseSettings(trimmed, "sa", "", Dialect.H2, 10);
        }
        throw new IllegalArgumentException(
                "expected postgresql://user:password@host:port/db, jdbc:postgresql://host:port/db or jdbc:h2:...");
    }

    private static DatabaseSettings fromPlatformUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed URL; expected postgresql://user:password@host:port/db");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("expected postgresql://user:password@host:port/db (host and database name are required)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseSettings(jdbc, user, password, Dialect.POSTGRESQL, 10);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public DatabaseSettings withMaxPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, username, password, dialect, size);
    }

    /** The URL without credentials, for logs and summaries. */
    public String describe() {
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        int semi = base.indexOf(';');
        return semi < 0 ? base : base.substring(0, semi);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + username + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
