package io.tzurot.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the master key for stored API keys: {@code TZUROT_ENCRYPTION_KEY}, else the key file in the
 * data dir, else a new random 256-bit key written there readable by the owner only.
 */
public final class EncryptionKeySource {

    public static final String FILE_NAME = "encryption.key";
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    /** The key and how it was found; {@code generated} is true only on the start that created it. */
    public record MasterKey(byte[] bytes, Source source, Path file, boolean generated) {
        @Override
        public String toString() {
            return "MasterKey[source=" + source + ", generated=" + generated + "]";
        }
    }

    private EncryptionKeySource() {
    }

    /** Where the key would come from, without creating anything (for {@code tzurot config}). */
    public static Source peek(TzurotConfig config) {
        if (config.encryptionKeyHex().isPresent()) {
            return config.sources().get(Variable.TZUROT_ENCRYPTION_KEY).source();
        }
        return Files.isRegularFile(config.dataDir().resolve(FILE_NAME)) ? Source.DATA_DIR : Source.UNSET;
    }

    public static MasterKey resolve(TzurotConfig config) {
        Optional<String> hex = config.encryptionKeyHex();
        if (hex.isPresent()) {
            return new MasterKey(HexFormat.of().parseHex(hex.get()), config.sources().get(Variable.TZUROT_ENCRYPTION_KEY).source(),
                    null, false);
        }
        Path file = config.dataDir().resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            return new MasterKey(read(file), Source.DATA_DIR, file, false);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(config.dataDir());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            return new MasterKey(read(file), Source.DATA_DIR, file, false);
        } catch (IOException e) {
            throw new ConfigException("TZUROT_DATA_DIR=" + config.dataDir() + " is invalid: cannot write " + FILE_NAME + " there ("
                    + e.getMessage() + ")");
        }
        return new MasterKey(key, Source.DATA_DIR, file, true);
    }

    private static byte[] read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!HEX_64.matcher(text).matches()) {
                throw new ConfigException("TZUROT_ENCRYPTION_KEY from " + file + " is invalid: expected exactly 64 hex characters");
            }
            return HexFormat.of().parseHex(text);
        } catch (IOException e) {
            throw new ConfigException("TZUROT_ENCRYPTION_KEY cannot be read from " + file + ": " + e.getMessage());
        }
    }
}
