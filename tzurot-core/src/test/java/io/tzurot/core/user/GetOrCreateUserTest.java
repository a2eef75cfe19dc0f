package io.tzurot.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetOrCreateUserTest {

    private final List<Boolean> superuserFlags = new ArrayList<>();

    private UserRepository recordingRepository() {
        return (UserRepository) Proxy.newProxyInstance(UserRepository.class.getClassLoader(),
                new Class<?>[] {UserRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getOrCreate")) {
                        throw new AssertionError("unexpected call " + method.getName());
                    }
                    DiscordUserProfile profile = (DiscordUserProfile) args[0];
                    superuserFlags.add((Boolean) args[1]);
                    return new User(DeterministicIds.user(profile.discordId()), profile.discordId(), profile.username(),
                            "UTC", (Boolean) args[1], false, null, null, null, null, null);
                });
    }

    @Test
    void onlyTheConfiguredOwnerIsSuperuserAndBotsAreSkipped() {
        GetOrCreateUser useCase = new GetOrCreateUser(recordingRepository(), " 42 ");

        assertThat(useCase.execute(new DiscordUserProfile("42", "owner", null, null, false)).orElseThrow().superuser()).isTrue();
        assertThat(useCase.execute(new DiscordUserProfile("43", "guest", null, null, false)).orElseThrow().superuser()).isFalse();
        assertThat(useCase.execute(new DiscordUserProfile("44", "robot", null, null, true))).isEmpty();
        assertThat(superuserFlags).containsExactly(true, false);
    }

    @Test
    void withoutAnOwnerNobodyIsSuperuser() {
        GetOrCreateUser useCase = new GetOrCreateUser(recordingRepository(), null);

        assertThat(useCase.execute(new DiscordUserProfile("42", "someone", null, null, false)).orElseThrow().superuser()).isFalse();
    }

    @Test
    void profilesValidateTheSnowflakeAndFillAPlaceholderName() {
        DiscordUserProfile anonymous = new DiscordUserProfile("77", " ", " ", null, false);

        assertThat(anonymous.username()).isEqualTo("77");
        assertThat(anonymous.hasPlaceholderName()).isTrue();
        assertThat(anonymous.displayName()).isNull();
        assertThatThrownBy(() -> new DiscordUserProfile("abc", "x", null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snowflake");
        assertThat(Timezones.problem("Europe/Paris")).isEmpty();
        assertThat(Timezones.problem("Nowhere/City")).get().asString().contains("unknown time zone");
    }
}
