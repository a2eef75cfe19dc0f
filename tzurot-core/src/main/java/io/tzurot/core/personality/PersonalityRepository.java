package io.tzurot.core.personality;

import io.tzurot.core.settings.ConfigOverrides;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: personalities with their co-owners, aliases, default preset link, settings tier and avatar. */
public interface PersonalityRepository {

    /**
     * Creates a personality with id v5 {@code personality:{slug}}, linked to the default system prompt
     * and to the current global default preset when they exist, in one transaction.
     *
     * @throws SlugTakenException when the slug (or the id derived from it) is in use
     */
    Personality create(UUID ownerId, PersonalityDraft draft);

    /** Replaces the fields (a new slug keeps the id); empty when not found. */
    Optional<Personality> update(UUID personalityId, PersonalityDraft draft);

    boolean delete(UUID personalityId);

    /** By id, without access check (internal use: jobs already checked access). */
    Optional<Personality> findById(UUID personalityId);

    /**
     * Finds what a user means by {@code query}: UUID, then exact name (case-insensitive), then slug
     * (lowercased), then alias (case-insensitive), each step limited to personalities the viewer may
     * see. Several name matches: public first, then owned by the bot owner, then oldest.
     */
    Optional<Personality> lookup(String query, Viewer viewer);

    /** Personalities the viewer may see, by name, at most 1000. */
    List<Personality> listVisible(Viewer viewer);

    /** True when the viewer may see the personality. */
    boolean canView(UUID personalityId, Viewer viewer);

    /** True when the viewer may edit: owner, co-owner or bot owner. */
    boolean canEdit(UUID personalityId, Viewer viewer);

    void addCoOwner(UUID personalityId, UUID userId);

    void removeCoOwner(UUID personalityId, UUID userId);

    List<UUID> coOwners(UUID personalityId);

    /** @throws AliasTakenException when the alias already points somewhere */
    void addAlias(UUID personalityId, String alias);

    void removeAlias(String alias);

    List<String> aliases(UUID personalityId);

    /** The personality's default preset link. */
    Optional<UUID> defaultPresetId(UUID personalityId);

    /** Sets or (null) removes the default preset link. */
    void setDefaultPreset(UUID personalityId, UUID presetId);

    /** The personality settings tier; empty when unset or invalid. */
    ConfigOverrides configDefaults(UUID personalityId);

    void setConfigDefaults(UUID personalityId, ConfigOverrides configDefaults);

    Optional<byte[]> avatar(UUID personalityId);

    /** Whether an avatar is stored, without reading its bytes. */
    boolean hasAvatar(UUID personalityId);

    /** Sets or (null) removes the avatar image bytes. */
    void setAvatar(UUID personalityId, byte[] png);

    /** Links the character to a system prompt (null unlinks it). */
    void setSystemPrompt(UUID personalityId, UUID systemPromptId);
}
