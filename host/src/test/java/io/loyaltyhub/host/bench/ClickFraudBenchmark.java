package io.loyaltyhub.host.bench;

import io.loyaltyhub.host.testing.TestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;

/**
 * The click-fraud job over a click flood: {@code bench.clicks} counted clicks (default 1,000,000) on one affiliate's
 * links within a few minutes, from a few hundred addresses with some robots among them, written straight into the
 * click table; then the job (run at once, and again at once while a backlog is left) until its cursor has passed
 * them all. Meanwhile the referral redirect is driven as hard as it goes (closed loop), next to the same load with
 * the job idle.
 *
 * <p>{@code ./mvnw -q -Pbench -DskipTests verify -Dbench.main=io.loyaltyhub.host.bench.ClickFraudBenchmark}
 * (knobs {@code -Dbench.clicks=1000000 -Dbench.seconds=20 -Dbench.clients=32}).
 */
public final class ClickFraudBenchmark {
    private static final int CLICKS = Integer.getInteger("bench.clicks", 1_000_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final String JOB = "affiliates.click-fraud";

    private ClickFraudBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TestServer server = TestServer.start("bench-click-fraud", TestServer.shippedPlugins(), Clock.systemUTC(),
                c -> c.withPoolSize(16))) {
            RedirectBenchmark.check(server.send("PUT", "/api/v1/plugins/affiliates/settings", API_KEY,
                    "{\"allowed-target-hosts\":\"shop.example\"}").status() == 200, "settings");
            String affiliate = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Flood\",\"mobile\":\"9845099998\"}")
                    .json().get("id").asText();
            RedirectBenchmark.check(server.post("/api/v1/affiliates/" + affiliate + "/approve", API_KEY, null).status() == 200,
                    "approve");
            String flooded = RedirectBenchmark.link(server, affiliate, "flood");
            String measured = RedirectBenchmark.link(server, affiliate, "measured");
            long linkId = server.count("SELECT id FROM affiliate_link WHERE code = '" + flooded + "'");
            int port = Integer.parseInt(server.base().substring(server.base().lastIndexOf(':') + 1));

            // let the job pass what exists, so it starts from the flood
            forceDue(server);
            waitForCursor(server, server.count("SELECT COALESCE(MAX(id), 0) FROM affiliate_click"));

            long t0 = System.nanoTime();
            long lastId = insertFlood(server, linkId, Long.parseLong(affiliate), flooded);
            System.out.printf(Locale.ROOT, "Click fraud benchmark: %,d clicks written in %.1f s%n", CLICKS,
                    (System.nanoTime() - t0) / 1e9);

            RedirectBenchmark.closedLoop(port, "/r/" + measured, 3); // warm-up
            RedirectBenchmark.Result idle = RedirectBenchmark.closedLoop(port, "/r/" + measured, SECONDS);

            long j0 = System.nanoTime();
            forceDue(server);
            CompletableFuture<Double> job = CompletableFuture.supplyAsync(() -> {
                waitForCursor(server, lastId);
                return (System.nanoTime() - j0) / 1e9;
            });
            RedirectBenchmark.Result busy = RedirectBenchmark.closedLoop(port, "/r/" + measured, SECONDS);
            boolean jobRanThroughout = !job.isDone();
            double jobSeconds = job.get();

