package io.tzurot.discord.portability;

import io.tzurot.core.portability.ExportJob;
import io.tzurot.core.portability.PortabilityJobStatus;
import io.tzurot.core.userdata.DataRights;
import io.tzurot.core.userdata.ExportingUserData;
import io.tzurot.discord.command.CommandCall;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one whole-data export for its Discord answer: the private answer shows the job's progress until it ends,
 * then the ZIP follows as a private file (up to Discord's upload limit) or, when larger, as a link to download it
 * from the web console. Gives up after the interaction's 15 minutes (the console and API still have the file).
 */
final class ExportProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ExportProgress.class);
    private static final Pattern PROGRESS = Pattern.compile("\"progress\"\\s*:\\s*(\\d+)");
    private static final long CHECK_SECONDS = 2;
    // Discord keeps an interaction's answer editable for 15 minutes
    private static final long MAX_CHECKS = TimeUnit.MINUTES.toSeconds(14) / CHECK_SECONDS;

    private final PortabilityServices services;
    private final CommandCall call;
    private final UUID jobId;
    private final ScheduledExecutorService timer;
    private long checks;
    private String shown = "";

    ExportProgress(PortabilityServices services, CommandCall call, UUID jobId, ScheduledExecutorService timer) {
        this.services = Objects.requireNonNull(services, "services");
        this.call = Objects.requireNonNull(call, "call");
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    void watch() {
        timer.schedule(this::check, 200, TimeUnit.MILLISECONDS);
    }

    /** The answer's text for the job as it stands. */
    static String line(ExportJob job) {
        return switch (job.status()) {
            case PENDING -> "📦 Your data export is queued…";
            case IN_PROGRESS -> "📦 Building your data export… " + percent(job) + "%";
            case COMPLETED -> "✅ Your data export is ready (" + DiscordFiles.mib(job.fileSizeBytes() == null ? 0
                    : job.fileSizeBytes()) + "); it can be downloaded for "
                    + ExportingUserData.KEPT.toHours() + " hours.";
            case FAILED -> "❌ Your data export failed: " + job.errorMessage();
        };
    }

    private void check() {
        try {
            ExportJob job = services.userData().exporting().status(call.caller().actor(), DataRights.ME, jobId);
            String text = line(job);
            if (!text.equals(shown)) {
                call.answer(text);
                shown = text;
            }
            if (job.status() == PortabilityJobStatus.COMPLETED) {
                deliver(job);
                return;
            }
            if (job.status() != PortabilityJobStatus.FAILED && ++checks < MAX_CHECKS) {
                timer.schedule(this::check, CHECK_SECONDS, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warn("following data export {} for Discord failed: {}", jobId, e.getMessage());
        }
    }

    private void deliver(ExportJob job) {
        if (job.fileSizeBytes() != null && job.fileSizeBytes() <= DiscordFiles.MAX_UPLOAD) {
            ExportingUserData.Download file = services.userData().exporting().download(call.caller().actor(),
                    DataRights.ME, jobId);
            call.followUp(new MessageCreateBuilder().setContent("📎 Your data, as a ZIP:")
                    .setFiles(FileUpload.fromData(file.zip(), file.fileName())).build());
            return;
        }
        String where = services.publicUrl().map(u -> (u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                + "/console/data/exports/" + jobId + "/file").map(u -> "Download it (after logging in to the web console): "
                + u).orElse("Download it from the web console's Data page or the API.");
        call.followUp(new MessageCreateBuilder().setContent("📎 Your export is larger than Discord lets a bot attach. "
                + where).build());
    }

    private static int percent(ExportJob job) {
        Matcher m = job.metadataJson() == null ? null : PROGRESS.matcher(job.metadataJson());
        return m != null && m.find() ? Math.min(100, Integer.parseInt(m.group(1))) : 0;
    }
}
