package io.tzurot.core.cascade;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingsCascade;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.Timezones;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The caller's own settings tiers and time zone: the user-default tier, the user x personality tier (any
 * personality they may see), the personality tier of a character they may edit and, for the bot owner only,
 * the admin tier. Tier patches keep ConfigOverrides
 * semantics: absent keys inherit, an explicit null overrides with "no value".
 */
public final class EditingSettings {

    /** The caller's tier for one personality. */
    public record PersonalityTier(UUID personalityId, String personalitySlug, ConfigOverrides overrides) {
    }

    /** Longest time zone name. */
    public static final int MAX_TIMEZONE = 50;

    private final UserRepository users;
    private final UserPersonalityConfigRepository userPersonality;
    private final AdminSettingsRepository admin;
    private final ViewingPersonalities personalities;
    private final PersonalityRepository personalityRepository;

    public EditingSettings(UserRepository users, UserPersonalityConfigRepository userPersonality,
                           AdminSettingsRepository admin, PersonalityRepository personalities) {
        this.users = Objects.requireNonNull(users, "users");
        this.userPersonality = Objects.requireNonNull(userPersonality, "userPersonality");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.personalities = new ViewingPersonalities(personalities);
        this.personalityRepository = personalities;
    }

    /** The caller's stored user row (time zone, default persona and preset). */
    public User user(Actor actor) {
        return users.findById(actor.userId()).orElseThrow(() -> DomainException.notFound("User"));
    }

    /** The caller's time zone. */
    public String timezone(Actor actor) {
        return users.findById(actor.userId()).map(User::timezone).orElse("UTC");
    }

    /** Sets the caller's time zone to a valid IANA zone (or UTC); returns it. */
    public String setTimezone(Actor actor, String rawZone) {
        String zone = checkedZone(rawZone);
        users.setTimezone(actor.userId(), zone);
        return zone;
    }

    /** A valid time zone, or an invalid {@code timezone}. */
    public static String checkedZone(String rawZone) {
        String zone = rawZone == null ? "" : rawZone.strip();
        if (zone.isEmpty()) {
            throw DomainException.invalid("timezone", "'timezone' is required: text of 1-" + MAX_TIMEZONE + " characters.");
        }
        Timezones.problem(zone).ifPresent(problem -> {
            throw DomainException.invalid("timezone", "'timezone': " + problem + ".");
        });
        return zone;
    }

    /** The caller's user-default tier. */
    public ConfigOverrides userDefaults(Actor actor) {
        return users.configDefaults(actor.userId());
    }

    /** Merges a patch into the caller's user-default tier; returns the merged tier. */
    public ConfigOverrides patchUserDefaults(Actor actor, ConfigOverrides patch) {
        ConfigOverrides merged = users.configDefaults(actor.userId()).merge(patch);
        users.setConfigDefaults(actor.userId(), merged);
        return merged;
    }

    /**
     * Applies changes typed per setting to the caller's user-default tier: a value or an explicit clear is stored,
     * an inherit removes the setting. Returns the tier afterwards.
     */
    public ConfigOverrides editUserDefaults(Actor actor, Map<SettingKey, TierValue<?>> changes) {
        ConfigOverrides tier = users.configDefaults(actor.userId());
        for (Map.Entry<SettingKey, TierValue<?>> change : changes.entrySet()) {
            tier = tier.with(change.getKey(), change.getValue());
        }
        users.setConfigDefaults(actor.userId(), tier);
        return tier;
    }

    /** Clears the caller's user-default tier. */
    public void clearUserDefaults(Actor actor) {
        users.setConfigDefaults(actor.userId(), ConfigOverrides.EMPTY);
    }

    /** The caller's non-empty per-personality tiers. */
    public List<PersonalityTier> personalityTiers(Actor actor) {
        List<PersonalityTier> out = new ArrayList<>();
        for (UserPersonalityConfig c : userPersonality.listByUser(actor.userId())) {
            if (!c.configOverrides().isEmpty()) {
                personalityRepository.findById(c.personalityId()).ifPresent(p ->
                        out.add(new PersonalityTier(p.id(), p.slug(), c.configOverrides())));
            }
        }
        return out;
    }

    /** Merges a patch into the caller's tier for a personality they may see; returns the merged tier. */
    public ConfigOverrides patchPersonalityTier(Actor actor, String slug, ConfigOverrides patch) {
        Personality p = personalities.visible(actor, slug);
        ConfigOverrides merged = userPersonality.configOverrides(actor.userId(), p.id()).merge(patch);
        userPersonality.setConfigOverrides(actor.userId(), p.id(), merged);
        return merged;
    }

