package io.tzurot.core.shapes;

import io.tzurot.core.access.Actor;
import io.tzurot.core.card.AvatarPreparer;
import io.tzurot.core.card.ImportingCharacter;
import io.tzurot.core.card.Transactions;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.CreatingPersonality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.portability.ImportJob;
import io.tzurot.core.portability.ImportJobRepository;
import io.tzurot.core.portability.ImportType;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a shapes.inc character and its memories for the caller, who becomes its owner (spec api.md §B.3):
 * live with the caller's session cookie, or from a saved export file. Everything is read and embedded first;
 * the character, its avatar and its memories are then written in one transaction, so a failure leaves no
 * half-written rows. The memories belong to the caller's persona (the one they talk to characters with), so
 * recall finds them. The run is recorded in {@code import_jobs}; the cookie is used for the fetch only and is
 * neither stored nor logged.
 */
public final class ImportingShapes {

    /** The {@code import_jobs} source service of these imports. */
    public static final String SERVICE = "shapes_inc";

    private static final Logger LOG = LoggerFactory.getLogger(ImportingShapes.class);
    private static final Pattern SHAPES_SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MAX_COOKIE = 16_384;

    /** What the use case reads and writes. */
    public record Ports(ShapesSource source, ImportingCharacter characters, CreatingPersonality creating,
                        PersonalityRepository personalities, AvatarPreparer avatars, MemoryRepository memories,
                        EmbeddingModel embeddings, UserRepository users, ResolvePersona personas,
                        ImportJobRepository jobs, Transactions transactions, Clock clock) {

        public Ports {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(characters, "characters");
            Objects.requireNonNull(creating, "creating");
            Objects.requireNonNull(personalities, "personalities");
            Objects.requireNonNull(avatars, "avatars");
            Objects.requireNonNull(memories, "memories");
            Objects.requireNonNull(embeddings, "embeddings");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(personas, "personas");
            Objects.requireNonNull(jobs, "jobs");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Ports ports;
    private final ShapesWriter writer;

    public ImportingShapes(Ports ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.writer = new ShapesWriter(ports);
    }

    /** Fetches {@code slug} from shapes.inc with {@code sessionCookie} and imports it. */
    public ImportedShapes importLive(Actor actor, String slug, String sessionCookie) {
        Objects.requireNonNull(actor, "actor");
        String source = requireSlug(slug);
        String cookie = requireCookie(sessionCookie);
        Persona persona = requirePersona(actor);
        ImportJob job = begin(actor, source);
        return run(job, () -> ports.source().fetch(source, cookie), actor, persona);
    }

    /** Imports a saved shapes.inc export file (JSON with {@code config} and {@code memories}). */
    public ImportedShapes importFile(Actor actor, byte[] file) {
        Objects.requireNonNull(actor, "actor");
        if (file == null || file.length == 0) {
            throw DomainException.invalid("file", "The file is empty; send a shapes.inc export (.json).");
        }
        Persona persona = requirePersona(actor);
        ShapesExport export = ports.source().read(file);
        ImportJob job = begin(actor, requireSlug(export.character().username()));
        return run(job, () -> export, actor, persona);
    }

    private ImportJob begin(Actor actor, String source) {
        ImportJob job = ports.jobs().begin(actor.userId(), source, SERVICE, ImportType.FULL, ports.clock().instant())
                .orElseThrow(() -> DomainException.conflict(null, "An import of '" + source
                        + "' is already running; wait for it to finish."));
        ports.jobs().markInProgress(job.id(), ports.clock().instant());
        return job;
    }

    private ImportedShapes run(ImportJob job, java.util.function.Supplier<ShapesExport> read, Actor actor,
                               Persona persona) {
        try {
            ShapesExport export = read.get();
            ShapesWriter.Written written = writer.write(actor, persona, export);
            ports.jobs().updateProgress(job.id(), written.personality().id(), written.imported(), 0,
                    ports.clock().instant());
            ports.jobs().complete(job.id(), written.imported(), 0, written.metadataJson(), ports.clock().instant());
            return new ImportedShapes(written.personality(), job.id(), written.imported(), written.skipped(),
                    export.storiesCount());
        } catch (DomainException e) {
            ports.jobs().fail(job.id(), e.getMessage(), ports.clock().instant());
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("shapes.inc import {} failed", job.id(), e);
            ports.jobs().fail(job.id(), "The import failed unexpectedly and nothing was saved; try again later.",
                    ports.clock().instant());
            throw e;
        }
    }

    /** The caller's default persona, which owns the imported memories; made as for a new user when missing. */
    private Persona requirePersona(Actor actor) {
        return ports.personas().resolve(actor.userId(), null).persona().or(() -> {
            User user = ports.users().findById(actor.userId())
                    .orElseThrow(() -> DomainException.notFound("User " + actor.discordId()));
            // an account made by the API or the CLI may have none yet; give it the default one every user gets
            ports.users().getOrCreate(new DiscordUserProfile(user.discordId(), user.username(), null, null, false),
                    false);
            return ports.personas().resolve(actor.userId(), null).persona();
        }).orElseThrow(() -> DomainException.invalid("persona", "Imported memories belong to your persona, and you"
                + " have none yet; create one first."));
    }

    /** The shapes username, trimmed and lowercased; an invalid {@code slug} otherwise. */
    static String requireSlug(String raw) {
        String slug = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!SHAPES_SLUG.matcher(slug).matches()) {
            throw DomainException.invalid("slug", "'slug' must be the shape's username on shapes.inc (1-64 letters,"
                    + " digits, '.', '_' or '-'), e.g. 'my-shape'.");
        }
        return slug;
    }

    /** The cookie must look like the shapes.inc session cookie; the message never repeats it. */
    static String requireCookie(String raw) {
        String cookie = raw == null ? "" : raw.strip();
        boolean whole = cookie.contains("appSession=");
        boolean split = cookie.contains("appSession.0=") && cookie.contains("appSession.1=");
        if (cookie.length() > MAX_COOKIE || cookie.chars().anyMatch(c -> c < 0x20 || c > 0x7e) || !(whole || split)) {
            throw DomainException.invalid("sessionCookie", "'sessionCookie' must be your shapes.inc session cookie:"
                    + " the 'appSession=...' value (or both 'appSession.0=...' and 'appSession.1=...') copied from"
                    + " your browser while logged in to shapes.inc.");
        }
        return cookie;
    }
}
