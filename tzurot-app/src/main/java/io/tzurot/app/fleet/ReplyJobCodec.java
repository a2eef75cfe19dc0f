package io.tzurot.app.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.prompt.ChatLocation;
import io.tzurot.core.prompt.Participant;
import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ChannelMessage;
import io.tzurot.core.reply.ReferenceInput;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * JSON for reply jobs and their results. Mapped field by field (no reflection) so the wire format is explicit
 * and a record change cannot silently alter it; every payload carries a version {@code v}.
 */
public final class ReplyJobCodec {

    /** The job type of a reply request on the queue, and the message type of its result. */
    public static final String JOB_TYPE = "reply";
    public static final String RESULT_TYPE = "reply-outcome";
    private static final int VERSION = 1;

    private final ObjectMapper json = new ObjectMapper();

    /** Thrown for a payload this codec cannot read: the job can never succeed. */
    public static final class InvalidPayloadException extends RuntimeException {
        InvalidPayloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A reply job's request, and whether its waiter follows the text as it is written. */
    public record DecodedJob(ReplyRequest request, boolean streamed) {
    }

    /** A job nobody follows while it is written: the worker asks the model for the whole answer at once. */
    public String encodeRequest(ReplyRequest r) {
        return encodeRequest(r, false);
    }

    /**
     * A job; {@code streamed}: its waiter follows the text as it is written (the worker streams the model's answer and
     * relays the pieces), otherwise the worker asks for the whole answer and relays nothing.
     */
    public String encodeRequest(ReplyRequest r, boolean streamed) {
        ObjectNode n = json.createObjectNode().put("v", VERSION)
                .put("requestId", r.requestId()).put("platform", r.platform().name()).put("stream", streamed);
        n.putObject("speaker").put("id", r.speaker().discordId()).put("username", r.speaker().username())
                .put("displayName", r.speaker().displayName());
        n.put("personality", r.personality()).put("channelId", r.channelId());
        r.guildId().ifPresent(g -> n.put("guildId", g));
        r.parentChannelId().ifPresent(p -> n.put("parentChannelId", p));
        r.location().ifPresent(l -> n.set("location", location(l)));
        n.put("message", r.message());
        ArrayNode attachments = n.putArray("attachments");
        r.attachments().forEach(a -> attachments.add(attachment(a)));
        ArrayNode references = n.putArray("references");
        r.references().forEach(ref -> references.add(reference(ref)));
        r.triggerMessageId().ifPresent(t -> n.put("triggerMessageId", t));
        ArrayNode mentioned = n.putArray("mentionedChannelIds");
        r.mentionedChannelIds().stream().sorted().forEach(mentioned::add);
        n.put("receivedAt", r.receivedAt().toString()).put("incognito", r.incognito());
        if (!r.channelContext().isEmpty()) {
            ArrayNode channel = n.putArray("channelContext");
            r.channelContext().forEach(m -> {
                ObjectNode message = channel.addObject().put("id", m.messageId()).put("authorId", m.authorId())
                        .put("authorName", m.authorName()).put("authorUsername", m.authorUsername())
                        .put("sentAt", m.sentAt().toString()).put("content", m.content());
                if (!m.images().isEmpty()) {
                    ArrayNode images = message.putArray("images");
                    m.images().forEach(a -> images.add(attachment(a)));
                }
            });
        }
        if (!r.guildMembers().isEmpty()) {
            ObjectNode members = n.putObject("guildMembers");
            r.guildMembers().forEach((id, info) -> {
                ObjectNode member = members.putObject(id);
                ArrayNode roles = member.putArray("roles");
                info.roles().forEach(roles::add);
                info.displayColor().ifPresent(c -> member.put("displayColor", c));
                info.joined().ifPresent(d -> member.put("joined", d.toString()));
            });
        }
        return n.toString();
    }

    public ReplyRequest decodeRequest(String payload) {
        return decodeJob(payload).request();
    }

    /** The request and whether it is followed; a job without the flag (written before it existed) is streamed. */
    public DecodedJob decodeJob(String payload) {
        return read(payload, "reply request", n -> new DecodedJob(request(n), n.path("stream").asBoolean(true)));
    }

