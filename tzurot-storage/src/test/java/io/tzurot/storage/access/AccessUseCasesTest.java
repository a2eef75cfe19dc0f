package io.tzurot.storage.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.AccessDeniedException;
import io.tzurot.core.access.AccessSecrets;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.core.access.IssuedApiToken;
import io.tzurot.core.access.LoginLink;
import io.tzurot.core.access.LoginRedemption;
import io.tzurot.core.access.OperatorLogin;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The access use cases over the real repository, on both databases. */
class AccessUseCasesTest {

    abstract static class AccessUseCasesContract extends DatabaseContract {
        private static final String OPERATOR = "111111111111111111";
        private final MutableClock clock = MutableClock.startingAt("2026-05-01T12:00:00Z");
        private AccessServices access;

        AccessUseCasesContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            access = AccessServices.create(new JdbiAccessRepository(database().jdbi()), clock, OPERATOR);
        }

        @Test
        void theCommandLineIssuesATokenAndCreatesTheUser() {
            IssuedApiToken issued = access.issuing().issueForDiscordUser("222222222222222222", true, null);
            assertThat(issued.token().label()).isEqualTo("command line");
            Actor actor = access.authenticating().byBearerToken(issued.secret()).orElseThrow();
            assertThat(actor).isEqualTo(new Actor(DeterministicIds.user("222222222222222222"), "222222222222222222", true));
            String stored = database().jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens WHERE id = :id")
                    .bind("id", issued.token().id()).mapTo(String.class).one());
            assertThat(stored).isEqualTo(AccessSecrets.hash(issued.secret())).doesNotContain(issued.secret());
            assertThatThrownBy(() -> access.issuing().issueForDiscordUser("not-an-id", false, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void lastUseIsRecordedToTheMinute() {
            IssuedApiToken issued = access.issuing().issueForDiscordUser("333333333333333333", false, "x");
            Instant first = clock.instant();
            access.authenticating().byBearerToken(issued.secret());
            clock.advance(Duration.ofSeconds(30));
            access.authenticating().byBearerToken(issued.secret());
            Actor actor = access.authenticating().byBearerToken(issued.secret()).orElseThrow();
            assertThat(access.tokens().listOwn(actor).get(0).lastUsedAt()).contains(first);
            clock.advance(Duration.ofSeconds(61));
            access.authenticating().byBearerToken(issued.secret());
            assertThat(access.tokens().listOwn(actor).get(0).lastUsedAt()).contains(clock.instant());
        }

        @Test
        void nonOwnersCannotMintOwnerTokensNorRevokeOthersTokens() {
            Actor user = access.authenticating().byBearerToken(
                    access.issuing().issueForDiscordUser("444444444444444444", false, "x").secret()).orElseThrow();
            assertThatThrownBy(() -> access.issuing().issueFor(user, "admin", true)).isInstanceOf(AccessDeniedException.class);
            IssuedApiToken other = access.issuing().issueForDiscordUser("555555555555555555", false, "other");
            assertThat(access.tokens().revoke(user, other.token().id())).isFalse();
            assertThat(access.authenticating().byBearerToken(other.secret())).isPresent();
        }

        @Test
        void aLoginLinkWorksOnceAndOnlyInTime() {
            LoginLink link = access.operatorLogin().issueLink();
            LoginRedemption first = access.operatorLogin().redeem(link.secret());
            assertThat(first).isInstanceOf(LoginRedemption.SignedIn.class);
            String session = ((LoginRedemption.SignedIn) first).sessionSecret();
            assertThat(access.authenticating().bySession(session)).contains(new Actor(DeterministicIds.user(OPERATOR), OPERATOR, true));
            assertThat(access.operatorLogin().redeem(link.secret())).isInstanceOf(LoginRedemption.AlreadyUsed.class);

            LoginLink late = access.operatorLogin().issueLink();
            clock.advance(OperatorLogin.LINK_LIFETIME);
            assertThat(access.operatorLogin().redeem(late.secret())).isInstanceOf(LoginRedemption.Expired.class);
            assertThat(access.operatorLogin().redeem("tzl_" + "a".repeat(43))).isInstanceOf(LoginRedemption.Unknown.class);

            clock.advance(OperatorLogin.SESSION_LIFETIME);
            assertThat(access.authenticating().bySession(session)).isEmpty();
            Integer left = database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM web_sessions WHERE id_hash = :h")
                    .bind("h", AccessSecrets.hash(session)).mapTo(Integer.class).one());
            assertThat(left).isZero();
        }
    }

    @Nested
    class OnH2 extends AccessUseCasesContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends AccessUseCasesContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
