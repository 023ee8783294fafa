package io.loyaltyhub.host.loyalty;

import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.NewCustomer;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 threads doing random earn / redeem / expire / release / reverse / adjust on 20 shared
 * customers, with keys reused on purpose and time moving on; then the ledger's invariants must hold.
 */
class LedgerConcurrencyIT {
    private static final int THREADS = 16;
    private static final int OPERATIONS = 3200;
    private static final int CUSTOMERS = 20;
    private static final Actor POS = Actor.apiKey(1, "pos", Set.of("*"));

    private static TestServer server;
    private static MutableClock clock;
    private static LoyaltyService loyalty;
    private static final List<String> mobiles = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        server = TestServer.start("ledger", TestServer.shippedPlugins(), clock);
        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", TestServer.API_KEY,
                "{\"pending-hold\":\"2d\",\"points-expiry-months\":\"1\"}").status()).isEqualTo(200);
        loyalty = server.server().service(LoyaltyService.class).orElseThrow();
        for (int i = 0; i < CUSTOMERS; i++) {
            String mobile = "+9198450" + String.format("%05d", i);
            mobiles.add(mobile);
            loyalty.join(POS, new NewCustomer(mobile, "Customer " + i, null, "en", "pos"));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Same bill number, same content: replays are identical requests, as a retrying POS sends them. */
    private static Bill bill(int n) {
        int amount = 100 + Math.floorMod(n * 7919, 4900);
        Instant billedAt = clock.instant().minusSeconds(60);
        return new Bill("C-" + n, "S1", billedAt.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).withNano(0)
                .withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30)), mobiles.get(n % CUSTOMERS), null,
                new BigDecimal(amount), "INR", List.of(), null, null);
    }

    @Test
    void invariantsHoldAfterThousandsOfConcurrentOperations() throws Exception {
        Map<Integer, Bill> firstPost = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (done.getAndIncrement() < OPERATIONS) {
                    int op = random.nextInt(100);
                    String name;
                    try {
                        if (op < 35) {
                            name = "earn";
                            int n = random.nextInt(900);
                            Bill b = firstPost.computeIfAbsent(n, LedgerConcurrencyIT::bill);
                            loyalty.postBill(POS, b);
                        } else if (op < 45) {
                            name = "reverse";
                            loyalty.reverseBill(POS, "C-" + random.nextInt(900), "returned");
                        } else if (op < 60) {
                            name = "redeem";
                            long customer = 1 + random.nextInt(CUSTOMERS);
                            int k = random.nextInt(400);
                            loyalty.adjust(POS, customer, -(1 + k % 120), "redeemed at counter", "redeem-" + customer + "-" + k);
                        } else if (op < 75) {
                            name = "award";
                            long customer = 1 + random.nextInt(CUSTOMERS);
                            int k = random.nextInt(400);
                            loyalty.adjust(POS, customer, 1 + k % 90, "goodwill", "award-" + customer + "-" + k);
                        } else if (op < 85) {
                            name = "release";
                            loyalty.releaseDuePoints();
                        } else if (op < 93) {
                            name = "expire";
                            loyalty.expireDuePoints();
                        } else {
                            name = "time";
                            clock.advance(Duration.ofHours(12));
                        }
                        outcomes.computeIfAbsent(name + ":ok", x -> new AtomicInteger()).incrementAndGet();
                    } catch (Rejected e) {
                        outcomes.computeIfAbsent("refused:" + e.code(), x -> new AtomicInteger()).incrementAndGet();
                        if (!Set.of("insufficient-points", "unknown-bill").contains(e.code())) {
                            unexpected.add(e);
                        }
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.println("Ledger concurrency outcomes: " + new java.util.TreeMap<>(outcomes));
        assertThat(unexpected).as("deadlocks and serialization failures must be retried, not surfaced").isEmpty();
        assertThat(outcomes.get("earn:ok").get()).isGreaterThan(500);
        assertThat(outcomes.get("time:ok").get()).isGreaterThan(50); // a month and more passed: lots expired

        assertThat(server.count("SELECT COUNT(*) FROM loyalty_customer WHERE wallet < 0 OR pending < 0 OR owed < 0"))
                .as("no negative balance").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM (SELECT transfer_id FROM loyalty_entry GROUP BY transfer_id "
                + "HAVING SUM(amount) <> 0 OR COUNT(*) <> 2) x")).as("every transfer balanced").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_transfer t WHERE NOT EXISTS "
                + "(SELECT 1 FROM loyalty_entry e WHERE e.transfer_id = t.id)")).as("every transfer has entries").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_customer c WHERE c.wallet <> (SELECT COALESCE(SUM(amount), 0) "
                + "FROM loyalty_entry e WHERE e.customer_id = c.id AND e.account = 'WALLET') OR c.pending <> "
                + "(SELECT COALESCE(SUM(amount), 0) FROM loyalty_entry e WHERE e.customer_id = c.id AND e.account = 'PENDING')"))
                .as("cached balances equal the sum of entries").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_customer c WHERE c.wallet <> (SELECT COALESCE(SUM(remaining), 0) "
                + "FROM loyalty_lot l WHERE l.customer_id = c.id AND l.pending = FALSE) OR c.pending <> "
                + "(SELECT COALESCE(SUM(remaining), 0) FROM loyalty_lot l WHERE l.customer_id = c.id AND l.pending = TRUE)"))
                .as("lots account for every point").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM (SELECT cause FROM loyalty_transfer WHERE kind = 'EARN' "
                + "GROUP BY cause HAVING COUNT(*) > 1) x")).as("each bill earned at most once").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM (SELECT cause FROM loyalty_transfer WHERE kind = 'REVERSE' "
                + "AND idem_key LIKE 'reverse:%' GROUP BY cause HAVING COUNT(*) > 1) x")).as("each bill reversed at most once")
                .isZero();
        assertThat(server.count("SELECT COALESCE(SUM(amount), 0) FROM loyalty_entry")).as("points are conserved").isZero();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_transfer WHERE kind = 'EXPIRE'")).isPositive();
    }
}
