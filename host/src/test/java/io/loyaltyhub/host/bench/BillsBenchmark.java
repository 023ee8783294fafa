package io.loyaltyhub.host.bench;

import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.NewCustomer;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.testing.TestDatabase;
import io.loyaltyhub.host.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bills per second end to end ({@code POST /api/v1/bills} over HTTP on loopback: auth, validation,
 * rules, ledger, lots, tier check, badges, outbox) next to the floor: plain JDBC writing the same
 * rows per bill, each bill its own committed transaction, with the same number of clients.
 * <p>
 * Run: {@code ./mvnw -q -Pbench -DskipTests verify} (embedded MariaDB, then the server named by
 * BENCH_DB_URL if set, e.g. jdbc:mariadb://127.0.0.1:3306). Knobs: -Dbench.clients=32
 * -Dbench.seconds=20 -Dbench.customers=500.
 */
public final class BillsBenchmark {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 500);

    record Result(String what, double perSecond, long p50Micros, long p99Micros, long errors) {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(run("embedded MariaDB 11.4", null));
        String external = System.getenv("BENCH_DB_URL");
        if (external != null && !external.isBlank()) {
            rows.add(run("MariaDB at " + external, external));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %12s %9s %9s %12s %7s%n", "database (" + CLIENTS + " clients, "
                + SECONDS + " s)", "bills/s", "p50 ms", "p99 ms", "floor/s", "ratio");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-44s %12s %9s %9s %12s %7s%n", (Object[]) r);
        }
        System.exit(0);
    }

    private static String[] run(String label, String externalUrl) throws Exception {
        TestServer server = externalUrl == null ? start() : startOn(externalUrl);
        try {
            LoyaltyService loyalty = server.server().service(LoyaltyService.class).orElseThrow();
            Actor pos = Actor.apiKey(1, "bench", Set.of("*"));
            List<String> mobiles = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                String m = "+9197" + String.format("%08d", i);
                loyalty.join(pos, new NewCustomer(m, "Bench " + i, null, "en", "pos"));
                mobiles.add(m);
            }
            System.out.println(label + ": warming up...");
            http(server, mobiles, "W", 5);
            Result api = http(server, mobiles, "B", SECONDS);
            System.out.println(label + ": floor (plain JDBC)...");
            Result floor = jdbc(server, mobiles, SECONDS);
            return new String[]{label, String.format(Locale.ROOT, "%.0f", api.perSecond()),
                    String.format(Locale.ROOT, "%.1f", api.p50Micros() / 1000.0),
                    String.format(Locale.ROOT, "%.1f", api.p99Micros() / 1000.0),
                    String.format(Locale.ROOT, "%.0f", floor.perSecond()),
                    String.format(Locale.ROOT, "%.2f", api.perSecond() / floor.perSecond())};
        } finally {
            server.close();
        }
    }

    private static TestServer startOn(String url) throws Exception {
        TestDatabase.useServer(url);
        return start();
    }

    /** The server under test with a pool as large as the number of clients, like the floor's connections. */
    private static TestServer start() throws Exception {
        return TestServer.start("bench", TestServer.shippedPlugins(), java.time.Clock.systemUTC(), CLIENTS);
    }

    private static Result http(TestServer server, List<String> mobiles, String prefix, int seconds) throws Exception {
        int port = server.server().port();
        List<KeepAliveClient> clients = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<KeepAliveClient> client = ThreadLocal.withInitial(() -> {
            KeepAliveClient c = new KeepAliveClient("127.0.0.1", port);
            clients.add(c);
            return c;
        });
        AtomicLong seq = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String auth = "Bearer " + TestServer.API_KEY;
        try {
            return drive(seconds, () -> {
                long n = seq.incrementAndGet();
                String body = "{\"billNumber\":\"" + prefix + run + "-" + n + "\",\"storeId\":\"S1\",\"billedAt\":\""
                        + Instant.now().minusSeconds(5) + "\",\"customerMobile\":\"" + mobiles.get((int) (n % mobiles.size()))
                        + "\",\"amount\":" + (100 + n % 4900) + ".50,\"currency\":\"INR\"}";
                return client.get().post("/api/v1/bills", auth, body) == 200;
            });
        } finally {
            for (KeepAliveClient c : clients) {
                c.close();
            }
        }
    }

    /** The same rows a bill writes, in one committed transaction per bill, no rules and no HTTP. */
    private static Result jdbc(TestServer server, List<String> mobiles, int seconds) throws Exception {
        List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = server.jdbc();
                opened.add(c);
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicLong seq = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 6);
        try {
            return floorLoop(seconds, mobiles, connections, seq, run);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
    }

    private static Result floorLoop(int seconds, List<String> mobiles, ThreadLocal<Connection> connections,
                                    AtomicLong seq, String run) throws Exception {
        return drive(seconds, () -> {
            long n = seq.incrementAndGet();
            Connection c = connections.get();
            String bill = "F" + run + "-" + n;
            String mobile = mobiles.get((int) (n % mobiles.size()));
            java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
            try {
                long customer;
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM loyalty_customer WHERE mobile = ? FOR UPDATE")) {
                    ps.setString(1, mobile);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        customer = rs.getLong(1);
                    }
                }
                update(c, "INSERT INTO loyalty_bill (bill_number, request_hash, customer_id, store_id, billed_at, amount, "
                        + "currency, points_earned, points_pending, created_at) VALUES (?, ?, ?, 'S1', ?, 1000.50, 'INR', 10, 10, ?)",
                        bill, "h".repeat(64), customer, now, now);
                long transfer;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO loyalty_transfer (idem_key, kind, customer_id, "
                        + "from_account, to_account, points, reason, cause, created_at) VALUES (?, 'EARN', ?, 'ISSUED', 'PENDING', "
                        + "10, 'bill', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, "bill:" + bill);
                    ps.setLong(2, customer);
                    ps.setString(3, "bill:" + bill);
                    ps.setTimestamp(4, now);
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        transfer = rs.getLong(1);
                    }
                }
                update(c, "INSERT INTO loyalty_entry (transfer_id, account, customer_id, amount) VALUES (?, 'ISSUED', NULL, -10), "
                        + "(?, 'PENDING', ?, 10)", transfer, transfer, customer);
                update(c, "INSERT INTO loyalty_lot (customer_id, transfer_id, bill_number, points, remaining, pending, earned_at, "
                        + "available_at, expires_at) VALUES (?, ?, ?, 10, 10, TRUE, ?, ?, ?)", customer, transfer, bill, now, now, now);
                update(c, "UPDATE loyalty_customer SET pending = pending + 10, lifetime_earned = lifetime_earned + 10 WHERE id = ?",
                        customer);
                update(c, "INSERT INTO outbox_event (event_id, event_type, aggregate_key, payload, occurred_at) "
                        + "VALUES (?, 'loyalty.bill-processed', ?, '{}', ?)", UUID.randomUUID().toString(), String.valueOf(customer), now);
                c.commit();
                return true;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        });
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    @FunctionalInterface
    interface Call {
        boolean run() throws Exception;
    }

    /** CLIENTS threads calling as fast as they can for the given time; latency per call. */
    private static Result drive(int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger done = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[200_000];
                int k = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.run();
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok) {
                        done.incrementAndGet();
                        if (k < mine.length) {
                            mine[k++] = (System.nanoTime() - t0) / 1000;
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                }
                latencies.add(Arrays.copyOf(mine, k));
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long p50 = all.length == 0 ? 0 : all[all.length / 2];
        long p99 = all.length == 0 ? 0 : all[(int) (all.length * 0.99)];
        return new Result("", done.get() / elapsed, p50, p99, errors.get());
    }
}
