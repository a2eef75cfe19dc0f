package io.tzurot.web.moderation;

import io.tzurot.core.moderation.DenylistEntry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One denial as the API and the console show it (type and mode in lower case, as they are typed). */
public record DenialView(String id, String type, String discordId, String scope, String scopeId, String mode,
                         String reason, String addedBy, String addedAt, String expiresAt) {

    public static DenialView of(DenylistEntry e) {
        return new DenialView(e.id().toString(), e.type().name().toLowerCase(Locale.ROOT), e.discordId(),
                e.scope().name().toLowerCase(Locale.ROOT), e.scopeId(), e.mode().name().toLowerCase(Locale.ROOT),
                e.reason(), e.addedBy(), e.addedAt().toString(), e.expiresAt() == null ? null : e.expiresAt().toString());
    }

    /** The JSON object (nulls kept, so every field is always present). */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", type);
        out.put("discordId", discordId);
        out.put("scope", scope);
        out.put("scopeId", scopeId);
        out.put("mode", mode);
        out.put("reason", reason);
        out.put("addedBy", addedBy);
        out.put("addedAt", addedAt);
        out.put("expiresAt", expiresAt);
        return out;
    }

    /** Where it applies, in words. */
    public String where() {
        return switch (scope) {
            case "bot" -> "everywhere";
            case "guild" -> "in server " + scopeId;
            case "channel" -> "in channel " + scopeId;
            default -> "with character " + scopeId;
        };
    }
}
