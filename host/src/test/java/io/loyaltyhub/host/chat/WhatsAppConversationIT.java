package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardDraft;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customers on WhatsApp end to end: Meta-shaped signed webhooks in, the loyalty plugin's
 * conversation, replies out to WireMock as the Graph API. Every reply of every test is also
 * checked against WhatsApp's limits.
 */
class WhatsAppConversationIT {
    private static final AtomicInteger USERS = new AtomicInteger(200);
    private static final Pattern VOUCHER = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
    private static MetaGraphApi meta;
    private static TestServer server;
    private static MetaWebhooks webhooks;
    private static LoyaltyService loyalty;
    private static RewardsService rewards;

    @BeforeAll
    static void start() throws Exception {
        meta = new MetaGraphApi();
        server = TestServer.start("wa-chat", TestServer.shippedPlugins(), Clock.systemUTC(),
                c -> c.withChat(meta.chatConfig(Duration.ofSeconds(5))));
        webhooks = new MetaWebhooks(server.base());
        loyalty = server.server().service(LoyaltyService.class).orElseThrow();
        rewards = server.server().service(RewardsService.class).orElseThrow();
        // these tests read the bot's answers in order; messages the bot starts itself (welcome, points earned) come
        // at their own time, so they are off here. NotificationsIT and NotificationRulesIT test them with the chat.
        Map<String, String> off = new java.util.LinkedHashMap<>();
        for (String trigger : List.of("welcome", "points-earned", "points-expiring", "points-expired", "tier-upgraded",
                "reward-redeemed", "voucher-expiring", "reward-in-reach", "friend-joined")) {
            off.put("trigger." + trigger, "false");
        }
        server.server().service(io.loyaltyhub.api.platform.PluginAdmin.class).orElseThrow()
                .updateSettings(Actor.SYSTEM, "notifications", off);
    }

