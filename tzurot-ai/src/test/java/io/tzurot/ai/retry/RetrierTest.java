package io.tzurot.ai.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Backoff arithmetic, budget and classification. */
class RetrierTest {

    @Test
    void backoffDoublesFromOneSecondUpToTen() {
        RetryPolicy chat = RetryPolicy.CHAT;
        assertThat(chat.backoffBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(chat.backoffBefore(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(chat.backoffBefore(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(chat.backoffBefore(6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(chat.backoffBefore(60)).isEqualTo(Duration.ofSeconds(10));
        assertThat(chat.maxAttempts()).isEqualTo(3);
        assertThat(chat.attemptTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(chat.totalBudget()).isEqualTo(Duration.ofSeconds(480));
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ZERO)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO,
                Duration.ZERO)).hasMessageContaining("attemptTimeout");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("backoff");
    }

    @Test
    void noNewAttemptOnceTheBudgetCannotCoverTheBackoff() {
        // the first retry would have to wait 5 s, but only 1 s of budget exists
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        AtomicInteger attempts = new AtomicInteger();
        Retrier retrier = new Retrier(policy, ErrorClassifier::classify);

        Throwable thrown = catchThrowable(() -> retrier.run("test", attempt -> {
            attempts.incrementAndGet();
            return CompletableFuture.<String>failedFuture(new ConnectException("refused"));
        }).join());

        assertThat(attempts).hasValue(1);
        assertThat(thrown.getCause()).isInstanceOfSatisfying(ModelCallException.class,
                e -> assertThat(e.error()).isInstanceOf(ModelError.Network.class));
    }

    @Test
    void attemptsAreNumberedAndAnExceptionThrownSynchronouslyCountsAsAFailure() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO,
                Duration.ZERO);
        Retrier retrier = new Retrier(policy, ErrorClassifier::classify);

        String result = retrier.run("test", attempt -> {
            if (attempt.number() == 1) {
                throw new IllegalStateException("status code: 503");
            }
            return CompletableFuture.completedFuture("attempt " + attempt.number());
        }).join();

        assertThat(result).isEqualTo("attempt 2");
    }

    @Test
    void classifierReadsStatusesExceptionsAndMessages() {
        assertThat(ErrorClassifier.classify(new dev.langchain4j.exception.HttpException(402,
                "{\"error\":{\"message\":\"Insufficient credits\",\"code\":402}}")))
                .isInstanceOfSatisfying(ModelError.PaymentRequired.class,
                        e -> assertThat(e.detail()).isEqualTo("HTTP 402: Insufficient credits"));
        assertThat(ErrorClassifier.classify(new RuntimeException(new java.net.http.HttpTimeoutException("slow"))))
                .isInstanceOf(ModelError.Timeout.class);
        assertThat(ErrorClassifier.classify(new IOException("connection reset"))).isInstanceOf(ModelError.Network.class);
        assertThat(ErrorClassifier.classify(new RuntimeException("Request failed with status code 404")))
                .isInstanceOf(ModelError.ModelNotFound.class);
        assertThat(ErrorClassifier.classify(new RuntimeException("You exceeded your current quota")))
                .isInstanceOf(ModelError.PaymentRequired.class);
        assertThat(ErrorClassifier.classify(new RuntimeException("rate limit reached")))
                .isInstanceOf(ModelError.RateLimited.class);
        assertThat(ErrorClassifier.classify(new RuntimeException("something odd")))
                .isInstanceOf(ModelError.BadResponse.class);
        assertThat(ErrorClassifier.fromStatus(418, "teapot", Optional.empty())).isInstanceOf(ModelError.BadRequest.class);
        assertThat(ErrorClassifier.fromStatus(408, "", Optional.empty())).isInstanceOf(ModelError.Timeout.class);
        assertThat(ErrorClassifier.retryAfter(Optional.of(" 12 "))).contains(Duration.ofSeconds(12));
        assertThat(ErrorClassifier.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEmpty();
        assertThat(ErrorClassifier.providerMessage("x".repeat(600))).hasSize(503);
    }
}
