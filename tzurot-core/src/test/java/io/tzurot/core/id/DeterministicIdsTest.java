package io.tzurot.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeterministicIdsTest {

    @Test
    void matchesTheRfc4122Example() {
        // RFC 4122 / Python uuid.uuid5(NAMESPACE_DNS, "python.org")
        assertThat(DeterministicIds.uuidV5(DeterministicIds.DNS_NAMESPACE, "python.org"))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void producesVersion5AndIsStable() {
        UUID a = DeterministicIds.user("123456789012345678");
        assertThat(a.version()).isEqualTo(5);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(DeterministicIds.user("123456789012345678")).isEqualTo(a);
        assertThat(DeterministicIds.user("123456789012345679")).isNotEqualTo(a);
    }

    @Test
    void memoryIdsUseTheMemoryNamespace() {
        UUID persona = UUID.randomUUID();
        UUID personality = UUID.randomUUID();
        UUID id = DeterministicIds.memory(persona, personality, "hello");
        assertThat(id).isEqualTo(DeterministicIds.uuidV5(DeterministicIds.MEMORY_NAMESPACE,
                persona + ":" + personality + ":" + DeterministicIds.sha256Hex("hello", 32)));
        assertThat(DeterministicIds.sha256Hex("hello", 32)).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e");
    }
}
