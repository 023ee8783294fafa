package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server with a controllable clock for the commission ITs, and the steps they share: affiliates, customers,
 * bills through the loyalty plugin, clicks through /r/{code} (the load balancer in front is 127.0.0.1, so
 * X-Forwarded-For names the visitor), waiting for the outbox to deliver, reading rows.
 */
final class CommissionFixture implements AutoCloseable {
    static final String LISTENER = "affiliates.loyalty-events";
    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final TestServer server;
    final MutableClock clock;
    private final AtomicInteger numbers = new AtomicInteger();
    private final int prefix;

    private CommissionFixture(TestServer server, MutableClock clock, int prefix) {
        this.server = server;
        this.clock = clock;
        this.prefix = prefix;
    }

    /** {@code prefix}: 2 digits that keep this class's mobile numbers apart from other classes'. */
    static CommissionFixture start(String label, int prefix, String affiliateSettings) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-10T06:00:00Z"));
        TestServer server = TestServer.start(label, TestServer.shippedPlugins(), clock, c -> new ServerConfig(c.host(),
                c.serverPort(), Set.of("127.0.0.1"), c.adminHost(), c.adminPort(), c.adminSessionTimeout(), c.dataDir(),
                c.pluginsDir(), c.dbUrl(), c.dbUser(), c.dbPassword(), 16, c.bootstrapUser(), c.bootstrapPassword(),
                c.apiBootstrapKey(), c.eventMaxAttempts(), c.instanceId(), c.chat(), c.ops()));
        CommissionFixture f = new CommissionFixture(server, clock, prefix);
        f.settings("affiliates", "{\"allowed-target-hosts\":\"shop.example\"" + (affiliateSettings.isEmpty() ? "" : ", ")
                + affiliateSettings + "}");
        return f;
    }

    void settings(String plugin, String json) {
        Reply s = server.send("PUT", "/api/v1/plugins/" + plugin + "/settings", API_KEY, json);
        assertThat(s.status()).as(s.body()).isEqualTo(200);
    }

    @Override
    public void close() {
        server.close();
    }

    String mobile() {
        return "+9197" + String.format("%02d", prefix) + String.format("%06d", numbers.incrementAndGet());
    }

    // ---- affiliates --------------------------------------------------------------------------------

    record Aff(long id, String code, String mobile) {
    }

    Aff affiliate(String name) {
        return affiliate(name, null, null);
    }

    /** An approved affiliate, recruited by {@code invite} (an affiliate code) when given, with their own mobile. */
    Aff affiliate(String name, String invite, String mobile) {
        String m = mobile == null ? mobile() : mobile;
        Reply r = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"" + name + "\",\"mobile\":\"" + m + "\""
                + (invite == null ? "" : ",\"invite\":\"" + invite + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        Reply ok = server.post("/api/v1/affiliates/" + id + "/approve", API_KEY, null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        return new Aff(id, r.json().get("code").asText(), m);
    }

    /** Creates a plan and gives it to the affiliate; returns the plan id. */
    long plan(Aff a, String params) {
        Reply p = server.post("/api/v1/commission-plans", API_KEY, "{\"name\":\"plan-" + a.code() + "-"
                + numbers.incrementAndGet() + "\",\"params\":" + params + "}");
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long id = p.json().get("id").asLong();
        Reply u = server.send("PUT", "/api/v1/affiliates/" + a.id(), API_KEY, "{\"planId\":" + id + "}");
        assertThat(u.status()).as(u.body()).isEqualTo(200);
        return id;
    }

    /** A new link of the affiliate to https://shop.example/; returns its code. */
    String link(Aff a) {
        Reply l = server.post("/api/v1/affiliates/" + a.id() + "/links", API_KEY,
                "{\"campaign\":\"Test\",\"targetUrl\":\"https://shop.example/sale\"}");
        assertThat(l.status()).as(l.body()).isEqualTo(201);
        return l.json().get("code").asText();
    }

    HttpResponse<String> click(String code, String ip, String userAgent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/r/" + code))
                .timeout(Duration.ofSeconds(30)).GET().header("User-Agent", userAgent).header("X-Forwarded-For", ip);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            return r;
        } catch (Exception e) {
            throw new AssertionError("GET /r/" + code + ": " + e, e);
        }
    }

    // ---- customers and bills -----------------------------------------------------------------------

    /** A new customer (joined with {@code referralCode} when given); returns their id. */
    long customer(String mobile, String referralCode) {
        Reply r = server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"Customer\""
                + (referralCode == null ? "" : ",\"referralCode\":\"" + referralCode + "\"") + "}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("id").asLong();
    }

    /** Posts a bill billed a minute ago; {@code extra} is more JSON fields (lines, affiliateCode, couponCode). */
    JsonNode bill(String number, String mobile, String amount, String extra) {
        String body = "{\"billNumber\":\"" + number + "\",\"storeId\":\"BLR-1\",\"billedAt\":\"" + clock.instant().minusSeconds(60)
                + "\",\"customerMobile\":\"" + mobile + "\",\"amount\":" + amount + ",\"currency\":\"INR\""
                + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
        Reply r = server.post("/api/v1/bills", API_KEY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    void reverse(String number) {
        Reply r = server.post("/api/v1/bills/" + number + "/reversal", API_KEY, "{\"reason\":\"returned\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    // ---- waiting and reading -----------------------------------------------------------------------

    /** Waits until every event for the affiliates listener is delivered (a failing one fails the test). */
    void drain() {
        await("the affiliates listener to catch up", () -> server.count("SELECT COUNT(*) FROM event_delivery WHERE "
                + "listener_id = '" + LISTENER + "' AND status <> 'DONE'") == 0);
    }

    /** Moves the clock and waits until the affiliates jobs due by then have run (a failed run fails the test). */
    void advance(Duration d) {
        clock.advance(d);
        java.time.LocalDateTime target = java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        await("the jobs due by " + target + " to run", () -> rows("SELECT job_id FROM job_schedule WHERE job_id LIKE "
                + "'affiliates.%' AND next_due_at <= ?", target).isEmpty() && rows("SELECT id FROM job_run WHERE job_id "
                + "LIKE 'affiliates.%' AND finished_at IS NULL").isEmpty());
        assertThat(rows("SELECT job_id, error FROM job_run WHERE job_id LIKE 'affiliates.%' AND status <> 'OK'"))
                .as("failed job runs").isEmpty();
    }

    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; failing deliveries: " + rows(
                        "SELECT listener_id, status, attempts, last_error FROM event_delivery WHERE status <> 'DONE'"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = server.jdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (Exception e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }

    void execute(String sql, Object... args) {
        try (Connection c = server.jdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (Exception e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }

    /** Publishes an event for the affiliates listener as another plugin would (for order and redelivery cases). */
    void publish(String type, String payload, Instant at) {
        String id = java.util.UUID.randomUUID().toString();
        execute("INSERT INTO outbox_event (event_id, event_type, aggregate_key, payload, occurred_at) VALUES (?, ?, 'x', ?, ?)",
                id, type, payload, java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
        execute("INSERT INTO event_delivery (event_id, listener_id, status, attempts, next_attempt_at, updated_at) "
                + "VALUES (?, ?, 'PENDING', 0, '2000-01-01', '2000-01-01')", id, LISTENER);
    }

    long commissionId(String bill, int level) {
        return ((Number) rows("SELECT id FROM affiliate_commission WHERE bill_number = ? AND level = ?", bill, level)
                .get(0).get("id")).longValue();
    }

    String status(String bill) {
        return (String) rows("SELECT status FROM affiliate_commission WHERE bill_number = ? AND level = 1", bill)
                .get(0).get("status");
    }

    /** The bill's commissions by level: {level: "amount STATUS affiliateId"}. */
    Map<Integer, String> commissions(String bill) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows("SELECT level, amount, status, affiliate_id FROM affiliate_commission "
                + "WHERE bill_number = ? ORDER BY level", bill)) {
            out.put(((Number) r.get("level")).intValue(), r.get("amount") + " " + r.get("status") + " " + r.get("affiliate_id"));
        }
        return out;
    }

    /** Who the bill is attributed to (null: nobody). */
    Long attributedTo(String bill) {
        List<Map<String, Object>> r = rows("SELECT affiliate_id FROM affiliate_bill WHERE bill_number = ?", bill);
        assertThat(r).as("bill " + bill + " seen by the affiliates plugin").hasSize(1);
        Object id = r.get(0).get("affiliate_id");
        return id == null ? null : ((Number) id).longValue();
    }

    JsonNode json(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }
}
