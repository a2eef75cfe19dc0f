package io.tzurot.app.fleet.bench;

import io.tzurot.app.bench.Percentiles;
import io.tzurot.app.bench.ThreadCpu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One measured part of the reference workload: some senders, each sending its replies one after another (each to a
 * new web channel of its user), all senders at once. Channels and messages are made before the clock starts. CPU is
 * counted until the worker has gone quiet, so the replies' background memory writes are included.
 */
final class WorkloadPhase {

    /** What one phase measured; latencies sorted, in nanoseconds. */
    record Figures(String name, int replies, int failed, double seconds, long[] latencies, Map<String, Double> cpuPerReply,
                   double slowestSenderP50Ms, double fastestSenderP50Ms, long tooManyRequests) {

        double throughput() {
            return replies / seconds;
        }

        double p(double q) {
            return Percentiles.ms(latencies, q);
        }

        /** CPU-ms per reply of the system under test: api, worker, model, PostgreSQL and Redis. */
        double systemCpu() {
            return cpuPerReply.entrySet().stream()
                    .filter(e -> !e.getKey().equals("machine") && !e.getKey().equals(ProcessCpu.EMBEDDINGS))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** The worker's CPU per reply less its embeddings' (NaN when the worker's metrics were not read). */
        double workerWithoutEmbeddings() {
            Double embeddings = cpuPerReply.get(ProcessCpu.EMBEDDINGS);
            return embeddings == null ? Double.NaN : cpuPerReply.get("worker") - embeddings;
        }

        String describe() {
            StringBuilder cpu = new StringBuilder();
            cpuPerReply.forEach((k, v) -> cpu.append(String.format(Locale.ROOT, " %s %.1f", k, v)));
            if (cpuPerReply.containsKey(ProcessCpu.EMBEDDINGS)) {
                cpu.append(String.format(Locale.ROOT, " worker_without_embeddings %.1f", workerWithoutEmbeddings()));
            }
            return String.format(Locale.ROOT, "%s: %d replies (%d failed, %d answers 429 waited out) in %.1f s ="
                            + " %.1f replies/s; latency p50 %.1f / p90 %.1f / p99 %.1f ms; per-sender p50 %.1f–%.1f ms;"
                            + " CPU-ms per reply: system %.1f,%s", name, replies, failed, tooManyRequests, seconds,
                    throughput(), p(0.5), p(0.9), p(0.99), fastestSenderP50Ms, slowestSenderP50Ms, systemCpu(), cpu);
        }
    }

    /** A sender: whose token it uses, and the channel and message of each of its replies. */
    record Plan(WorkloadSeed.Sender sender, List<String> channels, List<String> messages) {
    }

    private WorkloadPhase() {
    }

    static List<Plan> plans(WorkloadSeed seed, WorkloadMessages messages, List<WorkloadSeed.Sender> senders, int each) {
        List<Plan> plans = new ArrayList<>();
        for (WorkloadSeed.Sender sender : senders) {
            List<String> channels = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                channels.add(seed.newChannel(sender));
                texts.add(messages.next());
            }
            plans.add(new Plan(sender, channels, texts));
        }
        return plans;
    }

    static Figures run(String name, List<Plan> plans, WorkloadClient client, ProcessCpu cpu, long workerPid)
            throws Exception {
        int total = plans.stream().mapToInt(p -> p.messages().size()).sum();
        long[] latencies = new long[total];
        double[] senderP50 = new double[plans.size()];
        AtomicInteger slot = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Throwable> error = new AtomicReference<>();
        long tooManyBefore = client.tooManyRequests();
        Map<String, Long> before = cpu.snapshot();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < plans.size(); s++) {
            Plan plan = plans.get(s);
            int index = s;
            Thread t = new Thread(() -> {
                long[] own = new long[plan.messages().size()];
                try {
                    for (int i = 0; i < own.length; i++) {
                        WorkloadClient.Result r = client.reply(plan.sender().token(), plan.channels().get(i),
                                plan.messages().get(i));
                        own[i] = r.nanos();
                        latencies[slot.getAndIncrement()] = r.nanos();
                        if (!r.replied()) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    error.compareAndSet(null, e);
                }
                Arrays.sort(own);
                senderP50[index] = Percentiles.ms(own, 0.5);
            }, "sender-" + s);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (error.get() != null) {
            throw new IllegalStateException(name + ": a sender failed", error.get());
        }
        awaitQuiet(workerPid);
        Map<String, Double> perReply = ProcessCpu.perReply(before, cpu.snapshot(), total);
        Arrays.sort(latencies);
        double slowest = Arrays.stream(senderP50).max().orElse(0);
        double fastest = Arrays.stream(senderP50).min().orElse(0);
        return new Figures(name, total, failed.get(), seconds, latencies, perReply, slowest, fastest,
                client.tooManyRequests() - tooManyBefore);
    }

    /** Waits (at most 60 s) until the worker uses under 30 ms of CPU in half a second: its background work is done. */
    static void awaitQuiet(long pid) throws Exception {
        long last = ThreadCpu.processMillis(pid);
        for (int i = 0; i < 120; i++) {
            Thread.sleep(500);
            long now = ThreadCpu.processMillis(pid);
            if (now - last < 30) {
                return;
            }
            last = now;
        }
    }
}
