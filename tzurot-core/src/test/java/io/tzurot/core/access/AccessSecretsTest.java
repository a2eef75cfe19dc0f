package io.tzurot.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessSecretsTest {

    private final AccessSecrets secrets = new AccessSecrets();

    @Test
    void secretsCarry256RandomBitsBehindTheirPrefix() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = secrets.newSecret(AccessSecrets.TOKEN_PREFIX);
            assertThat(secret).startsWith("tzk_").hasSize(4 + 43);
            assertThat(AccessSecrets.looksLike(secret, AccessSecrets.TOKEN_PREFIX)).isTrue();
            assertThat(AccessSecrets.looksLike(secret, AccessSecrets.SESSION_PREFIX)).isFalse();
            assertThat(seen.add(secret)).isTrue();
        }
        assertThat(AccessSecrets.looksLike("tzk_short", AccessSecrets.TOKEN_PREFIX)).isFalse();
        assertThat(AccessSecrets.looksLike(null, AccessSecrets.TOKEN_PREFIX)).isFalse();
    }

    @Test
    void hashesAreSha256HexAndHintsShowTheLastCharacters() {
        assertThat(AccessSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(AccessSecrets.hint("tzk_abcdefWXYZ")).isEqualTo("…WXYZ");
    }

    @Test
    void secretsNeverAppearInToString() {
        ApiToken token = new ApiToken(UUID.randomUUID(), UUID.randomUUID(), "1", "l", "…abcd", false, Instant.EPOCH, Optional.empty());
        assertThat(new IssuedApiToken(token, "tzk_supersecret").toString()).doesNotContain("supersecret");
        assertThat(new LoginLink("tzl_supersecret", Instant.EPOCH).toString()).doesNotContain("supersecret");
        assertThat(new LoginRedemption.SignedIn("tzs_supersecret",
                new Session("hash", UUID.randomUUID(), true, Instant.EPOCH, Instant.EPOCH)).toString()).doesNotContain("supersecret");
    }

    @Test
    void loginLinkUrlsJoinTheBaseUrlCleanly() {
        LoginLink link = new LoginLink("tzl_x", Instant.EPOCH);
        assertThat(link.url("http://127.0.0.1:8080/")).isEqualTo("http://127.0.0.1:8080/login/tzl_x");
        assertThat(link.url("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080/login/tzl_x");
    }

    @Test
    void discordIdsAreOneToTwentyDigitsAndLabelsAreChecked() {
        assertThat(DiscordIds.isValid("278863839632818186")).isTrue();
        assertThat(DiscordIds.isValid(OperatorLogin.LOCAL_OPERATOR_DISCORD_ID)).isTrue();
        assertThat(DiscordIds.isValid("12a")).isFalse();
        assertThat(DiscordIds.isValid("1".repeat(21))).isFalse();
        assertThatThrownBy(() -> DiscordIds.require("")).hasMessageContaining("1-20 digits");
        assertThat(IssuingApiToken.checkLabel("  ci  ")).isEqualTo("ci");
        assertThatThrownBy(() -> IssuingApiToken.checkLabel(" ")).hasMessageContaining("needs a label");
        assertThatThrownBy(() -> IssuingApiToken.checkLabel("x".repeat(101))).hasMessageContaining("at most 100");
    }

    @Test
    void theOwnerOrTheOwnerOfAThingMayManageIt() {
        UUID me = UUID.randomUUID();
        assertThat(new Actor(me, "1", false).mayManage(me)).isTrue();
        assertThat(new Actor(me, "1", false).mayManage(UUID.randomUUID())).isFalse();
        assertThat(new Actor(me, "1", true).mayManage(UUID.randomUUID())).isTrue();
    }
}
