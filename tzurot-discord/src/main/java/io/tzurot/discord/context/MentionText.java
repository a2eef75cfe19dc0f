package io.tzurot.discord.context;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Turns a message's Discord mention syntax into names the model can read (spec/discord.md §1.9), from JDA's
 * cache only (no REST call): {@code <#id>} becomes {@code #channel-name} (at most {@value #MAX_CHANNELS}
 * channels, which are also reported as referenced channels), {@code <@&id>} becomes {@code @role} (at most
 * {@value #MAX_ROLES}). A user mention {@code <@id>} of a registered user is left for the engine, which shows
 * the persona that user presents to the answering character; anyone else is shown by their server name (at most
 * {@value #MAX_USERS} users in all). Mentions beyond the caps, and of things not found, stay as written.
 */
public final class MentionText {

    public static final int MAX_USERS = 10;
    public static final int MAX_CHANNELS = 5;
    public static final int MAX_ROLES = 5;

    private static final Pattern MENTION = Pattern.compile("<(@!?|@&|#)(\\d{17,20})>");

    /** The readable text and the channels it mentions (in order, at most {@value #MAX_CHANNELS}). */
    public record Resolved(String text, Set<String> channelIds) {
    }

    private MentionText() {
    }

    /** Resolves the mentions in {@code text} (the message's text after trigger handling). */
    public static Resolved resolve(Message message, String text, Predicate<String> registeredUser) {
        if (text.indexOf('<') < 0) {
            return new Resolved(text, Set.of());
        }
        Guild guild = message.isFromGuild() ? message.getGuild() : null;
        Set<String> users = new LinkedHashSet<>();
        Set<String> channels = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            String kind = m.group(1);
            String id = m.group(2);
            Optional<String> shown = switch (kind) {
                case "#" -> admit(channels, id, MAX_CHANNELS) ? channelName(guild, id) : Optional.empty();
                case "@&" -> admit(roles, id, MAX_ROLES) && guild != null
                        ? Optional.ofNullable(guild.getRoleById(id)).map(Role::getName).map(n -> "@" + n) : Optional.empty();
                default -> admit(users, id, MAX_USERS) && !registeredUser.test(id)
                        ? userName(message, guild, id).map(n -> "@" + n) : Optional.empty();
            };
            if (kind.equals("#") && shown.isEmpty()) {
                channels.remove(id);
            }
            out.append(text, last, m.start()).append(shown.orElse(m.group()));
            last = m.end();
        }
        return new Resolved(out.append(text, last, text.length()).toString(), Set.copyOf(channels));
    }

    /** Counts {@code id} against the cap; false once the cap is reached by other ids. */
    private static boolean admit(Set<String> seen, String id, int cap) {
        if (seen.contains(id)) {
            return true;
        }
        if (seen.size() >= cap) {
            return false;
        }
        seen.add(id);
        return true;
    }

    /** Only this server's channels: a name from another server would tell the model what the user may not see. */
    private static Optional<String> channelName(Guild guild, String id) {
        GuildChannel channel = guild != null ? guild.getGuildChannelById(id) : null;
        return Optional.ofNullable(channel).map(c -> "#" + c.getName());
    }

    private static Optional<String> userName(Message message, Guild guild, String id) {
        Member member = guild != null ? guild.getMemberById(id) : null;
        if (member == null) {
            member = message.getMentions().getMembers().stream().filter(x -> x.getId().equals(id)).findFirst().orElse(null);
        }
        if (member != null) {
            return Optional.of(member.getEffectiveName());
        }
        return message.getMentions().getUsers().stream().filter(u -> u.getId().equals(id)).findFirst()
                .or(() -> Optional.ofNullable(message.getJDA().getUserById(id))).map(User::getEffectiveName);
    }
}
