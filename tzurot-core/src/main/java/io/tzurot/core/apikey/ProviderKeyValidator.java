package io.tzurot.core.apikey;

import java.util.Set;

/** Checks a user's provider key with the provider before it is stored; injected so tests can use a fake provider. */
public interface ProviderKeyValidator {

    /** The providers whose keys this validator can check (lowercase names such as {@code openrouter}). */
    Set<String> providers();

    /** Asks the provider whether {@code apiKey} works; {@code provider} is one of {@link #providers()}. */
    KeyCheck check(String provider, String apiKey);
}
