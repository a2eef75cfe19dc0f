package io.tzurot.core.apikey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.id.DeterministicIds;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A key that cannot travel in an HTTP header is refused before the provider is asked or anything is stored. */
class ManagingApiKeysTest {

    @Test
    void keysWithSpacesOrNonAsciiCharactersAreInvalidAndNeverSentOrStored() {
        ApiKeyRepository untouched = (ApiKeyRepository) Proxy.newProxyInstance(ApiKeyRepository.class.getClassLoader(),
                new Class<?>[] {ApiKeyRepository.class}, (proxy, method, args) -> {
                    throw new AssertionError("nothing may be stored: " + method.getName());
                });
        ManagingApiKeys keys = new ManagingApiKeys(untouched, Optional.of(new ApiKeyCipher(new byte[32])),
                new ProviderKeyValidator() {
                    @Override
                    public java.util.Set<String> providers() {
                        return java.util.Set.of("openrouter");
                    }

                    @Override
                    public KeyCheck check(String provider, String apiKey) {
                        throw new AssertionError("the provider must not be asked");
                    }
                });
        Actor actor = new Actor(DeterministicIds.user("1"), "1", false);

        for (String bad : new String[] {"sk-or-v1-m\ufffdtrix-key", "sk-or-v1 spaced", "sk-or-v1-caf\u00e9", "sk\u0007or"}) {
            assertThatThrownBy(() -> keys.set(actor, "openrouter", bad)).isInstanceOfSatisfying(DomainException.class,
                    e -> org.assertj.core.api.Assertions.assertThat(e.error().field()).isEqualTo("apiKey"));
        }
        assertThatThrownBy(() -> keys.set(actor, "openrouter", "sk-or-v1-caf\u00e9")).hasMessageContaining("visible ASCII");
    }
}
