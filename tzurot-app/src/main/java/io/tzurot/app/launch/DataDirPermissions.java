package io.tzurot.app.launch;

import io.tzurot.app.config.ConfigException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data dir holds the embedded database, its lock file and the generated encryption key: only the user
 * running Tzurot may read it. It is created 0700, and every folder in it is kept 0700 and every file 0600;
 * looser permissions found at start are tightened, with one log line saying so.
 */
final class DataDirPermissions {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirPermissions.class);
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirPermissions() {
    }

    /** Creates {@code dir} (0700) when missing, then tightens what is in it; logs when existing entries were looser. */
    static void secure(Path dir) {
        try {
            if (!Files.exists(dir)) {
                createPrivate(dir);
            }
            int tightened = tighten(dir);
            if (tightened > 0) {
                LOG.warn("data dir {}: {} file(s) or folder(s) could be read by other users; tightened to 0700 folders"
                        + " and 0600 files", dir, tightened);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs are the operator's to set
        } catch (IOException e) {
            throw new ConfigException("TZUROT_DATA_DIR=" + dir + " is invalid: cannot create or secure the directory ("
                    + e.getMessage() + ")");
        }
    }

    /** Tightens files created since {@link #secure} (the database's own), without a log line: they are new. */
    static void tightenNewFiles(Path dir) {
        try {
            tighten(dir);
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("could not tighten the permissions in {}", dir, e);
        }
    }

    private static void createPrivate(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // created by another process meanwhile: tightened below like any existing folder
        }
    }

    /** How many entries had permissions for group or others. */
    static int tighten(Path dir) throws IOException {
        int[] count = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                count[0] += restrict(d, FOLDER);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    count[0] += restrict(f, FILE);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE; // a temp file the database removed meanwhile
            }
        });
        return count[0];
    }

    private static int restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        boolean loose = now.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
        if (!now.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
        return loose ? 1 : 0;
    }
}
