package io.tzurot.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.messaging.EphemeralKeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplyTracker} for several {@code api} processes behind one address: replies started here stay in
 * memory with their live outcome, and each one's state (its sender, then its JSON view once it is done) is also
 * written to the shared key store, so a {@code GET /api/v1/replies/{id}} or its event stream reaching another
 * process still finds it. There a pending reply is polled every {@link #POLL} while a reader waits for it. The
 * per-user limit of waiting replies holds across the processes: each waiting reply holds one of the user's
 * numbered slot keys, taken with set-if-absent (atomic in the store) and removed when the reply has its outcome.
 */
public final class SharedReplyTracker implements ReplyTracker {

    /** How often another process's pending reply is read again. */
    static final Duration POLL = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(SharedReplyTracker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "web-reply:";
    private static final String SLOT_PREFIX = "web-pending:";

    /**
     * How long a slot outlives a process that died before its reply finished; longer than any reply takes (the
     * engine's deadline is minutes), short enough that a crash does not lock a user out for long.
     */
    static final Duration SLOT_TTL = Duration.ofMinutes(10);

    private final ReplyTracker local;
    private final Supplier<Optional<EphemeralKeyStore>> store;
    private final Duration retention;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web-reply-poll");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param local     keeps this process's replies (with their live outcome)
     * @param store     the shared keys, empty while messaging is still starting (then only local replies are found)
     * @param retention how long a reply stays readable, as the local tracker keeps it
     */
    public SharedReplyTracker(ReplyTracker local, Supplier<Optional<EphemeralKeyStore>> store, Duration retention) {
        this.local = local;
        this.store = store;
        this.retention = retention;
    }

    /**
     * The pending state is written and confirmed before the reply's id is handed out, so another process asked for it
     * right after finds it; the outcome is written without waiting (the writes of this process keep their order), as
     * another process reading it polls anyway.
     */
    @Override
    public void track(TrackedReply reply) {
        local.track(reply);
        publish(reply.replyId(), reply.userId(), ReplyView.of(reply.replyId(), Optional.empty()), true);
        reply.outcome().thenAccept(outcome -> publish(reply.replyId(), reply.userId(), ReplyView.of(reply.replyId(),
                Optional.of(outcome)), false));
    }

    @Override
    public boolean trackWithin(TrackedReply reply, int maxPending) {
        Optional<EphemeralKeyStore> keys = store.get();
        if (keys.isEmpty()) {
            return local.trackWithin(reply, maxPending); // messaging is starting: no other process serves yet
        }
        Optional<String> slot;
        try {
            slot = claimSlot(keys.get(), reply, maxPending);
        } catch (RuntimeException e) {
            // the shared store is unreachable: hold the limit on this process rather than refuse every chat
            LOG.warn("per-user reply limit checked on this process only: {}", e.getMessage());
            return local.trackWithin(reply, maxPending);
        }
        if (slot.isEmpty()) {
            return false;
        }
        reply.outcome().whenComplete((outcome, error) -> release(keys.get(), slot.get()));
        track(reply);
        return true;
    }

    /**
     * The first free one of the user's {@code maxPending} slots, now held by this reply; empty when all are taken. One
     * round trip however many slots are held.
     */
    private static Optional<String> claimSlot(EphemeralKeyStore keys, TrackedReply reply, int maxPending) {
        List<String> slots = new ArrayList<>(maxPending);
        for (int i = 0; i < maxPending; i++) {
            slots.add(SLOT_PREFIX + reply.userId() + ":" + i);
        }
        return keys.setFirstAbsent(slots, reply.replyId(), SLOT_TTL);
    }

    /** Without waiting: a release that fails is logged by the store, and the slot expires within {@link #SLOT_TTL}. */
    private static void release(EphemeralKeyStore keys, String slot) {
        try {
            keys.deleteWithoutWaiting(slot);
        } catch (RuntimeException e) {
            LOG.warn("reply slot {} not released; it expires within {}: {}", slot, SLOT_TTL, e.getMessage());
        }
    }

    @Override
    public Optional<TrackedReply> find(String replyId) {
        return local.find(replyId);
    }

    @Override
    public Optional<ReplyState> findState(String replyId) {
        Optional<ReplyState> here = local.findState(replyId);
        if (here.isPresent()) {
            return here;
        }
        return read(replyId).map(stored -> ReplyState.of(replyId, stored.userId(), stored.view(), () -> {
            CompletableFuture<Map<String, Object>> view = new CompletableFuture<>();
            poll(replyId, view, System.nanoTime() + retention.toNanos());
            return view;
        }));
    }

    @Override
    public int pendingFor(UUID userId) {
        return local.pendingFor(userId);
    }

    /** Reads the reply again until it is done, nobody waits any more (the future was completed) or it expired. */
    private void poll(String replyId, CompletableFuture<Map<String, Object>> view, long deadline) {
        poller.schedule(() -> {
            if (view.isDone()) {
                return;
            }
            Optional<Stored> now = read(replyId);
            if (now.isEmpty() || System.nanoTime() > deadline) {
                view.complete(ReplyView.of(replyId, Optional.empty()));
            } else if (!ReplyState.pending(now.get().view())) {
                view.complete(now.get().view());
            } else {
                poll(replyId, view, deadline);
            }
        }, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Stored(UUID userId, Map<String, Object> view) {
    }

    private void publish(String replyId, UUID userId, Map<String, Object> view, boolean confirmed) {
        store.get().ifPresent(keys -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("userId", userId.toString());
            value.put("view", view);
            try {
                String json = JSON.writeValueAsString(value);
                if (confirmed) {
                    keys.set(PREFIX + replyId, json, retention);
                } else {
                    keys.setWithoutWaiting(PREFIX + replyId, json, retention);
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // the reply still works on this process; only other processes cannot see it
                LOG.warn("reply {} not shared with other api processes: {}", replyId, e.getMessage());
            }
        });
    }

    private Optional<Stored> read(String replyId) {
        if (replyId.length() > 64) {
            return Optional.empty();
        }
        return store.get().flatMap(keys -> keys.get(PREFIX + replyId)).flatMap(raw -> {
            try {
                Map<String, Object> value = JSON.readValue(raw, new TypeReference<Map<String, Object>>() { });
                @SuppressWarnings("unchecked")
                Map<String, Object> view = (Map<String, Object>) value.get("view");
                return Optional.of(new Stored(UUID.fromString((String) value.get("userId")), view));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("unreadable shared state of reply {}: {}", replyId, e.getMessage());
                return Optional.empty();
            }
        });
    }
}