            System.out.println();
            System.out.println("| what | figure |");
            System.out.println("|---|---|");
            System.out.printf(Locale.ROOT, "| clicks checked by the job | %,d |%n", CLICKS);
            System.out.printf(Locale.ROOT, "| job duration | %.1f s (%,.0f clicks/s) |%n", jobSeconds, CLICKS / jobSeconds);
            System.out.printf(Locale.ROOT, "| redirect, job idle | %,.0f/s (p50 %.2f ms, p99 %.2f ms) |%n",
                    idle.perSecond(), idle.pct(0.5), idle.pct(0.99));
            System.out.printf(Locale.ROOT, "| redirect, job running%s | %,.0f/s (p50 %.2f ms, p99 %.2f ms) |%n",
                    jobRanThroughout ? "" : " (part of the phase)", busy.perSecond(), busy.pct(0.5), busy.pct(0.99));
            System.out.println();
            for (String rule : new String[]{"click-burst", "repeated-clicks", "bot-traffic", "self-referral"}) {
                System.out.printf(Locale.ROOT, "alerts %-16s %,d%n", rule, server.count(
                        "SELECT COUNT(*) FROM affiliate_fraud_alert WHERE rule = 'affiliates." + rule + "'"));
            }
            RedirectBenchmark.check(server.count("SELECT COUNT(*) FROM affiliate_fraud_alert WHERE rule = "
                    + "'affiliates.click-burst'") > 0, "the flood raised click-burst alerts");
        }
        System.exit(0);
    }

    /**
     * The flood: counted clicks at an even pace over ten minutes ending two minutes ago (past the job's lag), from 300
     * addresses, one in fifty a robot. Returns the highest click id written.
     */
    private static long insertFlood(TestServer server, long linkId, long affiliateId, String code) throws Exception {
        Instant end = Instant.now().minus(Duration.ofMinutes(2));
        Instant start = end.minus(Duration.ofMinutes(10));
        long stepNanos = Duration.between(start, end).toNanos() / CLICKS;
        int rowsPerStatement = 1000;
        StringBuilder sql = new StringBuilder("INSERT INTO affiliate_click (visit_key, link_id, affiliate_id, code, method, "
                + "clicked_at, hour_bucket, visitor_id, new_visitor, ip, user_agent, device_type, bot, counted) VALUES ");
        for (int i = 0; i < rowsPerStatement; i++) {
            sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, 'GET', ?, ?, ?, 0, ?, ?, ?, ?, 1)");
        }
        try (Connection c = server.jdbc()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int n = 0; n < CLICKS; n += rowsPerStatement) {
                    int p = 1;
                    for (int i = 0; i < rowsPerStatement; i++) {
                        int k = n + i;
                        Instant at = start.plusNanos(stepNanos * k);
                        boolean bot = k % 50 == 0;
                        ps.setString(p++, String.format("F%021d", k));
                        ps.setLong(p++, linkId);
                        ps.setLong(p++, affiliateId);
                        ps.setString(p++, code);
                        ps.setTimestamp(p++, Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
                        ps.setLong(p++, at.getEpochSecond() / 3600);
                        ps.setString(p++, String.format("V%021d", k % 5000));
                        ps.setString(p++, "49.207." + (k % 300 / 250) + "." + (k % 250));
                        ps.setString(p++, bot ? "Googlebot/2.1" : "Mozilla/5.0 (Linux; Android 14)");
                        ps.setString(p++, bot ? "bot" : "phone");
                        ps.setBoolean(p++, bot);
                    }
                    ps.executeUpdate();
                    if (n % 50_000 == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
        }
        return server.count("SELECT MAX(id) FROM affiliate_click");
    }

    /** Makes the job due now (what an operator's "run now" does). */
    private static void forceDue(TestServer server) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement ps = c.prepareStatement(
                "UPDATE job_schedule SET next_due_at = ? WHERE job_id = ?")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1)));
            ps.setString(2, JOB);
            ps.executeUpdate();
        }
    }

    /** Waits until the job's cursor has passed {@code lastId}, making it due again whenever a run ends with a backlog. */
    private static void waitForCursor(TestServer server, long lastId) {
        try {
            while (server.count("SELECT last_id FROM affiliate_fraud_cursor WHERE name = 'clicks'") < lastId) {
                if (!"RUNNING".equals(server.jdbcString("SELECT COALESCE(last_status, '') FROM job_schedule WHERE job_id = '"
                        + JOB + "'"))) {
                    forceDue(server);
                }
                Thread.sleep(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
