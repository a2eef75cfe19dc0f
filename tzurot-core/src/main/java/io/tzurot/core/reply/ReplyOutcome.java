package io.tzurot.core.reply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** How a reply request ended: a reply to deliver, or a message explaining why there is none. */
public sealed interface ReplyOutcome {

    /** The request this outcome answers. */
    String requestId();

    /** The character that answered (or would have), when it was found. */
    Optional<PersonalityCard> personality();

    /** Who is speaking: what a platform needs to show the character. */
    record PersonalityCard(UUID id, String slug, String name, String displayName, boolean hasAvatar) {
        public PersonalityCard {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(name, "name");
            displayName = displayName == null || displayName.isBlank() ? name : displayName;
        }
    }

    /** A memory that was recalled into the prompt, with its similarity score. */
    record RecalledMemory(UUID id, double score, String preview) {
    }

    /**
     * A reply to deliver.
     *
     * @param content the visible reply
     * @param reasoning the model's reasoning, when it gave any
     * @param showThinking whether the preset asks to show the reasoning
     * @param model the model that answered
     * @param guestMode true when the system key answered (free model)
     * @param footer the model footer line to append when shown ("-# model"), empty when the cascade hides it
     * @param memories memories that went into the prompt, best first
     * @param duplicateOfEarlierReply true when every attempt repeated an earlier reply and the last was kept
     */
    record Replied(String requestId, Optional<PersonalityCard> personality, String content, Optional<String> reasoning,
                   boolean showThinking, String model, boolean guestMode, Optional<String> footer,
                   List<RecalledMemory> memories, boolean duplicateOfEarlierReply) implements ReplyOutcome {
        public Replied {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(content, "content");
            reasoning = Objects.requireNonNullElse(reasoning, Optional.empty());
            Objects.requireNonNull(model, "model");
            footer = Objects.requireNonNullElse(footer, Optional.empty());
            memories = List.copyOf(memories);
        }

        /** The reply as a platform shows it: the content, then the footer on its own line when present. */
        public String contentWithFooter() {
            return footer.map(f -> content + "\n" + f).orElse(content);
        }
    }

    /**
     * No reply; {@code userMessage} says why in words a user understands (the character's own error
     * message where it has one), {@code referenceId} lets an operator find the diagnostic record, and
     * {@code category} names what went wrong in a few words (e.g. {@code authentication}, {@code rate limit}),
     * for the detail a platform shows next to the message.
     */
    record Failed(String requestId, Optional<PersonalityCard> personality, FailureKind kind, String userMessage,
                  String referenceId, String category) implements ReplyOutcome {

        /** A failure whose category is its kind. */
        public Failed(String requestId, Optional<PersonalityCard> personality, FailureKind kind, String userMessage,
                      String referenceId) {
            this(requestId, personality, kind, userMessage, referenceId, null);
        }

        public Failed {
            Objects.requireNonNull(requestId, "requestId");
            personality = Objects.requireNonNullElse(personality, Optional.empty());
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(userMessage, "userMessage");
            Objects.requireNonNull(referenceId, "referenceId");
            category = category == null || category.isBlank()
                    ? kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : category;
        }

        /**
         * The message as a chat platform shows it: the user's words, then the category and reference id inside a
         * spoiler, so a user can quote the reference to the operator without the detail crowding the chat.
         */
        public String withErrorSpoiler() {
            return userMessage + " ||*(error: " + category + "; ref: " + referenceId + ")*||";
        }
    }

    /** Why a request got no reply. */
    enum FailureKind {
        /** No character by that name is visible to the speaker. */
        PERSONALITY_NOT_FOUND,
        /** Neither the user nor the operator has a key for the provider. */
        NO_PROVIDER_KEY,
        /** The provider refused or failed (auth, quota, model missing, outage...). */
        MODEL_ERROR,
        /** Every attempt came back empty. */
        EMPTY_RESPONSE,
        /** The request itself was invalid. */
        INVALID_REQUEST,
        /** Something broke on our side; it was logged. */
        INTERNAL
    }
}
