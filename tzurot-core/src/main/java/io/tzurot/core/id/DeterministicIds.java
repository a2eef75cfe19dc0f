package io.tzurot.core.id;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic UUIDv5 ids derived from natural keys, exactly as the reference system computes them,
 * so that rows created in two places agree on their id.
 */
public final class DeterministicIds {

    /** RFC 4122 DNS namespace, the reference's namespace for every seed. */
    public static final UUID DNS_NAMESPACE = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    /** Namespace for memory ids: v5("tzurot-v3-memory", DNS). */
    public static final UUID MEMORY_NAMESPACE = uuidV5(DNS_NAMESPACE, "tzurot-v3-memory");

    private DeterministicIds() {
    }

    /** Name-based UUID version 5 (SHA-1) of {@code name} in {@code namespace}. */
    public static UUID uuidV5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bb.getLong(), bb.getLong());
    }

    /** v5 of a seed in the DNS namespace. */
    public static UUID of(String seed) {
        return uuidV5(DNS_NAMESPACE, seed);
    }

    /** Lowercase hex SHA-256 of the text, truncated to {@code length} characters. */
    public static String sha256Hex(String text, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static UUID user(String discordId) {
        return of("discord:" + discordId);
    }

    public static UUID personality(String slug) {
        return of("personality:" + slug);
    }

    /** Persona id; {@code owner} is the owner's user id, or null for a global persona. */
    public static UUID persona(UUID owner, String name) {
        return of("persona:" + (owner == null ? "global" : owner.toString()) + ":" + name);
    }

    public static UUID systemPrompt(String name) {
        return of("system_prompt:" + name);
    }

    public static UUID preset(String name) {
        return of("llm_config:" + name);
    }

    public static UUID userPersonalityConfig(UUID user, UUID personality) {
        return of("user_personality_settings:" + user + ":" + personality);
    }

    public static UUID userPersonaHistoryConfig(UUID user, UUID personality, UUID persona) {
        return of("user_persona_history_config:" + user + ":" + personality + ":" + persona);
    }

    public static UUID conversationHistory(String channelId, UUID personality, UUID persona, long epochMillis) {
        return of("conversation_history:" + channelId + ":" + personality + ":" + persona + ":" + epochMillis);
    }

    public static UUID channelSettings(String channelId) {
        return of("channel_settings:" + channelId);
    }

    public static UUID memory(UUID persona, UUID personality, String content) {
        return uuidV5(MEMORY_NAMESPACE, persona + ":" + personality + ":" + sha256Hex(content, 32));
    }

    public static UUID memoryChunkGroup(UUID persona, UUID personality, String text) {
        return of("memory_chunk_group:" + persona + ":" + personality + ":" + sha256Hex(text, 32));
    }

    public static UUID pendingMemory(UUID persona, UUID personality, String text) {
        return of("pending_memory:" + persona + ":" + personality + ":" + sha256Hex(text, 32));
    }

    public static UUID userApiKey(UUID user, String provider) {
        return of("user_api_key:" + user + ":" + provider);
    }

    public static UUID userCredential(UUID user, String service, String type) {
        return of("user_credential:" + user + ":" + service + ":" + type);
    }

    public static UUID importJob(UUID user, String slug, String service) {
        return of("import_job:" + user + ":" + slug + ":" + service);
    }

    public static UUID exportJob(UUID user, String slug, String service, String format) {
        return of("export_job:" + user + ":" + slug + ":" + service + ":" + format);
    }

    public static UUID usageLog(UUID user, String model, long epochMillis) {
        return of("usage_log:" + user + ":" + model + ":" + epochMillis);
    }

    public static UUID imageDescriptionCache(String attachmentId) {
        return of("image_description_cache:" + attachmentId);
    }
}