    @AfterAll
    static void stop() {
        try {
            // every message any test made the bot send
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

    private static WhatsAppUser newUser() {
        return new WhatsAppUser("+9199000" + String.format("%05d", USERS.incrementAndGet()), server, meta, webhooks);
    }

    /** Joins through the whole first-contact flow; returns the customer. */
    private static Customer join(WhatsAppUser u, String name) {
        u.says("hi");
        u.taps("c:yes");
        u.says(name);
        u.taps("b:skip");
        return loyalty.findByMobile(u.mobile).orElseThrow();
    }

    @Test
    void firstContactAsksConsentThenJoinsWithNameAndBirthday() {
        WhatsAppUser u = newUser();
        u.says("Hello");
        assertThat(u.choices()).contains("c:yes", "c:no");
        assertThat(loyalty.findByMobile(u.mobile)).isEmpty();
        u.taps("c:yes");
        assertThat(u.choices()).contains("n:profile"); // the WhatsApp profile name, one tap
        u.says("Asha Rao");
        assertThat(u.choices()).contains("b:skip");
        u.says("31/02"); // not a date: asked again, nothing stored
        assertThat(u.choices()).contains("b:skip");
        assertThat(loyalty.findByMobile(u.mobile)).isEmpty();
        u.says("15/08");
        Customer c = loyalty.findByMobile(u.mobile).orElseThrow();
        assertThat(c.name()).isEqualTo("Asha Rao");
        assertThat(c.birthday().month()).isEqualTo(8);
        assertThat(c.birthday().day()).isEqualTo(15);
        assertThat(c.consentSource()).isEqualTo("whatsapp");
        assertThat(c.consentAt()).isNotNull();
        assertThat(u.choices()).contains("m:points", "m:rewards");
    }

    @Test
    void sayingNoToConsentStoresNothing() {
        WhatsAppUser u = newUser();
        u.says("hi");
        u.taps("c:no");
        assertThat(loyalty.findByMobile(u.mobile)).isEmpty();
        assertThat(u.lastText()).isNotBlank();
    }

    @Test
    void pointsShowBalanceTierAndProgressByFreeTextOrMenu() {
        WhatsAppUser u = newUser();
        Customer c = join(u, "Ravi");
        long signUpBonus = loyalty.balance(c.id()).available();
        loyalty.adjust(Actor.SYSTEM, c.id(), 1234, "welcome gift", "gift-" + c.id());
        String shown = String.format(java.util.Locale.ENGLISH, "%,d", signUpBonus + 1234);
        u.says("balance");
        assertThat(u.lastText()).contains(shown).contains("Silver");
        u.says("menu");
        u.taps("m:points");
        assertThat(u.lastText()).contains(shown);
        u.says("1"); // the menu number
        assertThat(u.lastText()).contains(shown);
    }

    @Test
    void redeemingARewardEndsWithAVoucherCodeThatExists() {
        Reward coffee = rewards.saveReward(Actor.SYSTEM, new RewardDraft(null, "Free coffee", "Any size", 100L, 50,
                null, null, null, null, 30, true));
        WhatsAppUser u = newUser();
        Customer c = join(u, "Meera");
        loyalty.adjust(Actor.SYSTEM, c.id(), 250, "gift", "gift-" + c.id());
        long before = loyalty.balance(c.id()).available();
        u.says("menu");
        u.taps("m:rewards"); // 1
        u.taps("r:" + coffee.id()); // 2
        assertThat(u.lastText()).contains("Free coffee");
        u.taps("r:" + coffee.id() + ":redeem"); // 3
        assertThat(loyalty.balance(c.id()).available()).isEqualTo(before); // a confirmation first
        u.taps("r:" + coffee.id() + ":ok");
        Matcher m = VOUCHER.matcher(u.lastText());
        assertThat(m.find()).as("voucher code in %s", u.lastText()).isTrue();
        String code = m.group();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_voucher WHERE code = '" + code + "'")).isEqualTo(1);
        assertThat(rewards.validateVoucher(code).customerId()).isEqualTo(c.id());
        assertThat(loyalty.balance(c.id()).available()).isEqualTo(before - 100);
    }

    @Test
    void hindiIsChosenByTheCustomerAndFreeHindiTextWorks() {
        WhatsAppUser u = newUser();
        Customer c = join(u, "Kavya");
        loyalty.adjust(Actor.SYSTEM, c.id(), 40, "gift", "gift-" + c.id());
        u.says("menu");
        u.taps("m:lang");
        u.taps("l:hi");
        assertThat(u.lastText()).containsPattern("[\\u0900-\\u097F]");
        u.says("बैलेंस");
        assertThat(u.lastText()).containsPattern("[\\u0900-\\u097F]").contains("40");
        assertThat(loyalty.find(c.id()).orElseThrow().language()).isEqualTo("hi");
        u.says("menu"); // English keywords keep working
        assertThat(u.choices()).contains("m:points");
    }

    @Test
    void kidsCanBeAddedListedAndRemoved() {
        WhatsAppUser u = newUser();
        Customer c = join(u, "Neha");
        u.says("menu");
        u.taps("m:kids");
        u.taps("k:add");
        u.says("Aarav");
        u.says("02/13/2019"); // invalid: asked again
        assertThat(loyalty.find(c.id()).orElseThrow().kids()).isEmpty();
        u.says("13/02/2019");
        List<io.loyaltyhub.api.loyalty.Kid> kids = loyalty.find(c.id()).orElseThrow().kids();
        assertThat(kids).extracting(io.loyaltyhub.api.loyalty.Kid::name).containsExactly("Aarav");
        u.says("menu");
        u.taps("m:kids");
        assertThat(u.lastText()).contains("Aarav");
        u.taps("k:remove");
        u.taps("k:rm:" + kids.getFirst().id());
        assertThat(loyalty.find(c.id()).orElseThrow().kids()).isEmpty();
    }

    @Test
    void historyAndReferAFriendWithAFriendJoiningThroughTheCode() {
        WhatsAppUser u = newUser();
        Customer c = join(u, "Imran");
        loyalty.adjust(Actor.SYSTEM, c.id(), 77, "goodwill", "gw-" + c.id());
        u.says("menu");
        u.taps("m:history");
        assertThat(u.lastText()).contains("77");
        u.says("menu");
        u.taps("m:refer");
        String code = loyalty.referralCode(c.id());
        assertThat(u.lastText()).contains(code);

        WhatsAppUser friend = newUser();
        friend.says("JOIN " + code);
        friend.taps("c:yes");
        friend.says("Friend of Imran");
        friend.taps("b:skip");
        Customer f = loyalty.findByMobile(friend.mobile).orElseThrow();
        assertThat(server.count("SELECT referred_by FROM loyalty_customer WHERE id = " + f.id())).isEqualTo(c.id());
    }

    @Test
    void stopAndStartRecordConsentFromAnyStep() {
        WhatsAppUser u = newUser();
        Customer c = join(u, "Sara");
        u.says("menu");
        u.taps("m:kids");
        u.taps("k:add"); // in the middle of adding a kid
        u.says("STOP");
        assertThat(loyalty.find(c.id()).orElseThrow().status().name()).isEqualTo("OPTED_OUT");
        u.says("start");
        assertThat(loyalty.find(c.id()).orElseThrow().status().name()).isEqualTo("ACTIVE");
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_consent WHERE customer_id = " + c.id())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void helpAndUnknownTextAnswerWithWhatIsExpected() {
        WhatsAppUser u = newUser();
        join(u, "Dev");
        u.says("help");
        assertThat(u.lastText()).isNotBlank();
        u.says("asdfgh qwerty");
        assertThat(u.choices()).contains("m:points"); // "didn't get that" and the menu
    }

    @Test
    void imagesAndLocationsGetAPoliteTextOnlyAnswer() {
        WhatsAppUser u = newUser();
        join(u, "Tara");
        String id = MetaWebhooks.newMessageId();
        u.deliver(id, MetaWebhooks.image(u.mobile, id));
        assertThat(u.lastText()).contains("only read text");
        String loc = MetaWebhooks.newMessageId();
        ObjectNode d = MetaWebhooks.delivery();
        MetaWebhooks.addMessage(d, u.mobile, "Tara", loc, "location").putObject("location")
                .put("latitude", 12.97).put("longitude", 77.59).put("name", "Store");
        u.deliver(loc, d);
        assertThat(u.lastText()).contains("only read text");
    }

    @Test
    void theSameDeliveryPostedFiveTimesIsAnsweredOnce() {
        WhatsAppUser u = newUser();
        join(u, "Ola");
        String id = MetaWebhooks.newMessageId();
        ObjectNode d = MetaWebhooks.text(u.mobile, id, "points");
        for (int i = 0; i < 5; i++) {
            assertThat(webhooks.post(d)).isEqualTo(200);
        }
        List<JsonNode> answer = u.awaitAnswer(id);
        sleepQuietly(1500);
        assertThat(meta.requestsTo(u.mobile)).hasSize(outboundRows(u));
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE message_id = '" + id + "'")).isEqualTo(1);
        assertThat(answer).isNotEmpty();
    }

    /** Messages queued for the user: each must reach WireMock exactly once. */
    private static int outboundRows(WhatsAppUser u) {
        return (int) server.count("SELECT COUNT(*) FROM chat_outbound WHERE user_id = '" + u.mobile + "'");
    }

    @Test
    void severalMessagesFromSeveralPeopleInOneDeliveryAreAllAnswered() {
        WhatsAppUser a = newUser();
        WhatsAppUser b = newUser();
        ObjectNode d = MetaWebhooks.delivery();
        String ida = MetaWebhooks.newMessageId();
        String idb = MetaWebhooks.newMessageId();
        MetaWebhooks.addMessage(d, a.mobile, "A", ida, "text").putObject("text").put("body", "hi");
        MetaWebhooks.addMessage(d, b.mobile, "B", idb, "text").putObject("text").put("body", "hello");
        assertThat(webhooks.post(d)).isEqualTo(200);
        assertThat(a.awaitAnswer(ida)).isNotEmpty();
        assertThat(b.awaitAnswer(idb)).isNotEmpty();
        assertThat(a.choices()).contains("c:yes");
        assertThat(b.choices()).contains("c:yes");
    }

    @Test
    void unsignedWronglySignedAndTamperedDeliveriesAreRefusedWithNoEffect() {
        WhatsAppUser u = newUser();
        String id = MetaWebhooks.newMessageId();
        byte[] body = MetaWebhooks.text(u.mobile, id, "hi").toString().getBytes(StandardCharsets.UTF_8);
        String good = webhooks.signatureOf(body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"hi\"", "\"ho\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(webhooks.postRaw(body, null)).isEqualTo(401);
        assertThat(webhooks.postRaw(body, "sha256=" + "0".repeat(64))).isEqualTo(401);
        assertThat(webhooks.postRaw(body, new io.loyaltyhub.bots.whatsapp.WebhookSignature("another-secret")
                .header(body))).isEqualTo(401);
        assertThat(webhooks.postRaw(tampered, good)).isEqualTo(401);
        assertThat(webhooks.postRaw("not json".getBytes(StandardCharsets.UTF_8),
                webhooks.signatureOf("not json".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        sleepQuietly(700);
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE message_id = '" + id + "'")).isZero();
        assertThat(meta.requestsTo(u.mobile)).isEmpty();
    }

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        var ok = webhooks.handshake("subscribe", MetaGraphApi.VERIFY_TOKEN, "1158201444");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(webhooks.handshake("subscribe", "wrong", "1158201444").statusCode()).isEqualTo(403);
        assertThat(webhooks.handshake("unsubscribe", MetaGraphApi.VERIFY_TOKEN, "1").statusCode()).isEqualTo(403);
    }

    @Test
    void everyScreenWithinThreeTapsOfTheMenuIsInsideWhatsAppsLimitsInBothLanguages() {
        rewards.saveReward(Actor.SYSTEM, new RewardDraft(null, "A very long reward name that goes on and on",
                "A description that is much longer than seventy-two characters, so it must be shortened nicely",
                10L, null, null, null, null, null, 30, true));
        for (String language : List.of("en", "hi")) {
            WhatsAppUser u = newUser();
            Customer c = join(u, "Walker " + language);
            loyalty.adjust(Actor.SYSTEM, c.id(), 5, "gift", "walk-" + c.id());
            if (language.equals("hi")) {
                u.says("menu");
                u.taps("m:lang");
                u.taps("l:hi");
            }
            // breadth-first over what the menu offers, three taps deep, skipping what changes data
            Set<String> visited = new HashSet<>();
            ArrayDeque<List<String>> paths = new ArrayDeque<>();
            u.says("menu");
            for (String first : u.choices()) {
                paths.add(List.of(first));
            }
            int screens = 0;
            while (!paths.isEmpty() && screens < 40) {
                List<String> path = paths.poll();
                u.says("menu");
                boolean reachable = true;
                for (String choice : path) {
                    if (!u.choices().contains(choice)) {
                        reachable = false;
                        break;
                    }
                    u.taps(choice);
                }
                if (!reachable) {
                    continue;
                }
                screens++;
                u.last().forEach(WhatsAppLimitsCheck::assertWithinLimits);
                if (path.size() < 3) {
                    for (String next : u.choices()) {
                        boolean changesData = next.startsWith("m:stop") || next.endsWith(":ok")
                                || next.startsWith("k:rm:") || next.startsWith("l:");
                        if (!changesData && visited.add(String.join(">", path) + ">" + next)) {
                            List<String> longer = new java.util.ArrayList<>(path);
                            longer.add(next);
                            paths.add(longer);
                        }
                    }
                }
            }
            assertThat(screens).as("screens visited in %s", language).isGreaterThan(8);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
