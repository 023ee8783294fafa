package io.loyaltyhub.host.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.erp.ErpSourceDb;
import io.loyaltyhub.host.testing.TestDatabase;
import io.loyaltyhub.host.testing.TestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;

/**
 * An ERP connector (erp-jdbc) against a MariaDB ERP database:
 * <ol>
 *   <li>a backfill of {@code bench.bills} historical bills with a line each into the ledger, through the connector
 *       as staff start it (backfill from a date), with the run's own progress figures printed while it goes;
 *       bills/s over the whole run, and the ledger checked (every bill once);</li>
 *   <li>polling lag at {@code bench.erp-rate} new bills/s for {@code bench.erp-seconds} seconds with the connector polling
 *       every {@code bench.interval} seconds: the time from a bill's row being committed in the ERP to its bill in
 *       the loyalty ledger (p50, p99, max).</li>
 * </ol>
 * {@code ./mvnw -q -Pbench -DskipTests verify -Dbench.main=io.loyaltyhub.host.bench.ErpBackfillBenchmark}
 * (on the machine's MariaDB: BENCH_DB_URL=jdbc:mariadb://127.0.0.1:3306; knobs -Dbench.bills=1000000
 * -Dbench.batch=1000 -Dbench.erp-rate=50 -Dbench.erp-seconds=60 -Dbench.interval=5).
 */
public final class ErpBackfillBenchmark {
    private static final int BILLS = Integer.getInteger("bench.bills", 100_000);
    private static final int CUSTOMERS = Math.max(1, Math.min(BILLS / 5, 200_000));
    private static final int BATCH = Integer.getInteger("bench.batch", 1000);
    private static final int RATE = Integer.getInteger("bench.erp-rate", 50);
    private static final int SECONDS = Integer.getInteger("bench.erp-seconds", 60);
    private static final int INTERVAL = Integer.getInteger("bench.interval", 5);

    private ErpBackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String external = System.getenv("BENCH_DB_URL");
        if (external != null && !external.isBlank()) {
            TestDatabase.useServer(external);
        }
        try (TestServer server = TestServer.start("bench-erp", TestServer.shippedPlugins(), Clock.systemUTC(),
                c -> c.withPoolSize(16));
             ErpSourceDb src = ErpSourceDb.create()) {
            check(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY,
                    "{\"enroll-on-bill\":\"true\"}", null), 200);
            String where = external == null || external.isBlank() ? "embedded MariaDB" : external;
            System.out.printf(Locale.ROOT, "ERP backfill benchmark on %s: %,d bills with a line each, %,d customers, "
                    + "batches of %,d%n", where, BILLS, CUSTOMERS, BATCH);
            LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(400).truncatedTo(ChronoUnit.DAYS);
            long loadStarted = System.nanoTime();
            src.bulk("HB-", BILLS, CUSTOMERS, start);
            System.out.printf(Locale.ROOT, "source loaded in %.1f s%n", (System.nanoTime() - loadStarted) / 1e9);

            String settings = src.settingsJson(BATCH).replace("\"poll-interval\":\"PT1S\"",
                    "\"poll-interval\":\"PT" + INTERVAL + "S\",\"count-query\":"
                            + "\"SELECT COUNT(*) FROM invoices WHERE modified_at > :watermark\"");
            TestServer.Reply created = server.post("/api/v1/connectors", API_KEY, """
                    {"name":"bench","type":"jdbc","settings":%s}""".formatted(settings));
            check(created, 201);
            long id = created.json().get("id").asLong();

            // 1. backfill
            JsonNode run = server.post("/api/v1/connectors/" + id + "/backfill", API_KEY,
                    "{\"from\":\"" + start.toLocalDate() + "\"}").json();
            long began = System.nanoTime();
            JsonNode last;
            while (true) {
                Thread.sleep(5000);
                last = server.get("/api/v1/connectors/" + id + "/runs?limit=1", API_KEY).json().get(0);
                System.out.printf(Locale.ROOT, "  %s: %,d of %,d rows, %,.0f rows/s, %s left%n", last.get("status").asText(),
                        last.get("rowsRead").asLong(), last.get("expected").asLong(), last.get("rowsPerSecond").asDouble(),
                        last.get("etaSeconds").isNull() ? "?" : last.get("etaSeconds").asLong() + " s");
                if (!last.get("status").asText().equals("RUNNING")) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long inLedger = server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number LIKE 'HB-%'");
            long distinct = server.count("SELECT COUNT(DISTINCT bill_number) FROM loyalty_bill WHERE bill_number LIKE 'HB-%'");
            long ledgerRows = server.count("SELECT COUNT(*) FROM loyalty_transfer WHERE idem_key LIKE 'bill:HB-%'");
            System.out.printf(Locale.ROOT, "backfill: %,d bills in %.1f s = %,.0f bills/s (run: %s, %,d posted, %,d "
                            + "duplicates, %,d rejected); ledger: %,d bills, %,d distinct, %,d point transfers%n", BILLS,
                    seconds, BILLS / seconds, last.get("status").asText(), last.get("billsPosted").asLong(),
                    last.get("duplicates").asLong(), last.get("rejected").asLong(), inLedger, distinct, ledgerRows);
            if (inLedger != BILLS || distinct != BILLS) {
                throw new AssertionError("the ledger does not hold every bill exactly once");
            }

            // 2. polling lag at RATE new bills/s
            check(server.post("/api/v1/connectors/" + id + "/resume", API_KEY, ""), 200);
            Map<String, Long> committedAt = new HashMap<>();
            long next = System.nanoTime();
            int n = 0;
            for (int s = 0; s < SECONDS; s++) {
                for (int i = 0; i < RATE; i++) {
                    String number = "LAG-" + n++;
                    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                    src.invoice(number, now, "+9196" + String.format("%08d", n % 5000), "500", "INR", now);
                    committedAt.put(number, System.currentTimeMillis());
                    next += 1_000_000_000L / RATE;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis();
            while (server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number LIKE 'LAG-%'") < n
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            List<Long> lags = new ArrayList<>();
            try (Connection c = server.jdbc();
                 PreparedStatement p = c.prepareStatement("SELECT bill_number, created_at FROM loyalty_bill "
                         + "WHERE bill_number LIKE 'LAG-%'");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long posted = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
                    lags.add(posted - committedAt.get(rs.getString(1)));
                }
            }
            long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "polling lag at %d bills/s for %d s, polling every %d s: %,d of %,d bills "
                            + "posted; p50 %.1f s, p99 %.1f s, max %.1f s (goal: p99 below %d s)%n", RATE, SECONDS,
                    INTERVAL, sorted.length, n, pct(sorted, 0.50) / 1000.0, pct(sorted, 0.99) / 1000.0,
                    sorted[sorted.length - 1] / 1000.0, INTERVAL + 5);
        }
        System.exit(0);
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void check(TestServer.Reply r, int status) {
        if (r.status() != status) {
            throw new AssertionError(r.status() + ": " + r.body());
        }
    }
}
