package io.tzurot.discord.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks PluralKit ({@code GET {base}/messages/{id}}) who wrote a webhook message. Empty when PluralKit does not know
 * it (another bot's webhook) and when it cannot say (rate limited, down, slow, nonsense): such a message stays
 * unanswered, as every webhook message is without PluralKit. Answers are remembered, known or not, so one message
 * is asked about once (twice when first not found).
 */
public final class PluralKitClient {

    private static final Logger LOG = LoggerFactory.getLogger(PluralKitClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int CACHED = 1000;
    private static final long RETRY_MILLIS = 1000;
    private static final String USER_AGENT = "Tzurot (JVM; PluralKit proxy support)";
    private static final CompletableFuture<Optional<ProxiedAuthor>> DONE_EMPTY =
            CompletableFuture.completedFuture(Optional.empty());

    private final URI base;
    private final HttpClient http;
    private final Map<String, Optional<ProxiedAuthor>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<ProxiedAuthor>> eldest) {
            return size() > CACHED;
        }
    };

    public PluralKitClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Who wrote message {@code messageId} (a Discord snowflake), if PluralKit proxied it. */
    public CompletableFuture<Optional<ProxiedAuthor>> lookup(String messageId) {
        if (!messageId.matches("\\d{1,20}")) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        synchronized (cache) {
            Optional<ProxiedAuthor> known = cache.get(messageId);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
        }
        return ask(messageId, true);
    }

    /**
     * PluralKit stores a repost just after posting it, so the repost's create event can beat it: a first "not found"
     * is asked again once, {@value #RETRY_MILLIS} ms later, before the message counts as someone else's.
     */
    private CompletableFuture<Optional<ProxiedAuthor>> ask(String messageId, boolean retryNotFound) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/messages/" + messageId)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", USER_AGENT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                LOG.warn("PluralKit look-up of message {} failed ({}); the message is ignored", messageId,
                        error.getClass().getSimpleName());
                return DONE_EMPTY;
            }
            if (response.statusCode() == 404) {
                if (retryNotFound) {
                    return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> ask(messageId, false));
                }
                return CompletableFuture.completedFuture(remember(messageId, Optional.<ProxiedAuthor>empty()));
            }
            if (response.statusCode() != 200) {
                // not remembered: a later look-up of the same message may succeed
                LOG.warn("PluralKit answered {} for message {}; the message is ignored", response.statusCode(),
                        messageId);
                return DONE_EMPTY;
            }
            return CompletableFuture.completedFuture(remember(messageId, parse(messageId, response.body())));
        }).thenCompose(next -> next);
    }

    private Optional<ProxiedAuthor> remember(String messageId, Optional<ProxiedAuthor> answer) {
        synchronized (cache) {
            cache.put(messageId, answer);
        }
        return answer;
    }

    private static Optional<ProxiedAuthor> parse(String messageId, String body) {
        try {
            DataObject json = DataObject.fromJson(body);
            String sender = json.getString("sender", "");
            DataObject member = json.optObject("member").orElse(null);
            if (!sender.matches("\\d{1,20}") || member == null || member.getString("name", "").isBlank()
                    || json.isNull("system")) {
                LOG.warn("PluralKit's answer for message {} names no sender, member or system; the message is ignored",
                        messageId);
                return Optional.empty();
            }
            return Optional.of(new ProxiedAuthor(sender, json.getString("original", ""), member.getString("name"),
                    Optional.ofNullable(member.getString("display_name", null))));
        } catch (RuntimeException e) {
            LOG.warn("PluralKit's answer for message {} is not the expected JSON; the message is ignored", messageId);
            return Optional.empty();
        }
    }
}
