package io.tzurot.discord.channel;

import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.channel.SwitchingEditStreaming;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /channel streaming on|off|status}: whether replies in this channel (in a thread: its parent) are posted at
 * their first sentence and edited as they grow. Who may is {@link SwitchingEditStreaming}'s rule.
 */
final class StreamingCommands {

    private final Optional<SwitchingEditStreaming> streaming;

    StreamingCommands(Optional<SwitchingEditStreaming> streaming) {
        this.streaming = streaming;
    }

    static SubcommandGroupData group() {
        return new SubcommandGroupData("streaming", "Edit-streaming: replies appear at their first sentence and grow")
                .addSubcommands(
                        new SubcommandData("on", "Post replies here as soon as a sentence is ready, then edit them"),
                        new SubcommandData("off", "Post replies here whole, once they are done (the default)"),
                        new SubcommandData("status", "Whether replies in this channel are edit-streamed"));
    }

    /** True when {@code path} is one of these subcommands. */
    static boolean handles(String path) {
        return path.startsWith("channel streaming ");
    }

    void run(CommandCall call, ChannelCaller caller) {
        SwitchingEditStreaming use = streaming.orElseThrow(() -> new CommandFailure(
                "Edit-streaming is not available on this bot."));
        String here = "<#" + caller.channelId() + ">";
        switch (call.path()) {
            case "channel streaming on" -> call.answer(use.set(caller, true)
                    ? "✅ Edit-streaming is on in " + here + ": replies appear as soon as their first sentence is"
                    + " ready and are edited as they grow (at most once a second). `/channel streaming off` turns it off."
                    : "📍 Edit-streaming is already on in " + here + ".");
            case "channel streaming off" -> call.answer(use.set(caller, false)
                    ? "✅ Edit-streaming is off in " + here + ": replies are posted whole once they are done."
                    : "📍 Edit-streaming is already off in " + here + ".");
            case "channel streaming status" -> call.answer(use.status(caller)
                    ? "📍 Edit-streaming is **on** in " + here + ": replies appear at their first sentence and grow."
                    : "📍 Edit-streaming is **off** in " + here + ": replies are posted whole (the default).");
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }
}
