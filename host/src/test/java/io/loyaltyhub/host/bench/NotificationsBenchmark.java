package io.loyaltyhub.host.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.loyaltyhub.bots.ChatConfig;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.bots.whatsapp.WhatsAppConfig;
import io.loyaltyhub.host.chat.MetaGraphApi;
import io.loyaltyhub.host.testing.TestServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;

/**
 * Bills in, WhatsApp messages out, through the notifications plugin and the outbound queue, against WireMock as the
 * Graph API enforcing the number's throughput like Meta (130429 beyond it):
 * <ol>
 *   <li>latency from posting a bill to its send request reaching the Graph API, one bill at a time (p50, p99);</li>
 *   <li>a burst of bills posted as fast as the API takes them, then every notification sent: the time it took,
 *       none twice, none missing, the highest rate in any second against {@code whatsapp.send-rate}, and 130429s.</li>
 * </ol>
 * {@code ./mvnw -q -Pbench -DskipTests verify -Dbench.main=io.loyaltyhub.host.bench.NotificationsBenchmark}
 * (knobs {@code -Dbench.customers=500} (bills: 20 per customer), {@code -Dbench.limit=80}).
 */
public final class NotificationsBenchmark {
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 500);
    private static final int BILLS = CUSTOMERS * 20;
    private static final int LIMIT = Integer.getInteger("bench.limit", 80);
    private static final int THREADS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ThroughputLimit limit = new ThroughputLimit(LIMIT);
        try (MetaGraphApi meta = new MetaGraphApi(limit);
             TestServer server = TestServer.start("bench-notifications", TestServer.shippedPlugins(), Clock.systemUTC(),
                     c -> c.withChat(chat(meta)).withPoolSize(16))) {
            meta.stubTemplates(templates(), 100);
            check(server.post("/api/v1/whatsapp-templates/sync", API_KEY, null), 200);
            check(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY, "{\"pending-hold\":\"0d\"}", null), 200);
            System.out.printf(Locale.ROOT, "Notifications benchmark: %,d customers, %,d bills; Graph API limit %d/s "
                    + "(whatsapp.send-rate %d)%n", CUSTOMERS, BILLS, LIMIT, LIMIT);
            for (int i = 0; i < CUSTOMERS; i++) {
                check(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile(i) + "\",\"name\":\"Bench "
                        + i + "\"}"), 201);
            }
            awaitSends(meta, "loyalty_welcome", CUSTOMERS, Duration.ofMinutes(5));

            // 1. one bill at a time: bill posted -> send request at the Graph API
            int probes = Math.max(20, Math.min(200, BILLS / 50));
            Map<String, Long> postedAt = new HashMap<>();
            for (int i = 0; i < probes; i++) {
                String number = "LAT-" + i;
                postedAt.put(number, System.currentTimeMillis());
                check(server.post("/api/v1/bills", API_KEY, bill(number, mobile(i % CUSTOMERS))), 200);
                Thread.sleep(100);
            }
            awaitSends(meta, "loyalty_points_earned", probes, Duration.ofMinutes(2));
            long[] latency = sendsOf(meta, "loyalty_points_earned").stream()
                    .filter(a -> billOf(a.body()).startsWith("LAT-"))
                    .mapToLong(a -> a.at() - postedAt.get(billOf(a.body()))).sorted().toArray();
            System.out.printf(Locale.ROOT, "bill posted -> WhatsApp send request: p50 %d ms, p99 %d ms, max %d ms "
                    + "(%d bills one at a time)%n", pct(latency, 0.50), pct(latency, 0.99), latency[latency.length - 1],
                    latency.length);

            // 2. the burst
            long refusedBefore = limit.refused.get();
            meta.wireMock().resetRequests(); // the burst's sends only from here
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(THREADS);
            long t0 = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        for (int k; (k = next.getAndIncrement()) < BILLS; ) {
                            check(server.post("/api/v1/bills", API_KEY, bill("BURST-" + k, mobile(k % CUSTOMERS))), 200);
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            double postSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%,d bills posted in %.1f s (%.0f/s)%n", BILLS, postSeconds, BILLS / postSeconds);
            awaitSends(meta, "loyalty_points_earned", BILLS, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(3000); // anything sent twice would show by now
            Map<String, Integer> perBill = new ConcurrentHashMap<>();
            sendsOf(meta, "loyalty_points_earned").forEach(a -> perBill.merge(billOf(a.body()), 1, Integer::sum));
            long twice = perBill.values().stream().filter(n -> n > 1).count();
            long missing = BILLS - perBill.keySet().stream().filter(b -> b.startsWith("BURST-")).count();
            long all = meta.wireMock().getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 200
                    && e.getRequest().getUrl().startsWith(MetaGraphApi.PATH)).count();
            System.out.printf(Locale.ROOT, "%,d bill notifications sent in %.1f s from the first bill: %.1f sends/s "
                            + "(%,d requests in all, tier upgrades included); sent twice: %d; missing: %d%n",
                    perBill.size(), seconds, all / seconds, all, twice, missing);
            System.out.printf(Locale.ROOT, "most sends accepted in any 1 s window: %d (limit %d/s); 130429 answers: %d%n",
                    maxPerSecond(meta), LIMIT, limit.refused.get() - refusedBefore);
            long refused = server.count("SELECT COUNT(*) FROM notify_message WHERE status IN ('REFUSED', 'FAILED')");
            System.out.printf(Locale.ROOT, "notifications refused or failed: %d%n", refused);
        }
        System.exit(0);
    }

    private static ChatConfig chat(MetaGraphApi meta) {
        ChatConfig c = meta.chatConfig(Duration.ofSeconds(10), TelegramConfig.off());
        WhatsAppConfig w = c.whatsapp();
        return c.withWhatsApp(new WhatsAppConfig(w.apiBaseUrl(), w.apiVersion(), w.phoneNumberId(), w.accessToken(),
                w.appSecret(), w.verifyToken(), LIMIT, "", "en", w.timeout(), w.businessAccountId()));
    }

    private static String mobile(int i) {
        return "+9197700" + String.format("%05d", i);
    }

    private static String bill(String number, String mobile) {
        return "{\"billNumber\":\"" + number + "\",\"billedAt\":\"" + Instant.now().minusSeconds(30)
                + "\",\"customerMobile\":\"" + mobile + "\",\"amount\":1250.50,\"currency\":\"INR\"}";
    }

    private static void check(TestServer.Reply r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
        }
    }

    /** The shipped templates, approved (as in the notification ITs). */
    private static List<com.fasterxml.jackson.databind.node.ObjectNode> templates() throws Exception {
        return io.loyaltyhub.host.notifications.ShippedWhatsAppTemplates.approved();
    }

    /** One send the Graph API accepted: when it arrived and what it carried. */
    private record Accepted(long at, JsonNode body) {
    }

    /** Sends of {@code template} the Graph API accepted (answers refused with 130429 are not sends). */
    private static List<Accepted> sendsOf(MetaGraphApi meta, String template) {
        List<Accepted> out = new ArrayList<>();
        for (ServeEvent e : meta.wireMock().getAllServeEvents()) {
            if (e.getResponse().getStatus() != 200 || !e.getRequest().getUrl().startsWith(MetaGraphApi.PATH)) {
                continue;
            }
            JsonNode body = body(e.getRequest().getBodyAsString());
            if (body.path("template").path("name").asText().equals(template)) {
                out.add(new Accepted(e.getRequest().getLoggedDate().getTime(), body));
            }
        }
        return out;
    }

    private static void awaitSends(MetaGraphApi meta, String template, int n, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        long t0 = System.nanoTime();
        int last = -1;
        while (System.nanoTime() < end) {
            int now = (int) sendsOf(meta, template).stream().map(a -> billOrTo(a.body())).distinct().count();
            if (now >= n) {
                return;
            }
            if (now / 1000 != last / 1000) {
                System.out.printf(Locale.ROOT, "  %s: %,d of %,d sent after %.0f s%n", template, now, n,
                        (System.nanoTime() - t0) / 1e9);
                last = now;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not all " + template + " sent within " + within);
    }

    private static String billOrTo(JsonNode body) {
        String bill = billOf(body);
        return bill.isEmpty() ? body.path("to").asText() : bill;
    }

    private static String billOf(JsonNode body) {
        for (JsonNode p : body.path("template").path("components").path(0).path("parameters")) {
            if (p.path("parameter_name").asText().equals("bill_number")) {
                return p.path("text").asText();
            }
        }
        return "";
    }

    private static JsonNode body(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** The most sends the Graph API accepted in any one-second window. */
    private static int maxPerSecond(MetaGraphApi meta) {
        long[] t = meta.wireMock().getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 200
                        && e.getRequest().getUrl().startsWith(MetaGraphApi.PATH))
                .mapToLong(e -> e.getRequest().getLoggedDate().getTime()).sorted().toArray();
        int best = 0;
        for (int i = 0, j = 0; i < t.length; i++) {
            while (t[i] - t[j] >= 1000) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        return best;
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)];
    }
}
