package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WhatsApp users known by a business-scoped user id (BSUID) instead of a visible phone number, in the
 * payload shapes of Meta's BSUID webhook reference: a message with {@code from_user_id} and no {@code from},
 * one with both, a BSUID in {@code from}, the shared-number reply ({@code contacts}, origin
 * {@code contact_request}) and a BSUID change notice.
 */
class WhatsAppBsuidIT {
    private static MetaGraphApi meta;
    private static TestServer server;
    private static MetaWebhooks webhooks;
    private static LoyaltyService loyalty;

    @BeforeAll
    static void start() throws Exception {
        meta = new MetaGraphApi();
        server = TestServer.start("wa-bsuid", TestServer.shippedPlugins(), Clock.systemUTC(),
                c -> c.withChat(meta.chatConfig(Duration.ofSeconds(5))));
        // a send to a BSUID answers with the user id, as the Graph API does
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(1).withRequestBody(matchingJsonPath("$.recipient"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"{{jsonPath request.body "
                                + "'$.recipient'}}\",\"user_id\":\"{{jsonPath request.body '$.recipient'}}\"}],\"messages\":"
                                + "[{\"id\":\"wamid.HBgM{{randomValue length=40 type='ALPHANUMERIC'}}\"}]}")
                        .withTransformers("response-template")));
        webhooks = new MetaWebhooks(server.base());
        loyalty = server.server().service(LoyaltyService.class).orElseThrow();
    }

    @AfterAll
    static void stop() {
        try {
            meta.requests().forEach(WhatsAppLimitsCheck::assertWithinLimits);
        } finally {
            if (server != null) {
                server.close();
            }
            if (meta != null) {
                meta.close();
            }
        }
    }

    /** A delivery whose message comes from {@code bsuid}, with the phone number only when {@code phone} is given. */
    private static ObjectNode fromUser(String bsuid, String phone, String type) {
        ObjectNode d = MetaWebhooks.delivery();
        ObjectNode value = MetaWebhooks.value(d);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", "Sheena Nelson").put("username", "realsheenanelson");
        if (phone != null) {
            contact.put("wa_id", phone.substring(1));
        }
        contact.put("user_id", bsuid);
        ObjectNode m = value.putArray("messages").addObject();
        if (phone != null) {
            m.put("from", phone.substring(1));
        }
        m.put("from_user_id", bsuid).put("id", MetaWebhooks.newMessageId())
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", type);
        return d;
    }

    private static ObjectNode text(String bsuid, String phone, String body) {
        ObjectNode d = fromUser(bsuid, phone, "text");
        message(d).putObject("text").put("body", body);
        return d;
    }

    private static ObjectNode tap(String bsuid, String id, String title) {
        ObjectNode d = fromUser(bsuid, null, "interactive");
        message(d).putObject("interactive").put("type", "button_reply").putObject("button_reply").put("id", id)
                .put("title", title);
        return d;
    }

    private static ObjectNode message(ObjectNode d) {
        return (ObjectNode) MetaWebhooks.value(d).path("messages").path(0);
    }

    /** What the bot sent to a BSUID ({@code recipient}). */
    private static List<JsonNode> sentTo(String bsuid) {
        return meta.requests().stream().filter(r -> bsuid.equals(r.path("recipient").asText())).toList();
    }

    private static List<JsonNode> awaitSends(String key, boolean byRecipient, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> byRecipient ? sentTo(key) : meta.requestsTo(key),
                l -> l.size() >= count);
    }

    @Test
    void aUserWithoutAVisibleNumberIsAskedToShareItAndJoinsWithIt() {
        String bsuid = "US.13491208655302741918";
        assertThat(webhooks.post(text(bsuid, null, "Hi"))).isEqualTo(200);

        JsonNode ask = awaitSends(bsuid, true, 1).getFirst();
        assertThat(ask.has("to")).as("never a made-up phone number").isFalse();
        assertThat(ask.path("type").asText()).isEqualTo("interactive");
        assertThat(ask.path("interactive").path("type").asText()).isEqualTo("request_contact_info");
        assertThat(ask.path("interactive").path("action").path("name").asText()).isEqualTo("request_contact_info");
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_customer")).as("nothing joined").isZero();

        // a contact card shared by hand is somebody's number, not theirs: asked again
        ObjectNode card = fromUser(bsuid, null, "contacts");
        message(card).putArray("contacts").addObject().put("origin", "other").put("vcard", "BEGIN:VCARD...")
                .putArray("phones").addObject().put("phone", "+91 98450 11111").put("wa_id", "919845011111").put("type", "CELL");
        assertThat(webhooks.post(card)).isEqualTo(200);
        awaitSends(bsuid, true, 2);
        assertThat(server.count("SELECT COUNT(*) FROM chat_user_link")).isZero();

        // the number shared by tapping the request: linked, and the join starts under the number
        ObjectNode shared = fromUser(bsuid, null, "contacts");
        message(shared).putArray("contacts").addObject().put("origin", "contact_request")
                .putArray("phones").addObject().put("phone", "+91 98450 22222").put("wa_id", "919845022222").put("type", "CELL");
        assertThat(webhooks.post(shared)).isEqualTo(200);
        JsonNode greeting = awaitSends("+919845022222", false, 1).getFirst();
        assertThat(greeting.path("interactive").path("body").path("text").asText()).contains("join");

        // from now on the BSUID alone is that number: the same conversation goes on
        assertThat(webhooks.post(tap(bsuid, "c:yes", "Yes, join"))).isEqualTo(200);
        awaitSends("+919845022222", false, 2);
        assertThat(webhooks.post(text(bsuid, null, "Sheena"))).isEqualTo(200);
        awaitSends("+919845022222", false, 3);
        assertThat(webhooks.post(tap(bsuid, "b:skip", "Skip"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.findByMobile("+919845022222").isPresent());
        assertThat(loyalty.findByMobile("+919845022222").orElseThrow().name()).isEqualTo("Sheena");
        assertThat(server.count("SELECT COUNT(*) FROM chat_user_link WHERE user_id = '" + bsuid
                + "' AND phone = '+919845022222'")).isEqualTo(1);
    }

    @Test
    void aMessageWithBothIsKeyedByTheNumberAndLinksTheIdForLater() {
        String bsuid = "IN.1410018717833190";
        String phone = "+919810218674";
        assertThat(webhooks.post(text(bsuid, phone, "Hi"))).isEqualTo(200);
        awaitSends(phone, false, 1);
        assertThat(sentTo(bsuid)).isEmpty();

        // later the number is not shown (no message in 30 days): still the same user, answered by number
        assertThat(webhooks.post(text(bsuid, null, "Hello again"))).isEqualTo(200);
        awaitSends(phone, false, 2);
        assertThat(sentTo(bsuid)).isEmpty();
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE user_id = '" + phone + "'")).isEqualTo(2);

        // the id changes: the link follows
        ObjectNode notice = MetaWebhooks.delivery();
        MetaWebhooks.value(notice).putArray("messages").addObject().put("id", MetaWebhooks.newMessageId())
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "system")
                .putObject("system").put("body", "User Sheena changed user id").put("type", "user_changed_user_id")
                .put("user_id", "IN.9990018717833190").put("previous_user_id", bsuid);
        assertThat(webhooks.post(notice)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.count("SELECT COUNT(*) FROM chat_user_link WHERE "
                + "user_id = 'IN.9990018717833190' AND phone = '" + phone + "'") == 1);
        assertThat(webhooks.post(text("IN.9990018717833190", null, "Menu"))).isEqualTo(200);
        awaitSends(phone, false, 3);
    }

    @Test
    void aBsuidInFromIsNeverTurnedIntoAPhoneNumber() throws Exception {
        ObjectNode d = MetaWebhooks.delivery();
        ObjectNode value = MetaWebhooks.value(d);
        value.putArray("contacts").addObject().put("user_id", "US.77712345678901234").putObject("profile").put("name", "X");
        String id = MetaWebhooks.newMessageId();
        value.putArray("messages").addObject().put("from", "US.77712345678901234").put("id", id)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "text")
                .putObject("text").put("body", "hi");
        assertThat(webhooks.post(d)).isEqualTo(200);
        JsonNode ask = awaitSends("US.77712345678901234", true, 1).getFirst();
        assertThat(ask.path("interactive").path("type").asText()).isEqualTo("request_contact_info");
        assertThat(server.jdbcString("SELECT user_id FROM chat_inbound WHERE message_id = '" + id + "'"))
                .isEqualTo("US.77712345678901234");
    }
}
