package io.tzurot.discord.context;

import io.tzurot.core.prompt.Participant;
import io.tzurot.core.reply.ChannelMessage;
import io.tzurot.core.reply.ReplyRequest;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;

/**
 * Server details of the people in a conversation (spec/discord.md §1.9 {@code activePersonaGuildInfo},
 * {@code participantGuildInfo}): top five roles by position (never @everyone), display colour, the day they
 * joined. Read from JDA's member cache only, so a reply costs no REST call; someone not cached is left out.
 */
final class GuildMembers {

    /** Recent participants described besides the speaker. */
    static final int PARTICIPANTS = ReplyRequest.MAX_GUILD_MEMBERS - 1;
    private static final int ROLES = 5;

    private GuildMembers() {
    }

    /** The speaker of {@code trigger} and the newest distinct authors of {@code channel}, by Discord user id. */
    static Map<String, Participant.GuildInfo> of(Message trigger, List<ChannelMessage> channel) {
        if (!trigger.isFromGuild()) {
            return Map.of();
        }
        Guild guild = trigger.getGuild();
        Map<String, Participant.GuildInfo> out = new LinkedHashMap<>();
        Optional.ofNullable(trigger.getMember()).ifPresent(m -> out.put(m.getId(), info(m)));
        for (int i = channel.size() - 1; i >= 0 && out.size() <= PARTICIPANTS; i--) {
            String author = channel.get(i).authorId();
            if (!out.containsKey(author)) {
                Member member = guild.getMemberById(author);
                if (member != null) {
                    out.put(author, info(member));
                }
            }
        }
        return out;
    }

    static Participant.GuildInfo info(Member member) {
        // JDA lists a member's roles highest first, without @everyone
        List<String> roles = member.getRoles().stream().limit(ROLES).map(Role::getName).toList();
        int colour = member.getColorRaw();
        Optional<String> shown = colour == Role.DEFAULT_COLOR_RAW ? Optional.empty()
                : Optional.of(String.format("#%06X", colour & 0xFFFFFF));
        Optional<java.time.LocalDate> joined = member.hasTimeJoined()
                ? Optional.of(member.getTimeJoined().atZoneSameInstant(ZoneOffset.UTC).toLocalDate()) : Optional.empty();
        return new Participant.GuildInfo(roles, shown, joined);
    }
}