    /** Clears the caller's tier for one personality (persona and preset choices stay). */
    public Personality clearPersonalityTier(Actor actor, String slug) {
        Personality p = personalities.visible(actor, slug);
        userPersonality.setConfigOverrides(actor.userId(), p.id(), ConfigOverrides.EMPTY);
        return p;
    }

    /**
     * A character's own tier (the settings every user of it gets unless they override them), what that tier
     * yields over the admin tier and the built-in values, for those who may edit the character.
     */
    public record CharacterTier(Personality personality, ConfigOverrides tier, ResolvedSettings effective) {
    }

    /** The character's tier, for its owner or the bot owner (not found or forbidden otherwise). */
    public CharacterTier characterTier(Actor actor, String slug) {
        Personality p = personalities.editable(actor, slug);
        ConfigOverrides tier = personalityRepository.configDefaults(p.id());
        return new CharacterTier(p, tier, SettingsCascade.resolve(admin.get().configDefaults(), tier,
                ConfigOverrides.EMPTY, ConfigOverrides.EMPTY, ConfigOverrides.EMPTY));
    }

    /**
     * Sets what the character's tier says about each given setting ({@link TierValue#inherit()} removes it), for
     * its owner or the bot owner; returns the tier afterwards.
     */
    public CharacterTier setCharacterTier(Actor actor, String slug, Map<SettingKey, TierValue<?>> values) {
        Personality p = personalities.editable(actor, slug);
        ConfigOverrides tier = personalityRepository.configDefaults(p.id());
        for (Map.Entry<SettingKey, TierValue<?>> value : values.entrySet()) {
            tier = tier.with(value.getKey(), value.getValue());
        }
        personalityRepository.setConfigDefaults(p.id(), tier);
        return characterTier(actor, p.slug());
    }

    /** The admin tier (bot owner only). */
    public AdminSettings adminTier(Actor actor) {
        requireOwner(actor);
        return admin.get();
    }

    /** Merges a patch into the admin tier (bot owner only). */
    public AdminSettings patchAdminTier(Actor actor, ConfigOverrides patch) {
        requireOwner(actor);
        return admin.setConfigDefaults(admin.get().configDefaults().merge(patch), actor.userId());
    }

    /** The admin tier and what it yields over the built-in values (bot owner only). */
    public ResolvedSettings adminEffective(Actor actor) {
        return SettingsCascade.resolve(adminTier(actor).configDefaults(), ConfigOverrides.EMPTY, ConfigOverrides.EMPTY,
                ConfigOverrides.EMPTY, ConfigOverrides.EMPTY);
    }

    /** Sets what the admin tier says about each given setting ({@link TierValue#inherit()} removes it; bot owner only). */
    public AdminSettings editAdminTier(Actor actor, Map<SettingKey, TierValue<?>> values) {
        ConfigOverrides tier = adminTier(actor).configDefaults();
        for (Map.Entry<SettingKey, TierValue<?>> value : values.entrySet()) {
            tier = tier.with(value.getKey(), value.getValue());
        }
        return admin.setConfigDefaults(tier, actor.userId());
    }

    /** Empties the admin tier (bot owner only). */
    public AdminSettings clearAdminTier(Actor actor) {
        requireOwner(actor);
        return admin.setConfigDefaults(ConfigOverrides.EMPTY, actor.userId());
    }

    private static void requireOwner(Actor actor) {
        if (!actor.owner()) {
            throw DomainException.forbidden("Only the bot owner may change the admin settings.");
        }
    }

    /**
     * A tier patch from plain values by setting name: absent keys inherit, an explicit null clears. Every key
     * is checked on its own, so the error names the setting at fault.
     */
    public static ConfigOverrides parseTier(Map<String, Object> values) {
        if (values.isEmpty()) {
            throw DomainException.invalid(null, "Send at least one setting, e.g. {\"maxMessages\": 30}; known"
                    + " settings: " + known() + ".");
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Map<String, Object> single = new HashMap<>();
            single.put(e.getKey(), e.getValue());
            if (ConfigOverrides.parse(single) instanceof ConfigOverrides.Parsed.Invalid invalid) {
                String hint = SettingKey.fromJsonName(e.getKey()).isPresent() ? "" : "; known settings: " + known();
                throw DomainException.invalid(e.getKey(), String.join("; ", invalid.problems()) + hint + ".");
            }
        }
        return ((ConfigOverrides.Parsed.Valid) ConfigOverrides.parse(values)).overrides();
    }

    private static String known() {
        return String.join(", ", Arrays.stream(SettingKey.values()).map(SettingKey::jsonName).toList());
    }
}
