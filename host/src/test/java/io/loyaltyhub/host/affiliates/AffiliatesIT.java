package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The affiliates plugin through the real server: affiliates, approval, links and stats over REST. */
class AffiliatesIT {
    private static TestServer server;
    private static final AtomicInteger MOBILES = new AtomicInteger(100);

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("affiliates", TestServer.shippedPlugins());
        Reply s = server.send("PUT", "/api/v1/plugins/affiliates/settings", API_KEY,
                "{\"allowed-target-hosts\":\"shop.example, *.cdn.example\",\"public-base-url\":\"https://go.shop.example/\"}");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String mobile() {
        return "98450" + String.format("%05d", MOBILES.incrementAndGet());
    }

    private static JsonNode register(String body) {
        Reply r = server.post("/api/v1/affiliates", API_KEY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonNode approved(String name) {
        JsonNode a = register("{\"name\":\"" + name + "\",\"mobile\":\"" + mobile() + "\"}");
        Reply ok = server.post("/api/v1/affiliates/" + a.get("id").asLong() + "/approve", API_KEY, null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        return ok.json();
    }

    @Test
    void thePluginStartsWithItsTables() {
        Reply r = server.get("/api/v1/plugins", API_KEY);
        JsonNode affiliates = null;
        for (JsonNode p : r.json()) {
            if (p.get("id").asText().equals("affiliates")) {
                affiliates = p;
            }
        }
        assertThat(affiliates).isNotNull();
        assertThat(affiliates.get("state").asText()).as(affiliates.toString()).isEqualTo("STARTED");
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_visitor")).isZero();
    }

    @Test
    void registerApproveCreateALinkAndReadStats() {
        String m = mobile();
        JsonNode a = register("{\"name\":\"  Asha   Rao \",\"mobile\":\"" + m + "\",\"email\":\"asha@example.in\","
                + "\"telegramUserId\":777001,\"payoutDetails\":\"UPI: asha@okbank\"}");
        long id = a.get("id").asLong();
        assertThat(a.get("code").asText()).matches("[2-9A-HJKMNP-Z]{7}");
        assertThat(a.get("status").asText()).isEqualTo("PENDING");
        assertThat(a.get("name").asText()).isEqualTo("Asha Rao");
        assertThat(a.get("mobile").asText()).isEqualTo("+91" + m);
        assertThat(server.get("/api/v1/affiliates/" + id, API_KEY).json().get("telegramUserId").asLong()).isEqualTo(777001);

        Reply approved = server.post("/api/v1/affiliates/" + id + "/approve", API_KEY, null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approvedAt").isNull()).isFalse();
        assertThat(server.post("/api/v1/affiliates/" + id + "/approve", API_KEY, null).status()).isEqualTo(200); // again: no change
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.affiliate-approved' AND aggregate_key = '"
                + id + "'")).isEqualTo(1);

        Reply link = server.post("/api/v1/affiliates/" + id + "/links", API_KEY,
                "{\"campaign\":\"Diwali\",\"targetUrl\":\"https://shop.example/sale?x=1\",\"utmSource\":\"telegram\"}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String code = link.json().get("code").asText();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{8}");
        assertThat(link.json().get("url").asText()).isEqualTo("https://go.shop.example/r/" + code);
        assertThat(link.json().get("utmSource").asText()).isEqualTo("telegram");
        assertThat(link.json().get("utmMedium").asText()).isEqualTo("referral");
        assertThat(link.json().get("utmCampaign").asText()).isEqualTo("Diwali");
        assertThat(link.json().get("clicks").asLong()).isZero();
        assertThat(server.post("/api/v1/affiliates/" + id + "/links", API_KEY,
                "{\"campaign\":\"CDN\",\"targetUrl\":\"https://img.cdn.example/x\"}").status()).isEqualTo(201);

        Reply links = server.get("/api/v1/affiliates/" + id + "/links", API_KEY);
        assertThat(links.json()).hasSize(2);
        assertThat(links.json().get(1).get("code").asText()).isEqualTo(code);

        Reply stats = server.get("/api/v1/affiliates/" + id + "/stats?from=2026-01-01&to=2030-12-31", API_KEY);
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        JsonNode s = stats.json();
        assertThat(s.get("clicks").asLong()).isZero();
        assertThat(s.get("uniqueClicks").asLong()).isZero();
        assertThat(s.get("conversions").asLong()).isZero();
        assertThat(s.get("revenue").get("amount").asText()).isEqualTo("0.00");
        assertThat(s.get("revenue").get("currency").asText()).isEqualTo("INR");
        assertThat(s.get("commission").get("amount").asText()).isEqualTo("0.00");
        assertThat(s.get("from").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(s.get("to").asText()).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(server.get("/api/v1/affiliates/" + id + "/stats", API_KEY).status()).isEqualTo(200);
    }

    @Test
    void listUpdateRejectSuspendAndInvite() {
        JsonNode recruiter = approved("Recruiter");
        JsonNode a = register("{\"name\":\"Pending One\",\"mobile\":\"" + mobile() + "\",\"invite\":\""
                + recruiter.get("code").asText().toLowerCase() + "\"}");
        long id = a.get("id").asLong();
        assertThat(a.get("recruitedBy").asLong()).isEqualTo(recruiter.get("id").asLong());
        Reply unknownInvite = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"No Recruiter\",\"mobile\":\""
                + mobile() + "\",\"invite\":\"NOSUCH1\"}");
        assertThat(unknownInvite.status()).isEqualTo(422);
        assertThat(unknownInvite.json().get("code").asText()).isEqualTo("unknown-invite");

        Reply pending = server.get("/api/v1/affiliates?status=pending", API_KEY);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.json().findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(pending.json().findValuesAsText("status")).containsOnly("PENDING");

        Reply updated = server.send("PUT", "/api/v1/affiliates/" + id, API_KEY,
                "{\"name\":\"Pending Two\",\"payoutDetails\":\"Bank 1234\",\"planId\":3}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("name").asText()).isEqualTo("Pending Two");
        assertThat(updated.json().get("payoutDetails").asText()).isEqualTo("Bank 1234");
        assertThat(updated.json().get("planId").asLong()).isEqualTo(3);
        assertThat(updated.json().get("email").isNull()).isTrue();

        Reply rejected = server.post("/api/v1/affiliates/" + id + "/reject", API_KEY, "{\"reason\":\"no shop\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("statusReason").asText()).isEqualTo("no shop");

        Reply suspended = server.post("/api/v1/affiliates/" + recruiter.get("id").asLong() + "/suspend", API_KEY,
                "{\"reason\":\"spam\"}");
        assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.affiliate-suspended'")).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.affiliate-rejected'")).isEqualTo(1);
        Reply reinstated = server.post("/api/v1/affiliates/" + recruiter.get("id").asLong() + "/approve", API_KEY, null);
        assertThat(reinstated.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(reinstated.json().get("statusReason").isNull()).isTrue();
    }

    @Test
    void badInputIsA4xxProblemWithAStableCodeAndWritesNothing() {
        JsonNode ok = approved("Valid");
        long okId = ok.get("id").asLong();
        JsonNode pendingOne = register("{\"name\":\"Waiting\",\"mobile\":\"" + mobile() + "\"}");
        long pending = pendingOne.get("id").asLong();
        long affiliates = server.count("SELECT COUNT(*) FROM affiliate");
        long links = server.count("SELECT COUNT(*) FROM affiliate_link");
        long events = server.count("SELECT COUNT(*) FROM outbox_event");
        String taken = server.get("/api/v1/affiliates/" + okId, API_KEY).json().get("mobile").asText();
        record Case(String method, String path, String body, int status, String code) {
        }
        String links1 = "/api/v1/affiliates/" + okId + "/links";
        List<Case> cases = List.of(
                new Case("POST", "/api/v1/affiliates", "{\"mobile\":\"" + mobile() + "\"}", 422, "missing-field"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":\"X\",\"mobile\":\"12345\"}", 422, "invalid-mobile"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":\"X\"}", 422, "missing-field"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":\"X\",\"mobile\":\"" + taken + "\"}", 409, "mobile-taken"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":\"X\",\"mobile\":\"" + mobile() + "\",\"email\":\"nope\"}", 422, "invalid-email"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":\"" + "n".repeat(201) + "\",\"mobile\":\"" + mobile() + "\"}", 422, "invalid-name"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":\"X\",\"mobile\":\"" + mobile() + "\",\"telegramUserId\":-4}", 422, "invalid-telegram-user"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":", 400, "malformed-json"),
                new Case("POST", "/api/v1/affiliates", "{\"name\":[1]}", 422, "validation-failed"),
                new Case("GET", "/api/v1/affiliates/999999", null, 404, "unknown-affiliate"),
                new Case("GET", "/api/v1/affiliates/abc", null, 404, "not-found"),
                new Case("GET", "/api/v1/affiliates?status=GOLD", null, 400, "invalid-query"),
                new Case("GET", "/api/v1/affiliates?limit=ten", null, 400, "invalid-query"),
                new Case("GET", "/api/v1/affiliates/" + okId + "/stats?from=yesterday", null, 400, "invalid-query"),
                new Case("GET", "/api/v1/affiliates/" + okId + "/stats?from=2026-02-01&to=2026-01-01", null, 422, "invalid-period"),
                new Case("GET", "/api/v1/affiliates/999999/stats", null, 404, "unknown-affiliate"),
                new Case("GET", "/api/v1/affiliates/999999/links", null, 404, "unknown-affiliate"),
                new Case("POST", "/api/v1/affiliates/999999/approve", null, 404, "unknown-affiliate"),
                new Case("POST", "/api/v1/affiliates/" + pending + "/reject", null, 422, "missing-field"),
                new Case("POST", "/api/v1/affiliates/" + pending + "/reject", "{\"reason\":\" \"}", 422, "missing-field"),
                new Case("POST", "/api/v1/affiliates/" + okId + "/reject", "{\"reason\":\"late\"}", 409, "not-pending"),
                new Case("POST", "/api/v1/affiliates/" + pending + "/suspend", "{\"reason\":\"x\"}", 409, "not-approved"),
                new Case("PUT", "/api/v1/affiliates/" + okId, "{\"email\":\"bad\"}", 422, "invalid-email"),
                new Case("PUT", "/api/v1/affiliates/" + okId, "{\"planId\":0}", 422, "invalid-plan"),
                new Case("POST", "/api/v1/affiliates/" + pending + "/links", "{\"campaign\":\"A\",\"targetUrl\":\"https://shop.example/\"}", 409, "affiliate-not-approved"),
                new Case("POST", links1, "{\"targetUrl\":\"https://shop.example/\"}", 422, "missing-field"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"javascript:alert(document.cookie)\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"//evil.example/\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"http://evil.example/\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"https://shop.example@evil.example/\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"https://shop.example:pw@evil.example/\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"https://shop.example\\\\@evil.example/\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"https://shop.example.evil.example/\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"ftp://shop.example/\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"data:text/html,<script>alert(1)</script>\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"https://shop.example/a\\r\\nSet-Cookie:x\"}", 422, "target-not-allowed"),
                new Case("POST", links1, "{\"campaign\":\"A\",\"targetUrl\":\"https://shop.example/\",\"utmSource\":\"" + "s".repeat(101) + "\"}", 422, "invalid-utm"));
        for (Case c : cases) {
            Reply r = server.send(c.method(), c.path(), API_KEY, c.body());
            assertThat(r.status()).as(c + " -> " + r.body()).isEqualTo(c.status());
            assertThat(r.json().get("code").asText()).as(c + " -> " + r.body()).isEqualTo(c.code());
            assertThat(r.contentType()).contains("json");
        }
        Reply refused = server.post(links1, API_KEY, "{\"campaign\":\"A\",\"targetUrl\":\"http://evil.example/\"}");
        assertThat(refused.json().get("errors").get("targetUrl").asText()).contains("evil.example");
        assertThat(server.count("SELECT COUNT(*) FROM affiliate")).isEqualTo(affiliates);
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_link")).isEqualTo(links);
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event")).isEqualTo(events);
    }
}
