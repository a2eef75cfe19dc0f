package io.tzurot.discord.bot;

import io.tzurot.discord.delivery.Delays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link Delays} whose time moves only when a test says so: ten minutes pass in one call, without waiting. */
final class ManualDelays implements Delays {

    private record Timer(Duration due, Runnable work, AtomicBoolean cancelled) {
    }

    private final List<Timer> timers = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public synchronized Pending after(Duration delay, Runnable work) {
        Timer timer = new Timer(now.plus(delay), work, new AtomicBoolean());
        timers.add(timer);
        return () -> timer.cancelled().set(true);
    }

    /** Work scheduled and neither run nor cancelled. */
    synchronized int waiting() {
        return (int) timers.stream().filter(t -> !t.cancelled().get()).count();
    }

    /** Moves time on by {@code by}, running (on this thread) the work that falls due, in order. */
    void advance(Duration by) {
        List<Timer> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(by);
            for (Timer t : List.copyOf(timers)) {
                if (t.due().compareTo(now) <= 0) {
                    timers.remove(t);
                    due.add(t);
                }
            }
        }
        due.stream().filter(t -> !t.cancelled().get()).forEach(t -> t.work().run());
    }
}
