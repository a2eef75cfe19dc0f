package io.tzurot.discord.portability;

import io.tzurot.discord.command.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;

/** Reads a file a user attached to a command, with a size limit, as bytes. */
final class DiscordFiles {

    /** Largest file read from Discord: a character card or an export, well above any sane one. */
    static final int MAX_BYTES = 25 * 1024 * 1024;
    /** Largest file the bot attaches to a reply (Discord's upload limit for bots without boosts). */
    static final int MAX_UPLOAD = 10 * 1024 * 1024;

    private DiscordFiles() {
    }

    static byte[] read(Message.Attachment attachment) {
        if (attachment.getSize() > MAX_BYTES) {
            throw new CommandFailure("❌ **" + attachment.getFileName() + "** is " + mib(attachment.getSize())
                    + "; files up to " + mib(MAX_BYTES) + " can be imported.");
        }
        try (InputStream in = attachment.getProxy().download().get(60, TimeUnit.SECONDS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CommandFailure("❌ The file is larger than " + mib(MAX_BYTES) + "; it was not imported.");
            }
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("❌ The file could not be downloaded from Discord; try again.");
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new CommandFailure("❌ The file could not be downloaded from Discord; try again.");
        }
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
