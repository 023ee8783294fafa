package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An affiliate's whole Telegram journey with WireMock as the Bot API and the shipped plugins:
 * invite deep link, application, approval, a link, a referred customer's bill earning commission,
 * and a payout request from the chat.
 */
class AffiliateTelegramIT {
    private static TelegramBotApi telegram;
    private static TestServer server;
    private static TelegramUpdates updates;

    @BeforeAll
    static void start() throws Exception {
        telegram = new TelegramBotApi();
        server = TestServer.start("tg-affiliate", TestServer.shippedPlugins(), Clock.systemUTC(),
                c -> c.withChat(telegram.chatConfig(TelegramConfig.Mode.WEBHOOK, Duration.ofSeconds(5))));
        updates = new TelegramUpdates(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    private static String text(TelegramUser u) {
        return u.last().stream().map(m -> m.path("text").asText()).collect(Collectors.joining("\n"));
    }

    private static JsonNode ok(TestServer.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    @Test
    void fromTheInviteLinkToAPayoutRequest() {
        // the recruiter, approved by staff
        JsonNode recruiter = ok(server.post("/api/v1/affiliates", API_KEY,
                "{\"name\":\"Anita Shop\",\"mobile\":\"+919820000001\",\"payoutDetails\":\"UPI: anita@upi\"}"), 201);
        ok(server.post("/api/v1/affiliates/" + recruiter.get("id").asLong() + "/approve", API_KEY, "{}"), 200);
        String invite = recruiter.get("code").asText();

        TelegramUser u = new TelegramUser(700_000_123L, server, telegram, updates);
        u.says("/start " + invite); // t.me/<bot>?start=<invite>
        u.says("Rohan Mehta");
        u.says("12345"); // not a phone number: asked again
        assertThat(server.count("SELECT COUNT(*) FROM affiliate WHERE telegram_user_id = 700000123")).isZero();
        u.says("98200 11122");
        u.says("rohan@okbank");
        long id = server.count("SELECT id FROM affiliate WHERE telegram_user_id = 700000123");
        assertThat(id).isPositive();
        assertThat(server.count("SELECT recruited_by FROM affiliate WHERE id = " + id))
                .isEqualTo(recruiter.get("id").asLong());
        assertThat(server.count("SELECT COUNT(*) FROM affiliate WHERE id = " + id + " AND status = 'PENDING' "
                + "AND mobile = '+919820011122'")).isEqualTo(1);
        u.says("hello?");
        assertThat(text(u)).isNotBlank(); // still waiting

        int before = telegram.sentTo(u.chatId()).size();
        ok(server.post("/api/v1/affiliates/" + id + "/approve", API_KEY, "{}"), 200);
        // the bot tells them, once, without being asked
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(u.chatId()).size() == before + 1);
        assertThat(telegram.sentTo(u.chatId()).getLast().path("text").asText()).contains("approved")
                .contains(server.jdbcString("SELECT code FROM affiliate WHERE id = " + id));
        u.skipSeen(before + 1);
        u.says("/menu");
        assertThat(u.choices()).contains("a:links", "a:stats", "a:comm", "a:payout", "a:board");

        // a link, within three taps
        u.taps("a:links");
        u.taps("l:new");
        u.says("Diwali");
        u.taps("l:skip");
        String code = server.jdbcString("SELECT code FROM affiliate_link WHERE affiliate_id = " + id);
        assertThat(text(u)).contains("/r/" + code);

        // a customer who joins with the affiliate's code and spends 12,000: 5 % = 600.00 pending
        String affiliateCode = server.jdbcString("SELECT code FROM affiliate WHERE id = " + id);
        ok(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919820099901\",\"name\":\"Customer\","
                + "\"referralCode\":\"" + affiliateCode + "\"}"), 201);
        ok(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"TG-1\",\"storeId\":\"BLR-1\",\"billedAt\":\""
                + java.time.Instant.now().minusSeconds(60) + "\",\"customerMobile\":\"+919820099901\","
                + "\"amount\":12000,\"currency\":\"INR\"}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                server.count("SELECT COUNT(*) FROM affiliate_commission WHERE affiliate_id = " + id) == 1);
        long commission = server.count("SELECT id FROM affiliate_commission WHERE affiliate_id = " + id);
        int beforeApproved = telegram.sentTo(u.chatId()).size();
        ok(server.post("/api/v1/commissions/" + commission + "/approve", API_KEY, "{}"), 200);
        // the affiliate is told (the notifications plugin), before the conversation goes on
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(u.chatId()).size() == beforeApproved + 1);
        assertThat(telegram.sentTo(u.chatId()).getLast().path("text").asText()).contains("600.00", "approved");
        u.skipSeen(beforeApproved + 1);

        u.says("/menu");
        u.taps("a:stats");
        assertThat(text(u)).contains("12,000");
        u.says("/menu");
        u.taps("a:payout");
        assertThat(text(u)).contains("600");
        u.taps("p:ok");
        JsonNode payouts = ok(server.get("/api/v1/payouts?affiliateId=" + id, API_KEY), 200);
        assertThat(payouts.size()).isEqualTo(1);
        assertThat(payouts.get(0).path("status").asText()).isEqualTo("REQUESTED");
        assertThat(payouts.get(0).path("amount").path("amount").asText()).isEqualTo("600.00");
        // asking again from an old button requests nothing more
        u.says("/menu");
        u.taps("a:payout");
        assertThat(ok(server.get("/api/v1/payouts?affiliateId=" + id, API_KEY), 200).size()).isEqualTo(1);
        // paid by a manager: the bot says so
        long payoutId = payouts.get(0).path("id").asLong();
        int beforePaid = telegram.sentTo(u.chatId()).size();
        ok(server.post("/api/v1/payouts/" + payoutId + "/pay", API_KEY,
                "{\"method\":\"UPI\",\"reference\":\"UTR-778899\"}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(u.chatId()).size() == beforePaid + 1);
        assertThat(telegram.sentTo(u.chatId()).getLast().path("text").asText()).contains("600.00", "UTR-778899");
        // every callback query was answered
        await().atMost(Duration.ofSeconds(5)).until(() -> telegram.answeredCallbacks().size() >= 6);
    }
}