    private ReplyRequest request(JsonNode n) {
        String requestId = text(n, "requestId");
        Platform platform = Platform.valueOf(text(n, "platform"));
        JsonNode s = required(n, "speaker");
        Set<String> mentioned = new LinkedHashSet<>();
        n.path("mentionedChannelIds").forEach(c -> mentioned.add(c.asText()));
        return new ReplyRequest(requestId, platform,
                new Speaker(text(s, "id"), optional(s, "username").orElse(null), optional(s, "displayName").orElse(null)),
                text(n, "personality"), text(n, "channelId"), optional(n, "guildId"),
                n.has("location") ? Optional.of(location(n.get("location"))) : Optional.empty(),
                optional(n, "message").orElse(""), list(n.path("attachments"), this::attachment),
                list(n.path("references"), this::reference), optional(n, "triggerMessageId"), mentioned,
                Instant.parse(text(n, "receivedAt")), n.path("incognito").asBoolean(false),
                list(n.path("channelContext"), m -> new ChannelMessage(text(m, "id"), text(m, "authorId"),
                        optional(m, "authorName").orElse(null), optional(m, "authorUsername").orElse(null),
                        Instant.parse(text(m, "sentAt")), optional(m, "content").orElse(""),
                        list(m.path("images"), this::attachment))), guildMembers(n.path("guildMembers")),
                optional(n, "parentChannelId"));
    }

    private Map<String, Participant.GuildInfo> guildMembers(JsonNode n) {
        Map<String, Participant.GuildInfo> members = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> members.put(e.getKey(), new Participant.GuildInfo(
                list(e.getValue().path("roles"), JsonNode::asText), optional(e.getValue(), "displayColor"),
                optional(e.getValue(), "joined").map(LocalDate::parse))));
        return members;
    }

    public String encodeOutcome(ReplyOutcome outcome) {
        ObjectNode n = json.createObjectNode().put("v", VERSION).put("requestId", outcome.requestId());
        outcome.personality().ifPresent(p -> n.putObject("personality").put("id", p.id().toString())
                .put("slug", p.slug()).put("name", p.name()).put("displayName", p.displayName())
                .put("hasAvatar", p.hasAvatar()));
        if (outcome instanceof ReplyOutcome.Replied r) {
            n.put("kind", "replied").put("content", r.content()).put("showThinking", r.showThinking())
                    .put("model", r.model()).put("guestMode", r.guestMode())
                    .put("duplicateOfEarlierReply", r.duplicateOfEarlierReply());
            r.reasoning().ifPresent(t -> n.put("reasoning", t));
            r.footer().ifPresent(f -> n.put("footer", f));
            ArrayNode memories = n.putArray("memories");
            r.memories().forEach(m -> memories.addObject().put("id", m.id().toString()).put("score", m.score())
                    .put("preview", m.preview()));
        } else if (outcome instanceof ReplyOutcome.Failed f) {
            n.put("kind", "failed").put("failure", f.kind().name()).put("userMessage", f.userMessage())
                    .put("referenceId", f.referenceId()).put("category", f.category());
        }
        return n.toString();
    }

    public ReplyOutcome decodeOutcome(String payload) {
        return read(payload, "reply outcome", n -> {
            Optional<ReplyOutcome.PersonalityCard> card = n.has("personality")
                    ? Optional.of(card(n.get("personality"))) : Optional.empty();
            String kind = text(n, "kind");
            if (kind.equals("replied")) {
                return new ReplyOutcome.Replied(text(n, "requestId"), card, text(n, "content"), optional(n, "reasoning"),
                        n.path("showThinking").asBoolean(), text(n, "model"), n.path("guestMode").asBoolean(),
                        optional(n, "footer"), list(n.path("memories"), m -> new ReplyOutcome.RecalledMemory(
                                UUID.fromString(text(m, "id")), m.path("score").asDouble(), optional(m, "preview").orElse(""))),
                        n.path("duplicateOfEarlierReply").asBoolean());
            }
            if (kind.equals("failed")) {
                return new ReplyOutcome.Failed(text(n, "requestId"), card,
                        ReplyOutcome.FailureKind.valueOf(text(n, "failure")), text(n, "userMessage"), text(n, "referenceId"),
                        optional(n, "category").orElse(null));
            }
            throw new IllegalArgumentException("unknown outcome kind '" + kind + "'");
        });
    }

