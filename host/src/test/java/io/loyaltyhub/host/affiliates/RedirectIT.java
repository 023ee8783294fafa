package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /r/{code}} through the real server: the 302 and its Location, the visitor cookie, what each visit records
 * (device, bot flag, geo from a GeoIP2 database built here), HEAD and bots not counted, orphans, unique clicks per
 * hour with a moving clock, and 500 concurrent clicks recorded exactly once each.
 */
class RedirectIT {
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    static final String WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/124.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private static TestServer server;
    private static MutableClock clock;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger MOBILES = new AtomicInteger(500);

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-21T10:05:00Z"));
        Path geo = TestGeoDatabase.write(Files.createTempFile("geo-test", ".mmdb"), List.of(
                new TestGeoDatabase.Network("81.2.69.0/24", "GB", "United Kingdom", "England", "London"),
                new TestGeoDatabase.Network("49.207.0.0/16", "IN", "India", "Karnataka", "Bengaluru")));
        // the load balancer in front is 127.0.0.1: X-Forwarded-For from it names the visitor
        server = TestServer.start("redirect", TestServer.shippedPlugins(), clock, c -> new ServerConfig(c.host(),
                c.serverPort(), Set.of("127.0.0.1"), c.adminHost(), c.adminPort(), c.adminSessionTimeout(), c.dataDir(),
                c.pluginsDir(), c.dbUrl(), c.dbUser(), c.dbPassword(), 16, c.bootstrapUser(), c.bootstrapPassword(),
                c.apiBootstrapKey(), c.eventMaxAttempts(), c.instanceId(), c.chat(), c.ops()));
        settings("{\"allowed-target-hosts\":\"shop.example\",\"fallback-url\":\"https://shop.example/start\","
                + "\"geoip-database\":\"" + geo.toString().replace("\\", "\\\\") + "\",\"anonymise-ip\":\"false\"}");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void settings(String json) {
        Reply s = server.send("PUT", "/api/v1/plugins/affiliates/settings", API_KEY, json);
        assertThat(s.status()).as(s.body()).isEqualTo(200);
    }

    /** An approved affiliate's new link: {affiliateId, affiliateCode, linkCode}. */
    private static String[] link(String target) {
        Reply a = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Clicker\",\"mobile\":\"98451"
                + String.format("%05d", MOBILES.incrementAndGet()) + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        assertThat(server.post("/api/v1/affiliates/" + id + "/approve", API_KEY, null).status()).isEqualTo(200);
        Reply l = server.post("/api/v1/affiliates/" + id + "/links", API_KEY,
                "{\"campaign\":\"Diwali Sale\",\"targetUrl\":\"" + target + "\"}");
        assertThat(l.status()).as(l.body()).isEqualTo(201);
        return new String[]{String.valueOf(id), a.json().get("code").asText(), l.json().get("code").asText()};
    }

    static HttpResponse<String> visit(String method, String path, String userAgent, String cookie, String forwardedFor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        b.header("Referer", "https://t.me/some_channel");
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }

    private static String cookieOf(HttpResponse<?> r) {
        String set = r.headers().firstValue("set-cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = server.jdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }

    private static JsonNode stats(String affiliateId) {
        Reply r = server.get("/api/v1/affiliates/" + affiliateId + "/stats", API_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode linkOf(String affiliateId) {
        return server.get("/api/v1/affiliates/" + affiliateId + "/links", API_KEY).json().get(0);
    }

    @Test
    void aClickIsA302WithTrackingParametersACookieAndARecordedRow() {
        String[] l = link("https://shop.example/p/42?color=red#reviews");
        HttpResponse<String> r = visit("GET", "/r/" + l[2], IPHONE, null, "10.1.1.1, 81.2.69.160");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("location")).contains("https://shop.example/p/42?color=red&utm_source=affiliate"
                + "&utm_medium=referral&utm_campaign=Diwali%20Sale&ref=" + l[1] + "#reviews");
        assertThat(r.headers().firstValue("cache-control")).contains("no-store");
        String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertThat(setCookie).matches("lh_vid=[A-Za-z0-9_-]{22}; Max-Age=31536000; Path=/r; HttpOnly; SameSite=Lax");
        String visitor = cookieOf(r).substring("lh_vid=".length());

        List<Map<String, Object>> rows = rows("SELECT * FROM affiliate_click WHERE code = ?", l[2]);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.getFirst();
        assertThat(row.get("affiliate_id")).isEqualTo(Long.parseLong(l[0]));
        assertThat(row.get("method")).isEqualTo("GET");
        assertThat(row.get("visitor_id")).isEqualTo(visitor);
        assertThat(row.get("new_visitor")).isEqualTo(true);
        assertThat(row.get("ip")).isEqualTo("81.2.69.160");
        assertThat(row.get("user_agent")).isEqualTo(IPHONE);
        assertThat(row.get("device_type")).isEqualTo("phone");
        assertThat((String) row.get("os")).startsWith("iOS 17");
        assertThat((String) row.get("browser")).startsWith("Safari 17");
        assertThat(row.get("bot")).isEqualTo(false);
        assertThat(row.get("referrer")).isEqualTo("https://t.me/some_channel");
        assertThat(row.get("country")).isEqualTo("GB");
        assertThat(row.get("region")).isEqualTo("England");
        assertThat(row.get("city")).isEqualTo("London");
        assertThat(row.get("counted")).isEqualTo(true);
        assertThat(rows("SELECT * FROM affiliate_visitor WHERE id = ?", visitor)).hasSize(1);

        // the same visitor again: no new cookie; a visitor from Bengaluru on a desktop
        HttpResponse<String> again = visit("GET", "/r/" + l[2].toLowerCase(), WINDOWS, "x=1; lh_vid=" + visitor, "49.207.12.1");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("set-cookie")).isEmpty();
        Map<String, Object> second = rows("SELECT * FROM affiliate_click WHERE code = ? ORDER BY id DESC", l[2]).getFirst();
        assertThat(second.get("device_type")).isEqualTo("desktop");
        assertThat(second.get("city")).isEqualTo("Bengaluru");
        assertThat(second.get("country")).isEqualTo("IN");
        assertThat(second.get("new_visitor")).isEqualTo(false);

        // an address the database does not know, or no forwarded address (loopback): unknown place
        visit("GET", "/r/" + l[2], IPHONE, null, "8.8.8.8");
        visit("GET", "/r/" + l[2], IPHONE, null, null);
        List<Map<String, Object>> unknown = rows("SELECT ip, country, city FROM affiliate_click WHERE code = ? ORDER BY id DESC LIMIT 2", l[2]);
        assertThat(unknown).extracting(m -> m.get("ip")).containsExactly("127.0.0.1", "8.8.8.8");
        assertThat(unknown).allSatisfy(m -> assertThat(m.get("city")).isNull());

        JsonNode s = stats(l[0]);
        assertThat(s.get("clicks").asLong()).isEqualTo(4);
        assertThat(s.get("uniqueClicks").asLong()).isEqualTo(3);
        assertThat(linkOf(l[0]).get("clicks").asLong()).isEqualTo(4);
    }

    @Test
    void headRequestsBotsAndSuspendedAffiliatesAreRecordedButNotCounted() {
        String[] l = link("https://shop.example/");
        HttpResponse<String> head = visit("HEAD", "/r/" + l[2], IPHONE, null, null);
        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(head.headers().firstValue("location").orElseThrow()).startsWith("https://shop.example/?utm_source=");
        HttpResponse<String> bot = visit("GET", "/r/" + l[2], GOOGLEBOT, null, null);
        assertThat(bot.statusCode()).isEqualTo(302);
        visit("GET", "/r/" + l[2], null, null, null); // no user agent at all: not a browser
        List<Map<String, Object>> rows = rows("SELECT method, bot, counted, device_type, browser FROM affiliate_click "
                + "WHERE code = ? ORDER BY id", l[2]);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("method", "HEAD").containsEntry("bot", false).containsEntry("counted", false);
        assertThat(rows.get(1)).containsEntry("method", "GET").containsEntry("bot", true).containsEntry("counted", false)
                .containsEntry("device_type", "bot");
        assertThat((String) rows.get(1).get("browser")).startsWith("Googlebot");
        assertThat(rows.get(2)).containsEntry("bot", true).containsEntry("counted", false);
        assertThat(stats(l[0]).get("clicks").asLong()).isZero();

        assertThat(server.post("/api/v1/affiliates/" + l[0] + "/suspend", API_KEY, "{\"reason\":\"fraud check\"}").status())
                .isEqualTo(200);
        HttpResponse<String> suspended = visit("GET", "/r/" + l[2], IPHONE, null, null);
        assertThat(suspended.statusCode()).isEqualTo(302); // visitors still reach the shop
        assertThat(suspended.headers().firstValue("location").orElseThrow()).startsWith("https://shop.example/");
        assertThat(rows("SELECT counted FROM affiliate_click WHERE code = ?", l[2])).hasSize(4)
                .allSatisfy(m -> assertThat(m.get("counted")).isEqualTo(false));
        assertThat(stats(l[0]).get("clicks").asLong()).isZero();
    }

    @Test
    void unknownCodesAreOrphanVisitsSentToTheFallback() {
        for (String code : List.of("NOSUCHCODE", "x'--", "%3Cscript%3E")) {
            HttpResponse<String> r = visit("GET", "/r/" + code, IPHONE, null, null);
            assertThat(r.statusCode()).as(code).isEqualTo(302);
            assertThat(r.headers().firstValue("location")).contains("https://shop.example/start");
            assertThat(r.headers().firstValue("set-cookie")).isPresent();
        }
        List<Map<String, Object>> orphans = rows("SELECT link_id, affiliate_id, code, counted FROM affiliate_click "
                + "WHERE link_id IS NULL ORDER BY id");
        assertThat(orphans).extracting(m -> m.get("code")).contains("NOSUCHCODE", "X'--", "<SCRIPT>");
        assertThat(orphans).allSatisfy(m -> {
            assertThat(m.get("affiliate_id")).isNull();
            assertThat(m.get("counted")).isEqualTo(false);
        });
    }

    @Test
    void aVisitorCountsOnceUniquePerLinkPerClockHour() {
        String[] l = link("https://shop.example/u");
        String[] other = link("https://shop.example/v");
        HttpResponse<String> first = visit("GET", "/r/" + l[2], IPHONE, null, null);
        String cookie = cookieOf(first);
        clock.advance(Duration.ofMinutes(20));
        visit("GET", "/r/" + l[2], IPHONE, cookie, null); // same hour: a click, not unique
        visit("GET", "/r/" + other[2], IPHONE, cookie, null); // another link: unique there
        assertThat(stats(l[0]).get("clicks").asLong()).isEqualTo(2);
        assertThat(stats(l[0]).get("uniqueClicks").asLong()).isEqualTo(1);
        assertThat(stats(other[0]).get("uniqueClicks").asLong()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(40)); // the next clock hour
        visit("GET", "/r/" + l[2], IPHONE, cookie, null);
        visit("GET", "/r/" + l[2], WINDOWS, null, null); // a new visitor
        JsonNode s = stats(l[0]);
        assertThat(s.get("clicks").asLong()).isEqualTo(4);
        assertThat(s.get("uniqueClicks").asLong()).isEqualTo(3);
        assertThat(linkOf(l[0]).get("uniqueClicks").asLong()).isEqualTo(3);
        // stats of a period: only the first hour
        Instant hourStart = Instant.parse("2026-11-21T10:00:00Z");
        Reply firstHour = server.get("/api/v1/affiliates/" + l[0] + "/stats?from=" + hourStart + "&to="
                + hourStart.plus(Duration.ofHours(1)), API_KEY);
        assertThat(firstHour.json().get("clicks").asLong()).isEqualTo(2);
        assertThat(firstHour.json().get("uniqueClicks").asLong()).isEqualTo(1);
        // the visitor's first and last touch
        Map<String, Object> v = rows("SELECT * FROM affiliate_visitor WHERE id = ?", cookie.substring(7)).getFirst();
        assertThat(v.get("first_affiliate_id")).isEqualTo(Long.parseLong(l[0]));
        assertThat(v.get("last_affiliate_id")).isEqualTo(Long.parseLong(l[0]));
    }

    @Test
    void ipAddressesAreAnonymisedWhenTheSettingSaysSo() {
        String[] l = link("https://shop.example/anon");
        settings("{\"anonymise-ip\":\"true\"}");
        try {
            visit("GET", "/r/" + l[2], IPHONE, null, "81.2.69.160");
            visit("GET", "/r/" + l[2], IPHONE, null, "2001:db8:85a3:8d3:1319:8a2e:370:7348");
            assertThat(rows("SELECT ip, city FROM affiliate_click WHERE code = ? ORDER BY id", l[2]))
                    .extracting(m -> m.get("ip") + "/" + m.get("city"))
                    .containsExactly("81.2.69.0/London", "2001:db8:85a3::/null"); // located before it was shortened
        } finally {
            settings("{\"anonymise-ip\":\"false\"}");
        }
    }

    @Test
    void fiveHundredConcurrentClicksAreFiveHundredRowsEachCountedOnce() throws Exception {
        String[] l = link("https://shop.example/rush");
        long before = server.count("SELECT COUNT(*) FROM affiliate_click");
        int n = 500;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ua = i % 2 == 0 ? IPHONE : WINDOWS;
            replies.add(pool.submit(() -> visit("GET", "/r/" + l[2], ua, null, null).statusCode()));
        }
        for (Future<Integer> f : replies) {
            assertThat(f.get()).isEqualTo(302);
        }
        pool.shutdown();
        // every 302 was sent after its row was committed: no waiting needed
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_click WHERE code = '" + l[2] + "'")).isEqualTo(n);
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_click")).isEqualTo(before + n);
        assertThat(server.count("SELECT COUNT(DISTINCT visit_key) FROM affiliate_click WHERE code = '" + l[2] + "'")).isEqualTo(n);
        JsonNode s = stats(l[0]);
        assertThat(s.get("clicks").asLong()).isEqualTo(n);
        assertThat(s.get("uniqueClicks").asLong()).isEqualTo(n); // no cookies sent back: 500 visitors
        assertThat(linkOf(l[0]).get("clicks").asLong()).isEqualTo(n);
    }
}
