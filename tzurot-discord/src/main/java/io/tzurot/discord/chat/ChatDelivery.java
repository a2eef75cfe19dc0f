package io.tzurot.discord.chat;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.Speaker;
import net.dv8tion.jda.api.entities.Message;

/** Has a character answer words said through {@code /chat}, as it would answer a mention. */
@FunctionalInterface
public interface ChatDelivery {

    /** {@code anchor} is the bot's post of the speaker's words; the reply answers it. */
    void deliver(Message anchor, Speaker speaker, Personality personality, String text);
}
