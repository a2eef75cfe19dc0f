package io.tzurot.core.prompt;

import java.util.Objects;
import java.util.Optional;

/** Where the conversation happens, as told to the model. */
public sealed interface ChatLocation {

    /** A private one-on-one chat. */
    record DirectMessage() implements ChatLocation {
    }

    /**
     * A channel of a server (guild).
     *
     * @param serverName server name
     * @param categoryName channel category, if any
     * @param channelName channel name
     * @param channelType e.g. "text", "forum", "voice"
     * @param topic channel topic, if any
     * @param threadName thread name when the message is in a thread
     */
    record GuildChannel(String serverName, Optional<String> categoryName, String channelName, String channelType,
            Optional<String> topic, Optional<String> threadName) implements ChatLocation {
        /** Validates the required names. */
        public GuildChannel {
            Objects.requireNonNull(serverName, "serverName must not be null");
            Objects.requireNonNull(channelName, "channelName must not be null");
            channelType = channelType == null || channelType.isBlank() ? "text" : channelType;
            categoryName = Objects.requireNonNullElse(categoryName, Optional.empty());
            topic = Objects.requireNonNullElse(topic, Optional.empty());
            threadName = Objects.requireNonNullElse(threadName, Optional.empty());
        }
    }
}
