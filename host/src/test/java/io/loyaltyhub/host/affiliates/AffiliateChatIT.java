package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The affiliates' conversation (the affiliates plugin's flow {@code affiliates.affiliate}) through the real server's
 * simulator: a deep link's {@code /start <invite>}, the application, approval over REST, a link (a refused target
 * first), a click on it, stats and Hindi. Payouts and the leaderboard need the commissions part of the service.
 */
class AffiliateChatIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String PHONE_BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("affiliate-chat", TestServer.shippedPlugins());
        Reply s = server.send("PUT", "/api/v1/plugins/affiliates/settings", API_KEY,
                "{\"allowed-target-hosts\":\"shop.example\",\"public-base-url\":\"https://go.shop.example\"}");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One affiliate on the simulator: says and taps, keeping the last answer. */
    private static final class Affiliate {
        final String user;
        JsonNode replies;

        Affiliate(String user) {
            this.user = user;
        }

        String says(String text) {
            ObjectNode m = JSON.createObjectNode().put("audience", "affiliate").put("user", user).put("text", text);
            return send(m);
        }

        String taps(String choice) {
            assertThat(choices()).as("a choice of the last answer: " + text()).contains(choice);
            ObjectNode m = JSON.createObjectNode().put("audience", "affiliate").put("user", user).put("choice", choice);
            return send(m);
        }

        private String send(ObjectNode m) {
            Reply r = server.post("/api/v1/chat/simulator", API_KEY, m.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            replies = r.json().get("replies");
            assertThat(replies.size()).isPositive();
            return text();
        }

        String text() {
            List<String> bodies = new ArrayList<>();
            replies.forEach(r -> bodies.add(r.path("body").asText()));
            return String.join("\n---\n", bodies);
        }

        List<String> choices() {
            List<String> ids = new ArrayList<>();
            replies.forEach(r -> r.path("choices").forEach(c -> ids.add(c.get("id").asText())));
            return ids;
        }
    }

    private static long affiliateId(long telegramUserId) throws Exception {
        try (var c = server.jdbc(); var s = c.prepareStatement("SELECT id FROM affiliate WHERE telegram_user_id = ?")) {
            s.setLong(1, telegramUserId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("affiliate of Telegram user " + telegramUserId).isTrue();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void fromTheDeepLinkThroughApprovalToALinkAndItsStats() throws Exception {
        Reply recruiter = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Ravi Kumar\",\"mobile\":\"9845077000\"}");
        assertThat(recruiter.status()).as(recruiter.body()).isEqualTo(201);
        long recruiterId = recruiter.json().get("id").asLong();
        assertThat(server.post("/api/v1/affiliates/" + recruiterId + "/approve", API_KEY, null).status()).isEqualTo(200);
        String invite = recruiter.json().get("code").asText();

        Affiliate meera = new Affiliate("700100200");
        assertThat(meera.says("/start " + invite)).contains("Ravi invited you", "What is your full name?");
        assertThat(meera.choices()).containsExactly("g:hi");
        assertThat(meera.says("Meera Iyer")).contains("Thanks, Meera Iyer!", "mobile number");
        assertThat(meera.says("12345")).as("invalid input stays").contains("does not look like a mobile number");
        assertThat(meera.says("98450 77001")).contains("UPI id");
        assertThat(meera.says("meera@okaxis")).contains("Thank you, Meera Iyer!", "approved");

        long id = affiliateId(700100200L);
        JsonNode registered = server.get("/api/v1/affiliates/" + id, API_KEY).json();
        assertThat(registered.get("status").asText()).isEqualTo("PENDING");
        assertThat(registered.get("mobile").asText()).isEqualTo("+919845077001");
        assertThat(registered.get("payoutDetails").asText()).isEqualTo("UPI: meera@okaxis");
        assertThat(registered.get("recruitedBy").asLong()).isEqualTo(recruiterId);
        assertThat(meera.says("any news?")).contains("waiting for approval");

        assertThat(server.post("/api/v1/affiliates/" + id + "/approve", API_KEY, null).status()).isEqualTo(200);
        assertThat(meera.says("ok")).contains("Good news, Meera Iyer: you are approved!", registered.get("code").asText());
        assertThat(meera.choices()).containsExactly("a:links", "a:stats", "a:comm", "a:payout", "a:board", "a:lang", "a:help");

        assertThat(meera.taps("a:links")).contains("You have no links yet");
        meera.taps("l:new");
        assertThat(meera.says("Diwali group")).contains("Where should *Diwali group* take people?");
        assertThat(meera.says("https://evil.example/phish")).contains("That address cannot be used");
        assertThat(meera.choices()).containsExactly("l:skip", "l:cancel");
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_link WHERE affiliate_id = " + id)).isZero();
        assertThat(meera.says("shop.example/diwali")).contains("Your link is ready", "https://go.shop.example/r/");
        String url = meera.replies.get(1).get("body").asText();
        assertThat(url).startsWith("https://go.shop.example/r/");
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_link WHERE affiliate_id = " + id
                + " AND campaign = 'Diwali group' AND target_url = 'https://shop.example/diwali'")).isEqualTo(1);

        HttpResponse<String> click = HTTP.send(HttpRequest.newBuilder(URI.create(server.base()
                        + url.substring("https://go.shop.example".length()))).timeout(Duration.ofSeconds(30))
                .header("User-Agent", PHONE_BROWSER).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(click.statusCode()).isEqualTo(302);

        assertThat(meera.says("/links")).contains("*Diwali group* · clicks: 1 (unique: 1)", url);
        assertThat(meera.says("/stats")).contains("Your stats:", "Clicks: 1", "Unique clicks: 1");
        assertThat(meera.choices()).containsExactly("a:stats:l", "a:stats:a", "a:menu");
        assertThat(meera.taps("a:stats:a")).contains("all time", "Clicks: 1");

        meera.says("/language");
        assertThat(meera.taps("g:hi")).contains("अब से मैं हिंदी में लिखूँगा");
        assertThat(meera.says("/links")).contains("*आपके लिंक*", "क्लिक: 1");
    }

    @Test
    void aSimulatedUserWithoutATelegramIdIsAnsweredPolitely() {
        Affiliate tester = new Affiliate("tester");
        assertThat(tester.says("/start ABC")).contains("Telegram account only");
        assertThat(server.count("SELECT COUNT(*) FROM affiliate WHERE name = 'tester'")).isZero();
    }
}