    private ReplyOutcome.PersonalityCard card(JsonNode p) {
        return new ReplyOutcome.PersonalityCard(UUID.fromString(text(p, "id")), text(p, "slug"), text(p, "name"),
                optional(p, "displayName").orElse(null), p.path("hasAvatar").asBoolean());
    }

    private ObjectNode location(ChatLocation location) {
        ObjectNode n = json.createObjectNode();
        if (location instanceof ChatLocation.DirectMessage) {
            return n.put("kind", "dm");
        }
        ChatLocation.GuildChannel g = (ChatLocation.GuildChannel) location;
        n.put("kind", "guild").put("serverName", g.serverName()).put("channelName", g.channelName())
                .put("channelType", g.channelType());
        g.categoryName().ifPresent(c -> n.put("categoryName", c));
        g.topic().ifPresent(t -> n.put("topic", t));
        g.threadName().ifPresent(t -> n.put("threadName", t));
        return n;
    }

    private ChatLocation location(JsonNode n) {
        String kind = text(n, "kind");
        if (kind.equals("dm")) {
            return new ChatLocation.DirectMessage();
        }
        if (!kind.equals("guild")) {
            throw new IllegalArgumentException("unknown location kind '" + kind + "'");
        }
        return new ChatLocation.GuildChannel(text(n, "serverName"), optional(n, "categoryName"), text(n, "channelName"),
                optional(n, "channelType").orElse(null), optional(n, "topic"), optional(n, "threadName"));
    }

    private ObjectNode attachment(AttachmentInput a) {
        ObjectNode n = json.createObjectNode().put("id", a.id()).put("url", a.url()).put("filename", a.filename())
                .put("contentType", a.contentType()).put("sizeBytes", a.sizeBytes()).put("voiceMessage", a.voiceMessage());
        a.durationSeconds().ifPresent(d -> n.put("durationSeconds", d));
        return n;
    }

    private AttachmentInput attachment(JsonNode n) {
        return new AttachmentInput(optional(n, "id").orElse(""), text(n, "url"), optional(n, "filename").orElse(null),
                optional(n, "contentType").orElse(null), n.path("sizeBytes").asLong(), n.path("voiceMessage").asBoolean(),
                n.has("durationSeconds") ? OptionalDouble.of(n.get("durationSeconds").asDouble()) : OptionalDouble.empty());
    }

    private ObjectNode reference(ReferenceInput r) {
        ObjectNode n = json.createObjectNode();
        r.messageId().ifPresent(id -> n.put("messageId", id));
        n.put("authorName", r.authorName()).put("authorUsername", r.authorUsername());
        r.sentAt().ifPresent(t -> n.put("sentAt", t.toString()));
        n.put("content", r.content()).put("forwarded", r.forwarded()).put("automated", r.automated());
        r.authorPlatformId().ifPresent(id -> n.put("authorPlatformId", id));
        ArrayNode embeds = n.putArray("embeds");
        r.embeds().forEach(embeds::add);
        ArrayNode attachments = n.putArray("attachments");
        r.attachments().forEach(a -> attachments.add(attachment(a)));
        return n;
    }

    private ReferenceInput reference(JsonNode n) {
        return new ReferenceInput(optional(n, "messageId"), optional(n, "authorName").orElse(null),
                optional(n, "authorUsername").orElse(null), optional(n, "sentAt").map(Instant::parse),
                optional(n, "content").orElse(""), list(n.path("embeds"), JsonNode::asText),
                list(n.path("attachments"), this::attachment), n.path("forwarded").asBoolean(),
                optional(n, "authorPlatformId"), n.path("automated").asBoolean());
    }

    private <T> T read(String payload, String what, Function<JsonNode, T> reader) {
        JsonNode n;
        try {
            n = json.readTree(payload == null ? "" : payload);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new InvalidPayloadException(what + " must be a JSON object", null);
        }
        if (n.path("v").asInt() != VERSION) {
            throw new InvalidPayloadException(what + " has unsupported version " + n.path("v"), null);
        }
        try {
            return reader.apply(n);
        } catch (InvalidPayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidPayloadException(what + " is invalid: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> out = new ArrayList<>();
        array.forEach(e -> out.add(element.apply(e)));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v.asText();
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("missing object '" + field + "'");
        }
        return v;
    }

    private static Optional<String> optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
