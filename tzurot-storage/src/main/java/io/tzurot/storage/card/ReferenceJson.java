package io.tzurot.storage.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.card.CardFileException;
import io.tzurot.core.card.ReferenceCharacter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference's character JSON (spec api.md §B.1): keys in its order, only set fields; the avatar travels as
 * base64 {@code avatarData}, which the reference's import also reads.
 */
final class ReferenceJson {

    /** JSON key → personality field, in the reference's export order (slug and isPublic are apart). */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("name", "name");
        KEYS.put("displayName", "displayName");
        KEYS.put("characterInfo", "characterInfo");
        KEYS.put("personalityTraits", "personalityTraits");
        KEYS.put("personalityTone", "tone");
        KEYS.put("personalityAge", "age");
        KEYS.put("personalityAppearance", "appearance");
        KEYS.put("personalityLikes", "likes");
        KEYS.put("personalityDislikes", "dislikes");
        KEYS.put("conversationalGoals", "conversationalGoals");
        KEYS.put("conversationalExamples", "conversationalExamples");
        KEYS.put("errorMessage", "errorMessage");
    }

    private ReferenceJson() {
    }

    static ReferenceCharacter read(ObjectNode o) {
        String what = "The character JSON";
        for (String required : new String[] {"name", "slug", "characterInfo", "personalityTraits"}) {
            if (!o.hasNonNull(required)) {
                throw new CardFileException(what + " has no '" + required + "'; name, slug, characterInfo and"
                        + " personalityTraits are required.");
            }
        }
        Map<String, String> text = new LinkedHashMap<>();
        KEYS.forEach((key, field) -> Shapes.optionalText(o, key, what).ifPresent(v -> text.put(field, v)));
        String slug = Shapes.optionalText(o, "slug", what).orElse("");
        Boolean isPublic = Shapes.optionalBool(o, "isPublic", what);
        byte[] avatar = null;
        if (o.hasNonNull("avatarData")) {
            String b64 = Shapes.optionalText(o, "avatarData", what).orElse("").replaceFirst("^data:[^,]*,", "");
            try {
                avatar = Base64.getMimeDecoder().decode(b64.strip());
            } catch (IllegalArgumentException e) {
                throw new CardFileException(what + ".avatarData is not valid base64.");
            }
        }
        return new ReferenceCharacter(text, slug, isPublic != null && isPublic, avatar);
    }

    static byte[] write(ReferenceCharacter c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Map<String, String> text = c.text();
        KEYS.forEach((key, field) -> {
            String v = text.get(field);
            if (key.equals("characterInfo")) {
                o.put("slug", c.slug());
                if (text.containsKey("displayName")) {
                    o.remove("displayName");
                    o.put("displayName", text.get("displayName"));
                }
                o.put("isPublic", c.isPublic());
            }
            if (v != null && !v.isEmpty() && !(key.equals("displayName"))) {
                o.put(key, v);
            }
        });
        if (c.avatar() != null) {
            o.put("avatarData", Base64.getEncoder().encodeToString(c.avatar()));
        }
        return Json.pretty(o);
    }

    static boolean isReference(JsonNode root) {
        return root.isObject() && root.has("characterInfo");
    }
}
