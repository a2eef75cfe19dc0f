package io.tzurot.core.userdata;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.portability.ExportFormat;
import io.tzurot.core.portability.ExportJob;
import io.tzurot.core.portability.ExportJobRepository;
import io.tzurot.core.portability.PortabilityJobStatus;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's whole-data export as a background job ({@code export_jobs}, format zip): started by the user or
 * the bot owner, built by {@link UserDataArchive} on {@code executor} with its progress recorded, and
 * downloadable for {@link #KEPT} by the same people. One export per user runs at a time.
 */
public final class ExportingUserData {

    /** How long a finished export can be downloaded. */
    public static final Duration KEPT = Duration.ofHours(24);
    /** A job still running after this was lost with its process (a restart): it is failed so a new one can start. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(30);
    /** The job's source slug and service in {@code export_jobs}. */
    public static final String SOURCE_SLUG = "user-data";
    public static final String SOURCE_SERVICE = "tzurot";

    private static final Logger LOG = LoggerFactory.getLogger(ExportingUserData.class);

    /** A finished export's file. */
    public record Download(String fileName, byte[] zip) {
    }

    private final UserRepository users;
    private final ExportJobRepository jobs;
    private final UserDataArchive archive;
    private final Executor executor;
    private final Clock clock;

    public ExportingUserData(UserRepository users, ExportJobRepository jobs, UserDataArchive archive, Executor executor,
                             Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues an export of {@code target} ("me" or a Discord id); a conflict while one is pending or running. */
    public ExportJob start(Actor actor, String target) {
        User user = DataRights.target(users, actor, target);
        Instant now = clock.instant();
        // upkeep on the way in, so no scheduler is needed: lost jobs fail, expired files go
        jobs.failStuck(now.minus(STUCK_AFTER), "The export was interrupted (the server restarted); start it again.", now);
        jobs.deleteExpired(now);
        ExportJob job = jobs.begin(user.id(), SOURCE_SLUG, SOURCE_SERVICE, ExportFormat.ZIP, now.plus(KEPT), now)
                .orElseThrow(() -> DomainException.conflict(null, "An export of this account's data is already running;"
                        + " wait for it to finish."));
        try {
            executor.execute(() -> run(job.id(), user));
        } catch (RejectedExecutionException e) {
            jobs.fail(job.id(), "The server is shutting down; start the export again.", clock.instant());
            throw DomainException.conflict(null, "The server is shutting down; start the export again.");
        }
        return jobs.find(job.id()).orElse(job);
    }

    /** The export job {@code jobId} of {@code target}, for its status and progress. */
    public ExportJob status(Actor actor, String target, UUID jobId) {
        User user = DataRights.target(users, actor, target);
        return jobs.find(jobId).filter(j -> j.userId().equals(user.id()) && j.sourceService().equals(SOURCE_SERVICE)
                        && j.sourceSlug().equals(SOURCE_SLUG))
                .orElseThrow(() -> DomainException.notFound("Export " + jobId));
    }

    /** The file of a completed, unexpired export. */
    public Download download(Actor actor, String target, UUID jobId) {
        ExportJob job = status(actor, target, jobId);
        if (job.status() != PortabilityJobStatus.COMPLETED) {
            throw DomainException.conflict(null, job.status() == PortabilityJobStatus.FAILED
                    ? "This export failed: " + job.errorMessage() : "This export is not ready yet; its status is "
                    + job.status().dbValue() + ".");
        }
        if (!job.expiresAt().isAfter(clock.instant())) {
            throw DomainException.notFound("Export " + jobId + " (it expired; start a new one)");
        }
        byte[] zip = jobs.fileData(jobId).orElseThrow(() -> DomainException.notFound("Export " + jobId));
        return new Download(job.fileName(), zip);
    }

    private void run(UUID jobId, User user) {
        if (!jobs.markInProgress(jobId, clock.instant())) {
            return;
        }
        try {
            UserDataArchive.Built built = archive.build(user.id(), (percent, step) ->
                    jobs.updateProgress(jobId, progressJson(percent, step, null), clock.instant()));
            String name = "tzurot-data-" + user.discordId() + "-" + clock.instant().toString().substring(0, 10) + ".zip";
            jobs.completeWithData(jobId, name, built.zip(), progressJson(100, "done", built.summary()),
                    clock.instant().plus(KEPT), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("user data export {} failed", jobId, e);
            jobs.fail(jobId, "The export could not be built; try again later.", clock.instant());
        }
    }

    /** The job's metadata: {@code {"progress": 0-100, "step": "...", "contents": {...}}}. */
    static String progressJson(int percent, String step, Map<String, Object> contents) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("progress", percent);
        m.put("step", step);
        if (contents != null) {
            m.put("contents", contents);
        }
        return JsonWriter.write(m).strip();
    }
}
