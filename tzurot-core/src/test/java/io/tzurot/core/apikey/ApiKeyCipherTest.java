package io.tzurot.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyCipherTest {

    private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @Test
    void decryptsWhatNodeCryptoEncrypted() {
        // produced by Node's crypto.createCipheriv("aes-256-gcm", key, 16-byte iv), the reference runtime
        EncryptedSecret fromReference = new EncryptedSecret("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
                "59c80ed36ae0bb47eef771c58866e2e0afa7dfea", "dc7279c8569f36a42b3806769f86e79b");

        assertThat(ApiKeyCipher.fromHex(KEY).decrypt(fromReference)).isEqualTo("sk-or-v1-interop-✓");
    }

    @Test
    void roundTripsWithAFreshIvEachTime() {
        ApiKeyCipher cipher = ApiKeyCipher.fromHex(KEY.toUpperCase());
        EncryptedSecret a = cipher.encrypt("secret");
        EncryptedSecret b = cipher.encrypt("secret");

        assertThat(a.iv()).hasSize(32).matches("[0-9a-f]+");
        assertThat(a.tag()).hasSize(32).matches("[0-9a-f]+");
        assertThat(a.content()).hasSize(12);
        assertThat(a.iv()).isNotEqualTo(b.iv());
        assertThat(cipher.decrypt(a)).isEqualTo("secret");
        assertThat(cipher.decrypt(b)).isEqualTo("secret");
    }

    @Test
    void tamperingOrAWrongKeyFailsAuthentication() {
        ApiKeyCipher cipher = ApiKeyCipher.fromHex(KEY);
        EncryptedSecret sealed = cipher.encrypt("secret");
        String flipped = (sealed.content().charAt(0) == '0' ? "1" : "0") + sealed.content().substring(1);

        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(sealed.iv(), flipped, sealed.tag())))
                .isInstanceOf(SecretDecryptionException.class).hasMessageNotContaining("secret\"");
        assertThatThrownBy(() -> ApiKeyCipher.fromHex(KEY.replace('0', 'f')).decrypt(sealed))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void badKeysAreRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> ApiKeyCipher.fromHex("abc123")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encryption key must be exactly 64 hexadecimal characters");
        assertThatThrownBy(() -> ApiKeyCipher.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKeyCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void toStringsRevealNothing() {
        ApiKeyCipher cipher = ApiKeyCipher.fromHex(KEY);
        EncryptedSecret sealed = cipher.encrypt("sk-visible?");

        assertThat(cipher.toString()).doesNotContain(KEY).isEqualTo("ApiKeyCipher[AES-256-GCM]");
        assertThat(sealed.toString()).isEqualTo("EncryptedSecret[11 bytes]");
        assertThatThrownBy(() -> new EncryptedSecret("zz", "00", "00")).isInstanceOf(IllegalArgumentException.class);
    }
}
