package io.tzurot.core.apikey;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainError.Reason;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.text.TextRules;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's own provider keys (bring your own key): a key is checked with the provider before it is
 * stored encrypted, and is never returned, listed or logged; only its metadata is.
 */
public final class ManagingApiKeys {

    /** Longest key accepted, in characters. */
    public static final int MAX_KEY_LENGTH = 500;

    private final ApiKeyRepository keys;
    private final Optional<ApiKeyCipher> cipher;
    private final ProviderKeyValidator validator;

    /** @param cipher empty when no encryption key is configured: keys can then be listed and removed but not set */
    public ManagingApiKeys(ApiKeyRepository keys, Optional<ApiKeyCipher> cipher, ProviderKeyValidator validator) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** The caller's keys (metadata only). */
    public List<ApiKey> list(Actor actor) {
        return keys.list(actor.userId());
    }

    /** The providers whose keys can be set, sorted. */
    public List<String> providers() {
        return validator.providers().stream().sorted().toList();
    }

    /** Whether keys can be stored at all (an encryption key is configured). */
    public boolean enabled() {
        return cipher.isPresent();
    }

    /** A provider whose keys can be set, or an invalid {@code provider} naming the ones that can. */
    public String provider(String raw) {
        String provider = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!validator.providers().contains(provider)) {
            throw DomainException.invalid("provider", "Keys can be set for " + String.join(", ", providers())
                    + "; not for '" + raw + "'.");
        }
        return provider;
    }

    /**
     * Checks the key with the provider and stores it encrypted. A refused key is an invalid {@code apiKey}; a
     * provider that cannot be asked, or no encryption key, is unavailable. Nothing is stored on any failure.
     */
    public ApiKey set(Actor actor, String rawProvider, String rawKey) {
        String provider = provider(rawProvider);
        String key = TextRules.required("apiKey", rawKey, MAX_KEY_LENGTH, TextRules.Lines.MULTI);
        ApiKeyCipher c = cipher.orElseThrow(() -> DomainException.unavailable(Reason.NOT_CONFIGURED,
                "Storing provider keys is off: the operator has not set TZUROT_ENCRYPTION_KEY."));
        // a key travels in an HTTP header, which carries visible ASCII only; anything else cannot be a real key
        if (key.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7E)) {
            throw DomainException.invalid("apiKey", "'apiKey' must hold visible ASCII characters only: no spaces, line"
                    + " breaks or accented letters.");
        }
        KeyCheck check = validator.check(provider, key);
        if (check instanceof KeyCheck.Rejected rejected) {
            throw DomainException.invalid("apiKey", rejected.reason() + " The key was not stored.");
        }
        if (check instanceof KeyCheck.Unavailable unavailable) {
            throw DomainException.unavailable(Reason.PROVIDER_UNREACHABLE, unavailable.reason()
                    + " The key was not stored; try again later.");
        }
        return new StoreApiKey(keys, c).execute(actor.userId(), provider, key);
    }

    /** Asks the provider whether the caller's stored key still works. */
    public KeyCheck test(Actor actor, String rawProvider) {
        String provider = provider(rawProvider);
        ApiKeyCipher c = cipher.orElseThrow(() -> DomainException.unavailable(Reason.NOT_CONFIGURED,
                "Provider keys are off: the operator has not set TZUROT_ENCRYPTION_KEY."));
        String key = new RevealApiKey(keys, c).execute(actor.userId(), provider)
                .orElseThrow(() -> DomainException.notFound("Your " + provider + " key"));
        return validator.check(provider, key);
    }

    /** Removes the caller's key for a provider. */
    public void remove(Actor actor, String rawProvider) {
        String provider = rawProvider == null ? "" : rawProvider.strip().toLowerCase(Locale.ROOT);
        if (!provider.matches("[a-z0-9_-]{1,20}")) {
            throw DomainException.invalid("provider", "'provider' must be 1-20 characters of a-z, 0-9, '_' or '-'.");
        }
        if (!keys.delete(actor.userId(), provider)) {
            throw DomainException.notFound("Your " + provider + " key");
        }
    }
}
