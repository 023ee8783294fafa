package io.loyaltyhub.host.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.loyalty.Badge;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.ConsentChange;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Refer a friend and the consent history through the real server, and the customers' chat through the simulator. */
class ReferralIT {
    private static TestServer server;
    private static LoyaltyService loyalty;
    private static ChatSimulator chat;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("referral", TestServer.shippedPlugins(),
                new MutableClock(Instant.parse("2026-11-21T06:00:00Z")));
        loyalty = server.server().service(LoyaltyService.class).orElseThrow();
        chat = server.server().service(ChatSimulator.class).orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static long join(String mobile, String referralCode) {
        TestServer.Reply r = server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"Friend\""
                + (referralCode == null ? "" : ",\"referralCode\":\"" + referralCode + "\"") + "}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("id").asLong();
    }

    private static long referredBy(long customerId) {
        return server.count("SELECT COALESCE(referred_by, 0) FROM loyalty_customer WHERE id = " + customerId);
    }

    private static long available(long customerId) {
        return server.get("/api/v1/customers/" + customerId + "/points", API_KEY).json().get("available").asLong();
    }

    @Test
    void aFriendWhoJoinsWithTheCodeIsLinkedAndTheReferrerRewarded() {
        long owner = join("+919811100001", null);
        JsonNode referral = server.get("/api/v1/customers/" + owner + "/referral", API_KEY).json();
        String code = referral.get("code").asText();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{6}").matches(".*[0-9].*").matches(".*[A-Z].*");
        assertThat(referral.get("link").isNull()).as("no WhatsApp number set, no link").isTrue();
        assertThat(loyalty.referralCode(owner)).as("made once").isEqualTo(code);

        assertThat(server.post("/api/v1/earning-rules", API_KEY, "{\"name\":\"Referral\",\"type\":\"BONUS\","
                + "\"active\":true,\"params\":{\"event\":\"REFERRAL\",\"points\":40}}").status()).isEqualTo(201);
        long before = available(owner);

        long friend = join("+919811100002", " " + code.toLowerCase() + " ");
        assertThat(referredBy(friend)).isEqualTo(owner);
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'loyalty.customer-referred' "
                + "AND aggregate_key = '" + friend + "' AND payload LIKE '%\"referrerCustomerId\":" + owner + "%' "
                + "AND payload LIKE '%\"code\":\"" + code + "\"%'")).isEqualTo(1);
        assertThat(available(owner)).as("the REFERRAL bonus rule").isEqualTo(before + 40);

        long stranger = join("+919811100003", "ZZZZ22");
        assertThat(referredBy(stranger)).as("an unknown code is ignored").isZero();
        assertThat(join("+919811100001", code)).as("joining again is the same customer").isEqualTo(owner);
        assertThat(referredBy(owner)).as("no self-referral").isZero();
        assertThat(join("+919811100002", code)).isEqualTo(friend);
        assertThat(available(owner)).as("the same friend counts once").isEqualTo(before + 40);

        join("+919811100004", code);
        assertThat(loyalty.badges(owner)).extracting(Badge::code).doesNotContain("REFERRALS_3");
        join("+919811100005", code);
        assertThat(loyalty.badges(owner)).extracting(Badge::code).contains("REFERRALS_3");

        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY,
                "{\"whatsapp-number\":\"919800000000\"}").status()).isEqualTo(200);
        assertThat(server.get("/api/v1/customers/" + owner + "/referral", API_KEY).json().get("link").asText())
                .isEqualTo("https://wa.me/919800000000?text=JOIN%20" + code);
        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY,
                "{\"whatsapp-number\":\"+91 98\"}").status()).isEqualTo(422);
        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY,
                "{\"whatsapp-number\":\"\"}").status()).isEqualTo(200);
        assertThat(server.get("/api/v1/customers/999999/referral", API_KEY).status()).isEqualTo(404);
    }

    @Test
    void everyConsentChangeIsRecorded() {
        long id = join("+919811100010", null);
        String path = "/api/v1/customers/" + id;
        assertThat(server.post(path + "/consent", API_KEY, "{\"consent\":false}").json().get("status").asText())
                .isEqualTo("OPTED_OUT");
        assertThat(server.post(path + "/consent", API_KEY, "{\"consent\":false}").status()).as("no change").isEqualTo(200);
        assertThat(server.send("PUT", path, API_KEY, "{\"status\":\"ACTIVE\"}").status()).isEqualTo(200);
        server.post(path + "/consent", API_KEY, "{\"consent\":false,\"source\":\"pos\"}");
        JsonNode back = server.post(path + "/consent", API_KEY, "{\"consent\":true,\"source\":\"whatsapp\"}").json();
        assertThat(back.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(back.get("consentSource").asText()).as("the latest opt-in").isEqualTo("whatsapp");

        assertThat(loyalty.consentHistory(id)).extracting(ConsentChange::given, ConsentChange::source).containsExactly(
                tuple(true, "api"), tuple(false, "api"), tuple(true, "api"), tuple(false, "pos"), tuple(true, "whatsapp"));
        JsonNode listed = server.get(path + "/consents", API_KEY).json();
        assertThat(listed).hasSize(5);
        assertThat(listed.get(3).get("given").asBoolean()).isFalse();
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'loyalty.consent-changed' "
                + "AND aggregate_key = '" + id + "'")).isEqualTo(4);

        assertThat(server.post(path + "/consent", API_KEY, "{\"consent\":true,\"source\":\"carrier-pigeon\"}").status())
                .isEqualTo(422);
        assertThat(server.post(path + "/consent", API_KEY, "{}").status()).isEqualTo(422);
        assertThat(server.post("/api/v1/customers/999999/consent", API_KEY, "{\"consent\":true}").status()).isEqualTo(404);
    }

    // ---- the customers' chat, through the simulator and the real engine -----------------------------

    private static List<Reply> say(String mobile, String text) {
        return chat.send(Audience.CUSTOMER, mobile, Inbound.text(text));
    }

    private static List<Reply> tap(String mobile, List<Reply> last, String id) {
        List<Choice> offered = new ArrayList<>();
        for (Reply r : last) {
            if (r instanceof Reply.Buttons b) {
                offered.addAll(b.buttons());
            } else if (r instanceof Reply.Menu m) {
                offered.addAll(m.rows());
            }
        }
        Choice c = offered.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + last));
        return chat.send(Audience.CUSTOMER, mobile, Inbound.choice(c.id(), c.title()));
    }

    private static String text(List<Reply> replies) {
        return replies.toString();
    }

    @Test
    void aFriendJoinsInTheChatWithTheCodeAndStopsMessages() {
        long owner = join("+919811100020", null);
        String code = loyalty.referralCode(owner);
        String mobile = "+919811100021";

        List<Reply> r = say(mobile, "JOIN " + code);
        assertThat(text(r)).contains("Would you like to join?", code);
        r = tap(mobile, r, "c:yes");
        r = say(mobile, "Meera");
        assertThat(text(r)).contains("When is your birthday?");
        r = say(mobile, "31/02");
        assertThat(text(r)).contains("Please send your birthday as DD/MM, e.g. 15/08, or tap Skip.");
        r = say(mobile, "15/08");
        assertThat(text(r)).contains("Welcome to the club, Meera!");

        Customer meera = loyalty.findByMobile(mobile).orElseThrow();
        assertThat(meera.name()).isEqualTo("Meera");
        assertThat(meera.birthday()).isEqualTo(new Birthday(8, 15, null));
        assertThat(meera.consentSource()).isEqualTo("whatsapp");
        assertThat(referredBy(meera.id())).isEqualTo(owner);

        assertThat(text(say(mobile, "balance"))).contains("Your points:");
        say(mobile, "STOP");
        assertThat(loyalty.find(meera.id()).orElseThrow().status()).isEqualTo(CustomerStatus.OPTED_OUT);
        say(mobile, "START");
        assertThat(loyalty.find(meera.id()).orElseThrow().status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(loyalty.consentHistory(meera.id())).extracting(ConsentChange::given, ConsentChange::source)
                .containsExactly(tuple(true, "whatsapp"), tuple(false, "whatsapp"), tuple(true, "whatsapp"));

        r = say(mobile, "भाषा");
        r = tap(mobile, r, "l:hi");
        assertThat(text(r)).contains("ठीक है, अब से मैं हिंदी में लिखूँगा।");
        assertThat(loyalty.find(meera.id()).orElseThrow().language()).isEqualTo("hi");
        assertThat(text(say(mobile, "बैलेंस"))).contains("आपके पॉइंट:");
    }
}
