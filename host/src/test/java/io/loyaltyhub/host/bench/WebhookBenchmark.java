package io.loyaltyhub.host.bench;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loyaltyhub.bots.whatsapp.WebhookSignature;
import io.loyaltyhub.host.chat.MetaGraphApi;
import io.loyaltyhub.host.chat.MetaWebhooks;
import io.loyaltyhub.host.testing.TestServer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook acknowledgement latency at a fixed inbound rate (open loop: each request has a scheduled
 * time and its latency counts from then, so a stalled server cannot hide its queue), with the
 * flows answering and replies going to WireMock, which enforces a throughput limit per number
 * like the Cloud API (130429 beyond it). Then the send rate the queue held against that limit.
 *
 * <p>{@code ./mvnw -q -Pbench -DskipTests verify -Dbench.main=io.loyaltyhub.host.bench.WebhookBenchmark}
 * (knobs {@code -Dbench.rate=1000 -Dbench.seconds=15 -Dbench.limit=80 -Dbench.users=2000}).
 */
public final class WebhookBenchmark {
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int LIMIT = Integer.getInteger("bench.limit", 80);
    private static final int USERS = Integer.getInteger("bench.users", 2000);
    private static final int WORKERS = Integer.getInteger("bench.workers", 4);
    private static final int THREADS = 32;

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ThroughputLimit limit = new ThroughputLimit(LIMIT);
        try (MetaGraphApi meta = new MetaGraphApi(limit);
             TestServer server = TestServer.start("bench-webhooks", TestServer.shippedPlugins(), Clock.systemUTC(),
                     c -> c.withChat(withRate(meta, LIMIT)).withPoolSize(16))) {
            URI base = URI.create(server.base());
            System.out.printf(Locale.ROOT, "Webhook benchmark: %d messages/s for %d s from %d users, %d load threads; "
                    + "Graph API limit %d/s; chat.workers %d%n", RATE, SECONDS, USERS, THREADS, LIMIT, WORKERS);
            drive(base, RATE / 4, 3, "warm", true); // JIT, pools
            // the floor: the same requests with a wrong signature, answered 401 before any database work
            long[] floor = drive(base, RATE, 5, "floor", false);
            Arrays.sort(floor);
            System.out.printf(Locale.ROOT, "floor (401 before any storage, same rate): median %.2f ms, p99 %.2f ms%n",
                    pct(floor, 0.50), pct(floor, 0.99));
            long sentBefore = limit.accepted.get();
            long[] latencies = drive(base, RATE, SECONDS, "run", true);
            Arrays.sort(latencies);
            long ok = Arrays.stream(latencies).filter(l -> l >= 0).count();
            long stored = server.count("SELECT COUNT(*) FROM chat_inbound WHERE message_id LIKE 'wamid.run%'");
            System.out.printf(Locale.ROOT, "%nacknowledged %,d of %,d webhooks (%.0f/s); stored %,d messages%n", ok,
                    latencies.length, latencies.length / (double) SECONDS, stored);
            System.out.printf(Locale.ROOT, "ack latency: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99), pct(latencies, 1.0));

            // the replies drain at the number's limit; watch 20 s of it
            Thread.sleep(3000);
            long a0 = limit.accepted.get();
            long r0 = limit.refused.get();
            long t0 = System.nanoTime();
            Thread.sleep(20_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long sent = limit.accepted.get() - a0;
            long refused = limit.refused.get() - r0;
            long queued = server.count("SELECT COUNT(*) FROM chat_outbound WHERE status IN ('QUEUED', 'SENDING')");
            System.out.printf(Locale.ROOT, "send rate held: %.1f messages/s against a limit of %d/s; "
                            + "throughput errors (130429) in that window: %d, in the whole run: %d; still queued %,d; "
                            + "replies sent during the load: %,d%n",
                    sent / seconds, LIMIT, refused, limit.refused.get(), queued, a0 - sentBefore);
            maxPerSecond(meta);
        }
        System.exit(0);
    }

    private static io.loyaltyhub.bots.ChatConfig withRate(MetaGraphApi meta, int rate) {
        var c = meta.chatConfig(Duration.ofSeconds(10));
        var w = c.whatsapp();
        return c.withWhatsApp(new io.loyaltyhub.bots.whatsapp.WhatsAppConfig(w.apiBaseUrl(), w.apiVersion(),
                w.phoneNumberId(), w.accessToken(), w.appSecret(), w.verifyToken(), rate, "", "en", w.timeout()))
                .withWorkers(WORKERS);
    }

    /** The most requests WireMock saw in any one-second window. */
    private static void maxPerSecond(MetaGraphApi meta) {
        List<LoggedRequest> all = meta.wireMock().findAll(WireMock.postRequestedFor(
                WireMock.urlPathEqualTo(MetaGraphApi.PATH)));
        long[] t = all.stream().mapToLong(r -> r.getLoggedDate().getTime()).sorted().toArray();
        int best = 0;
        for (int i = 0, j = 0; i < t.length; i++) {
            while (t[i] - t[j] >= 1000) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        System.out.printf(Locale.ROOT, "most Graph API requests in any 1 s window: %d%n", best);
    }

    /** Sends {@code rate} webhooks a second for {@code seconds}; returns each one's latency in µs (-1: failed). */
    private static long[] drive(URI base, int rate, int seconds, String tag, boolean signed) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicLong failures = new AtomicLong();
        WebhookSignature signature = new WebhookSignature(MetaGraphApi.APP_SECRET);
        long start = System.nanoTime() + 200_000_000L;
        long intervalNanos = 1_000_000_000L / rate;
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread.ofPlatform().daemon().start(() -> {
                try (KeepAliveClient client = new KeepAliveClient(base.getHost(), base.getPort())) {
                    for (int k = thread; k < total; k += THREADS) {
                        String user = "+91970" + String.format("%07d", k % USERS);
                        String body = MetaWebhooks.text(user, "wamid." + tag + "." + k, k % 3 == 0 ? "points" : "hi")
                                .toString();
                        String header = "X-Hub-Signature-256: " + (signed
                                ? signature.header(body.getBytes(StandardCharsets.UTF_8)) : "sha256=00") + "\r\n";
                        long due = start + k * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        int status;
                        try {
                            status = client.postWithHeaders("/webhooks/whatsapp", header, body);
                        } catch (java.io.IOException e) {
                            status = 0;
                        }
                        int expected = signed ? 200 : 401;
                        latencies[k] = status == expected ? (System.nanoTime() - due) / 1000 : -1;
                        if (status != expected) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (failures.get() > 0) {
            System.out.println(tag + ": " + failures.get() + " requests failed");
        }
        return latencies;
    }

    private static double pct(long[] sorted, double p) {
        long[] ok = Arrays.stream(sorted).filter(l -> l >= 0).toArray();
        if (ok.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(ok.length - 1, Math.ceil(p * ok.length) - 1);
        return ok[Math.max(0, i)] / 1000.0;
    }
}
