package io.tzurot.core.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A denylisted user, guild or channel. Entries are silent (the entity is not told).
 *
 * @param scopeId the guild, channel or personality id the scope names; {@code *} for {@link DenylistScope#BOT}
 * @param reason at most 500 characters, or null
 * @param addedBy Discord id of the moderator
 * @param expiresAt when the entry stops applying, or null for never
 */
public record DenylistEntry(UUID id, DenylistType type, String discordId, DenylistScope scope, String scopeId,
                            DenylistMode mode, String reason, String addedBy, Instant addedAt, Instant expiresAt) {

    public static final String ANY_SCOPE = "*";

    public DenylistEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(addedAt, "addedAt");
        scopeId = scopeId == null || scopeId.isBlank() ? ANY_SCOPE : scopeId.trim();
        reason = reason == null || reason.isBlank() ? null : reason.trim();
        List<String> problems = new ArrayList<>();
        if (discordId == null || !discordId.matches("[0-9]{1,20}")) {
            problems.add("discordId must be a Discord snowflake");
        }
        if (scope == DenylistScope.BOT && !scopeId.equals(ANY_SCOPE)) {
            problems.add("a BOT-scoped entry has scope id '*'");
        }
        if (scope != DenylistScope.BOT && (scopeId.equals(ANY_SCOPE) || scopeId.length() > 40)) {
            problems.add(scope + "-scoped entries need the id of that " + scope.name().toLowerCase() + " (at most 40 characters)");
        }
        if (reason != null && reason.length() > 500) {
            problems.add("reason must be at most 500 characters");
        }
        if (addedBy == null || addedBy.isBlank() || addedBy.length() > 20) {
            problems.add("addedBy must be the moderator's Discord id");
        }
        if (expiresAt != null && !expiresAt.isAfter(addedAt)) {
            problems.add("expiresAt must be after addedAt");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid denylist entry: " + String.join("; ", problems));
        }
    }

    /** A new entry with a random id (denylist ids are not derived from natural keys). */
    public static DenylistEntry create(DenylistType type, String discordId, DenylistScope scope, String scopeId,
                                       DenylistMode mode, String reason, String addedBy, Instant addedAt,
                                       Instant expiresAt) {
        return new DenylistEntry(UUID.randomUUID(), type, discordId, scope, scopeId, mode, reason, addedBy, addedAt, expiresAt);
    }

    /** True while the entry applies. */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
