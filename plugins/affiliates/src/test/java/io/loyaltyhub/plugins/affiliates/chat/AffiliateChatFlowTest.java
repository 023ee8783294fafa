package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.platform.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.loyaltyhub.plugins.affiliates.chat.FakeAffiliates.inr;
import static org.assertj.core.api.Assertions.assertThat;

/** The affiliates' conversation turn by turn, against an in-memory service and the real bundles. */
class AffiliateChatFlowTest {
    private static final String TG = "123456789";
    private static final String MENU_IDS = "[a:links, a:stats, a:comm, a:payout, a:board, a:lang, a:help]";
    /** November 2026 in India: from 1 Nov 00:00 IST. */
    private static final Instant NOV = Instant.parse("2026-10-31T18:30:00Z");
    private static final Instant OCT = Instant.parse("2026-09-30T18:30:00Z");
    private static final Instant DEC = Instant.parse("2026-11-30T18:30:00Z");

    private FakeAffiliates service;
    private FakeContext context;
    private AffiliateChatFlow flow;

    @BeforeEach
    void setUp() {
        service = new FakeAffiliates();
        context = new FakeContext().with(AffiliateService.class, service).with(PhoneNumbers.class, new FakePhones());
        flow = new AffiliateChatFlow(context);
    }

    private ChatDriver stranger() {
        return new ChatDriver(flow, TG, "Priya Sharma", "en");
    }

    /** An approved affiliate whose conversation is in the menu. */
    private Affiliate approved() {
        return service.add("Priya Sharma", "+919845012345", Long.parseLong(TG), AffiliateStatus.APPROVED, null);
    }

    private ChatDriver member() {
        ChatDriver chat = new ChatDriver(flow, TG, "Priya Sharma", "en");
        chat.send("/menu");
        assertThat(chat.step).isEqualTo("menu");
        return chat;
    }

    @Test
    void describesItself() {
        assertThat(flow.id()).isEqualTo("affiliates.affiliate");
        assertThat(flow.audience()).isEqualTo(Audience.AFFILIATE);
        assertThat(flow.bundle()).isEqualTo("chat/affiliate");
    }

    // ---- from the deep link to a payout --------------------------------------------------------------

    @Test
    void fromStartWithAnInviteThroughApprovalToAPayoutRequest() {
        Affiliate recruiter = service.add("Ravi Kumar", "+919811111111", 42L, AffiliateStatus.APPROVED, null);
        ChatDriver chat = stranger();

        chat.send("/start " + recruiter.code());
        assertThat(chat.step).isEqualTo("apply.name");
        assertThat(chat.data).containsEntry("invite", recruiter.code());
        assertThat(chat.text()).contains("affiliate program", "Ravi invited you", "What is your full name?");
        assertThat(chat.choiceIds()).containsExactly("n:profile", "g:hi");

        chat.tap("n:profile");
        assertThat(chat.step).isEqualTo("apply.phone");
        assertThat(chat.text()).contains("Thanks, Priya Sharma!");

        chat.send("12345");
        assertThat(chat.step).as("invalid input stays").isEqualTo("apply.phone");
        assertThat(chat.text()).contains("does not look like a mobile number", "98450 12345");
        assertThat(chat.data).containsEntry("name", "Priya Sharma").containsEntry("invite", recruiter.code());

        chat.send("098450-12345");
        assertThat(chat.step).isEqualTo("apply.payout");
        assertThat(chat.data).containsEntry("mobile", "+919845012345");
        assertThat(chat.text()).contains("UPI id");

        chat.send("priya@okaxis");
        assertThat(service.registrations).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("Priya Sharma");
            assertThat(n.mobile()).isEqualTo("+919845012345");
            assertThat(n.email()).isNull();
            assertThat(n.telegramUserId()).isEqualTo(123456789L);
            assertThat(n.payoutDetails()).isEqualTo("UPI: priya@okaxis");
            assertThat(n.invite()).isEqualTo(recruiter.code());
        });
        assertThat(service.actors.getFirst()).satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Actor.Kind.SYSTEM);
            assertThat(a.name()).isEqualTo("telegram");
        });
        assertThat(chat.step).isEqualTo("pending");
        assertThat(chat.text()).contains("Thank you, Priya Sharma!", "as soon as it is approved");

        chat.send("any news?");
        assertThat(chat.step).isEqualTo("pending");
        assertThat(chat.text()).contains("waiting for approval", "/help");
        assertThat(service.registrations).hasSize(1);

        long id = service.findByTelegramUser(123456789L).orElseThrow().id();
        service.decide(id, AffiliateStatus.APPROVED, null);
        chat.send("hello?");
        assertThat(chat.step).isEqualTo("menu");
        assertThat(chat.text()).contains("Good news, Priya Sharma: you are approved!", "AFF" + id);
        assertThat(chat.choiceIds().toString()).isEqualTo(MENU_IDS);

        // a link in three taps and two answers
        chat.tap("a:links");
        assertThat(chat.text()).contains("You have no links yet");
        chat.tap("l:new");
        assertThat(chat.step).isEqualTo("link.campaign");
        chat.send("Diwali WhatsApp group");
        assertThat(chat.step).isEqualTo("link.target");
        chat.send("shop.example.com/diwali");
        assertThat(chat.step).isEqualTo("link");
        assertThat(service.linkRequests).last().satisfies(l -> {
            assertThat(l.campaign()).isEqualTo("Diwali WhatsApp group");
            assertThat(l.targetUrl()).isEqualTo("https://shop.example.com/diwali");
        });
        assertThat(chat.replies).hasSize(2);
        assertThat(chat.text()).contains("Your link is ready", "https://aff.example/r/L100");
        assertThat(chat.replies.get(1)).isEqualTo(Reply.text("https://aff.example/r/L100"));

        // money arrives; the payout in two taps
        service.approved.put(id, inr("1250.50"));
        chat.tap("a:menu");
        chat.tap("a:payout");
        assertThat(chat.step).isEqualTo("payout.confirm");
        assertThat(chat.text()).contains("₹1,250.50", "UPI: priya@okaxis");
        assertThat(chat.choiceIds()).containsExactly("p:ok", "p:no");
        chat.tap("p:ok");
        assertThat(service.payoutRequests).containsExactly(id);
        assertThat(service.actors.getLast().name()).isEqualTo("telegram");
        assertThat(chat.text()).contains("Payout of ₹1,250.50 requested");

        chat.tapOld("p:ok");
        assertThat(service.payoutRequests).as("an old Request button asks nothing again").hasSize(1);
        assertThat(chat.text()).contains("That request is no longer open", "You already requested a payout of ₹1,250.50 on 21 Nov 2026");
    }

    @Test
    void startWithoutAnInviteWelcomesWithApply() {
        ChatDriver chat = new ChatDriver(flow, TG, "", "en");
        chat.send("/start");
        assertThat(chat.step).isEqualTo("apply");
        assertThat(chat.choiceIds()).containsExactly("j:apply", "g:hi");
        chat.send("what is this?");
        assertThat(chat.step).isEqualTo("apply");
        assertThat(chat.text()).contains("Tap *Apply*");
        chat.tap("j:apply");
        assertThat(chat.step).isEqualTo("apply.name");
        assertThat(chat.choiceIds()).as("no Telegram name, no name button").containsExactly("g:hi");
        chat.send("R2D2");
        assertThat(chat.step).isEqualTo("apply.name");
        assertThat(chat.text()).contains("Please send your name in letters");
        chat.send("  Ravi   Kumar ");
        assertThat(chat.text()).contains("Thanks, Ravi Kumar!");
        chat.send("+91 98450 12345");
        chat.send("x");
        assertThat(chat.step).as("payout details too short").isEqualTo("apply.payout");
        chat.send("Bank: Ravi Kumar, A/C 1234567890, IFSC SBIN0001234");
        assertThat(service.registrations).singleElement().satisfies(n -> {
            assertThat(n.invite()).isNull();
            assertThat(n.payoutDetails()).isEqualTo("Bank: Ravi Kumar, A/C 1234567890, IFSC SBIN0001234");
        });
        assertThat(chat.step).isEqualTo("pending");
    }

    @Test
    void anUnknownInviteStillApplies() {
        ChatDriver chat = stranger();
        chat.send("/start NOBODY9");
        assertThat(chat.step).isEqualTo("apply.name");
        assertThat(chat.text()).contains("Let’s sign you up").doesNotContain("invited you");
        assertThat(chat.data).containsEntry("invite", "NOBODY9");
    }

    @Test
    void aTakenMobileAsksForAnotherNumber() {
        service.add("Someone Else", "+919845012345", 7L, AffiliateStatus.APPROVED, null);
        ChatDriver chat = stranger();
        chat.send("/start");
        chat.tap("j:apply");
        chat.tap("n:profile");
        chat.send("9845012345");
        chat.send("priya@okaxis");
        assertThat(chat.step).isEqualTo("apply.phone");
        assertThat(chat.text()).contains("already registered", "What is your mobile number?");
        assertThat(chat.data).containsEntry("name", "Priya Sharma").doesNotContainKey("mobile");
        chat.send("98450 99999");
        chat.send("priya@okaxis");
        assertThat(chat.step).isEqualTo("pending");
        assertThat(service.registrations).singleElement().satisfies(n -> assertThat(n.mobile()).isEqualTo("+919845099999"));
    }

    @Test
    void helpStopAndMenuWhileApplying() {
        ChatDriver chat = stranger();
        chat.send("/start ABC");
        chat.tap("n:profile");
        chat.send("/help");
        assertThat(chat.step).isEqualTo("apply.phone");
        assertThat(chat.text()).contains("I am the affiliate program’s bot", "What is your mobile number?");
        assertThat(chat.data).containsEntry("name", "Priya Sharma");
        chat.send("/stop");
        assertThat(chat.step).isEmpty();
        assertThat(chat.text()).contains("nothing was stored");
        assertThat(service.registrations).isEmpty();
    }

    @Test
    void theApplicationCanBeInHindi() {
        ChatDriver chat = stranger();
        chat.send("/start ABC");
        chat.tap("g:hi");
        assertThat(chat.language).isEqualTo("hi");
        assertThat(chat.step).isEqualTo("apply.name");
        assertThat(chat.text()).contains("आपका पूरा नाम क्या है?");
        chat.send("प्रिया शर्मा");
        assertThat(chat.text()).contains("धन्यवाद, प्रिया शर्मा!");
        chat.send("12");
        assertThat(chat.text()).contains("यह मोबाइल नंबर नहीं लगता");
        chat.send("9845012345");
        chat.send("priya@okaxis");
        assertThat(chat.text()).contains("आपका आवेदन मिल गया है");
        chat.send("?");
        assertThat(chat.text()).contains("मंज़ूरी का इंतज़ार");
    }

    // ---- not approved --------------------------------------------------------------------------------

    @Test
    void pendingRejectedAndSuspendedGetPoliteTexts() {
        Affiliate a = service.add("Priya Sharma", "+919845012345", Long.parseLong(TG), AffiliateStatus.PENDING, null);
        ChatDriver chat = stranger();
        chat.send("/links");
        assertThat(chat.step).isEqualTo("pending");
        assertThat(chat.text()).contains("Hello Priya Sharma, your application is waiting for approval");
        chat.send("/help");
        assertThat(chat.text()).contains("Once you are approved");

        service.decide(a.id(), AffiliateStatus.REJECTED, "We work with Bengaluru partners only for now.");
        chat.send("/menu");
        assertThat(chat.step).isEqualTo("closed");
        assertThat(chat.text()).contains("not approved", "Reason: We work with Bengaluru partners only for now.");
        assertThat(chat.choices()).isEmpty();

        service.decide(a.id(), AffiliateStatus.SUSPENDED, "Traffic under review.");
        chat.tapOld("a:links");
        assertThat(chat.text()).contains("suspended", "Reason: Traffic under review.");
        assertThat(chat.choices()).isEmpty();

        service.decide(a.id(), AffiliateStatus.APPROVED, null);
        chat.send("ok");
        assertThat(chat.step).isEqualTo("menu");
        assertThat(chat.text()).contains("you are approved");
    }

    @Test
    void aUserIdThatIsNotATelegramIdIsAnsweredPolitely() {
        ChatDriver chat = new ChatDriver(flow, "tester", "", "en");
        chat.send("/start ABC");
        assertThat(chat.text()).contains("Telegram account only");
        assertThat(service.registrations).isEmpty();
    }

    // ---- the menu ------------------------------------------------------------------------------------

    @Test
    void theMenuGreetsWithTheCodeAndCommandsWorkAsText() {
        Affiliate a = approved();
        ChatDriver chat = member();
        assertThat(chat.text()).contains("Hello Priya Sharma!", a.code(), "/links");
        assertThat(chat.choiceIds().toString()).isEqualTo(MENU_IDS);

        chat.send("/links");
        assertThat(chat.step).isEqualTo("links");
        chat.send("/stats");
        assertThat(chat.step).isEqualTo("stats");
        chat.send("/commissions");
        assertThat(chat.step).isEqualTo("commissions");
        chat.send("/payout");
        assertThat(chat.step).isEqualTo("payout");
        chat.send("/leaderboard");
        assertThat(chat.step).isEqualTo("leaderboard");
        chat.send("/help");
        assertThat(chat.step).isEqualTo("help");
        assertThat(chat.text()).contains("/links", "/payout");
        chat.send("2");
        assertThat(chat.step).as("a menu number").isEqualTo("stats");
        chat.send("कमीशन");
        assertThat(chat.step).as("a Hindi word in an English chat").isEqualTo("commissions");
        chat.send("/start ABC");
        assertThat(chat.step).as("a deep link again: the menu").isEqualTo("menu");
        chat.send("blah");
        assertThat(chat.text()).startsWith("Sorry, I didn’t get that.");
        assertThat(chat.step).isEqualTo("menu");
        chat.send("/stop");
        assertThat(chat.text()).contains("I will not send you tips");
        chat.send("start");
        assertThat(chat.step).isEqualTo("menu");
    }

    // ---- links ---------------------------------------------------------------------------------------

    @Test
    void aRefusedTargetStaysAndExplainsThenSkipUsesTheDefault() {
        Affiliate a = approved();
        ChatDriver chat = member();
        chat.tap("a:links");
        chat.tap("l:new");
        chat.send("x".repeat(101));
        assertThat(chat.step).isEqualTo("link.campaign");
        assertThat(chat.text()).contains("up to 100 characters");
        chat.send("Insta bio");
        assertThat(chat.choiceIds()).containsExactly("l:skip", "l:cancel");

        chat.send("https://evil.example/phish");
        assertThat(chat.step).as("refused: stays").isEqualTo("link.target");
        assertThat(chat.data).containsEntry("campaign", "Insta bio");
        assertThat(chat.text()).contains("That address cannot be used: the host evil.example is not allowed",
                "Use default");
        assertThat(service.links(a.id())).isEmpty();

        chat.send("not a url at all");
        assertThat(chat.step).isEqualTo("link.target");
        assertThat(chat.text()).contains("Please send one web address");

        chat.tap("l:skip");
        assertThat(chat.step).isEqualTo("link");
        assertThat(service.linkRequests).last().satisfies(l -> assertThat(l.targetUrl()).isNull());
        assertThat(chat.text()).contains("Insta bio", "Opens: https://shop.example.com/");
    }

    @Test
    void cancelAndCommandsLeaveTheLinkQuestions() {
        approved();
        ChatDriver chat = member();
        chat.tap("a:links");
        chat.tap("l:new");
        chat.tap("l:cancel");
        assertThat(chat.step).isEqualTo("links");
        assertThat(chat.text()).contains("no link was created");
        chat.tap("l:new");
        chat.send("/stats");
        assertThat(chat.step).as("a command is not a campaign name").isEqualTo("stats");
        assertThat(service.linkRequests).isEmpty();
    }

    @Test
    void theSameLinkAgainIsShownNotCreatedTwice() {
        Affiliate a = approved();
        service.addLink(a.id(), "Diwali", "https://shop.example.com/diwali", 3, 2);
        ChatDriver chat = member();
        chat.tap("a:links");
        chat.tap("l:new");
        chat.send("diwali");
        chat.send("https://shop.example.com/diwali/");
        assertThat(service.linkRequests).isEmpty();
        assertThat(chat.text()).contains("You already have this link", "https://aff.example/r/L100");
    }

    @Test
    void linksListClicksAndUrlsAndOneLinkCanBeShared() {
        Affiliate a = approved();
        for (int i = 1; i <= 9; i++) {
            service.addLink(a.id(), "Campaign " + i, "https://shop.example.com/" + i, i * 10L, i * 7L);
        }
        ChatDriver chat = member();
        chat.tap("a:links");
        assertThat(chat.text()).contains("*Campaign 9* · clicks: 90 (unique: 63)\nhttps://aff.example/r/L108",
                "Older links not shown: 1.").doesNotContain("*Campaign 1*");
        assertThat(chat.choiceIds()).hasSize(10).startsWith("l:108").endsWith("l:new", "a:menu");
        chat.tap("l:104");
        assertThat(chat.step).isEqualTo("link");
        assertThat(chat.text()).contains("*Campaign 5*", "Share: https://aff.example/r/L104", "Clicks: 50 (35 unique)");
        assertThat(chat.replies.get(1)).isEqualTo(Reply.text("https://aff.example/r/L104"));
        chat.tapOld("l:999");
        assertThat(chat.text()).contains("That link is not on your list.");
    }

    // ---- stats, commissions, payouts, leaderboard ----------------------------------------------------

    @Test
    void statsByPeriod() {
        Affiliate a = approved();
        service.figures.put(NOV, new long[]{120, 80, 5, 12000, 600});
        service.figures.put(OCT, new long[]{300, 210, 9, 45000, 2250});
        service.figures.put(Instant.EPOCH, new long[]{1500, 1000, 40, 200000, 10000});
        ChatDriver chat = member();

        chat.tap("a:stats");
        assertThat(chat.text()).contains("Your stats: November 2026", "Clicks: 120", "Unique clicks: 80", "Conversions: 5",
                "Revenue: ₹12,000.00", "Commission: ₹600.00");
        assertThat(service.statsAsked.getLast()).containsExactly(NOV, DEC);
        assertThat(chat.choiceIds()).containsExactly("a:stats:l", "a:stats:a", "a:menu");

        chat.tap("a:stats:l");
        assertThat(chat.text()).contains("Your stats: October 2026", "Clicks: 300", "Revenue: ₹45,000.00");
        assertThat(service.statsAsked.getLast()).containsExactly(OCT, NOV);
        assertThat(chat.choiceIds()).containsExactly("a:stats:m", "a:stats:a", "a:menu");

        chat.tap("a:stats:a");
        assertThat(chat.text()).contains("all time", "Clicks: 1,500", "Commission: ₹10,000.00");
        assertThat(service.statsAsked.getLast()).containsExactly(Instant.EPOCH, DEC);
        assertThat(a.id()).isPositive();
    }

    @Test
    void commissionsShowTotalsAndTheLatest() {
        Affiliate a = approved();
        service.commissions.add(commission(1, a.id(), "B-1001", 1, "120", CommissionStatus.PENDING, 1));
        service.commissions.add(commission(2, a.id(), "B-1002", 2, "30", CommissionStatus.PENDING, 2));
        service.commissions.add(commission(3, a.id(), "B-0990", 1, "700", CommissionStatus.APPROVED, 20));
        service.commissions.add(commission(4, a.id(), "B-0900", 1, "400", CommissionStatus.PAID, 60));
        service.approved.put(a.id(), inr("700"));
        service.payouts.add(new Payout(9, a.id(), inr("400"), PayoutStatus.PAID, NOV.minusSeconds(86_400 * 20),
                NOV.minusSeconds(86_400 * 10), "UPI", "UTR1", null, "manager"));
        ChatDriver chat = member();
        chat.tap("a:comm");
        assertThat(chat.text()).contains("Pending (in the hold period): ₹150.00", "Approved (ready to pay out): ₹700.00",
                "Paid: ₹400.00", "20 Nov 2026 · ₹120.00 · pending · bill B-1001",
                "19 Nov 2026 · ₹30.00 · pending · bill B-1002 (team bonus)");
        assertThat(chat.choiceIds()).containsExactly("a:payout", "a:menu");
        chat.tap("a:payout");
        assertThat(chat.step).isEqualTo("payout.confirm");
        chat.send("maybe");
        assertThat(chat.step).as("invalid input stays").isEqualTo("payout.confirm");
        assertThat(chat.text()).contains("Please tap *Request payout* or *Cancel*.");
        chat.send("no");
        assertThat(chat.step).isEqualTo("menu");
        assertThat(chat.text()).contains("no payout was requested");
        assertThat(service.payoutRequests).isEmpty();
    }

    private static Commission commission(long id, long affiliateId, String bill, int level, String amount,
                                         CommissionStatus status, int daysAgo) {
        Instant at = FakeContext.NOW.minusSeconds(86_400L * daysAgo);
        return new Commission(id, affiliateId, bill, 5, level, inr("1000"), inr(amount), status, null, at,
                at.plusSeconds(86_400 * 14), null, null);
    }

    @Test
    void payoutRefusalsAreExplained() {
        Affiliate a = approved();
        ChatDriver chat = member();
        chat.tap("a:payout");
        assertThat(chat.step).isEqualTo("payout");
        assertThat(chat.text()).contains("nothing to pay out yet", "₹0.00");
        assertThat(service.payoutRequests).isEmpty();

        service.approved.put(a.id(), inr("120"));
        chat.tap("a:menu");
        chat.tap("a:payout");
        chat.send("yes");
        assertThat(service.payoutRequests).hasSize(1);
        assertThat(chat.text()).contains("Your approved balance of ₹120.00 is below the minimum payout");
        assertThat(chat.choiceIds()).containsExactly("a:comm", "a:menu");

        service.approved.put(a.id(), inr("900"));
        chat.tap("a:menu");
        chat.tap("a:payout");
        service.payouts.add(new Payout(5, a.id(), inr("900"), PayoutStatus.REQUESTED, FakeContext.NOW, null, null, null,
                null, null)); // from the admin UI meanwhile
        chat.tap("p:ok");
        assertThat(chat.text()).contains("You already requested a payout of ₹900.00 on 21 Nov 2026");
    }

    @Test
    void aBalanceBelowTheSettingsMinimumIsNotOfferedForPayout() {
        context.settings.put("payout-minimum", "500");
        Affiliate a = approved();
        service.approved.put(a.id(), inr("499.99"));
        ChatDriver chat = member();
        chat.tap("a:payout");
        assertThat(chat.step).isEqualTo("payout");
        assertThat(chat.text()).contains("Your approved balance is ₹499.99. You can request a payout once it reaches ₹500.00");
        assertThat(chat.choiceIds()).containsExactly("a:comm", "a:menu");
        assertThat(service.payoutRequests).isEmpty();

        service.approved.put(a.id(), inr("500"));
        chat.send("/payout");
        assertThat(chat.step).isEqualTo("payout.confirm");
    }

    @Test
    void theLeaderboardMarksYou() {
        Affiliate me = approved();
        Affiliate ravi = service.add("Ravi Kumar Verma", "+919811111111", 42L, AffiliateStatus.APPROVED, null);
        Affiliate asha = service.add("Asha", "+919822222222", 43L, AffiliateStatus.APPROVED, null);
        service.leaderboard.add(new AffiliateStats(ravi.id(), NOV, DEC, 500, 300, 12, inr("60000"), inr("3000")));
        service.leaderboard.add(new AffiliateStats(me.id(), NOV, DEC, 200, 150, 7, inr("30500"), inr("1525")));
        service.leaderboard.add(new AffiliateStats(asha.id(), NOV, DEC, 90, 60, 3, inr("9000"), inr("450")));
        ChatDriver chat = member();
        chat.tap("a:board");
        assertThat(chat.text()).contains("Top affiliates: November 2026", "1. Ravi V. – conversions: 12, revenue: ₹60,000.00",
                "2. Priya S. – conversions: 7, revenue: ₹30,500.00 👈 you",
                "3. Asha – conversions: 3, revenue: ₹9,000.00")
                .doesNotContain("+91");

        service.leaderboard.remove(1);
        service.figures.put(NOV, new long[]{20, 10, 1, 800, 40});
        chat.send("/leaderboard");
        assertThat(chat.text()).doesNotContain("👈").contains("You this month – conversions: 1, revenue: ₹800.00.");
        assertThat(chat.choiceIds()).containsExactly("a:stats:m", "a:menu");
    }

    // ---- Hindi ---------------------------------------------------------------------------------------

    @Test
    void anApprovedAffiliateInHindi() {
        Affiliate a = approved();
        service.figures.put(NOV, new long[]{1200, 800, 5, 123456, 6172});
        service.approved.put(a.id(), inr("1250.5"));
        ChatDriver chat = member();
        chat.tap("a:lang");
        assertThat(chat.choiceIds()).containsExactly("g:en", "g:hi");
        chat.tap("g:hi");
        assertThat(chat.language).isEqualTo("hi");
        assertThat(chat.text()).contains("अब से मैं हिंदी में लिखूँगा", "आप क्या करना चाहेंगे?");
        chat.tap("a:stats");
        assertThat(chat.text()).contains("आपके आंकड़े: नवंबर 2026", "क्लिक: 1,200", "बिक्री: ₹123,456.00", "कमीशन: ₹6,172.00");
        chat.send("भुगतान");
        assertThat(chat.text()).contains("आपका मंज़ूर बैलेंस *₹1,250.50* है");
        chat.tap("p:ok");
        assertThat(chat.text()).contains("₹1,250.50 का भुगतान माँगा गया");
        chat.send("/payout");
        assertThat(chat.text()).contains("आपने 21 नवंबर 2026 को ₹1,250.50 का भुगतान माँगा है");
        chat.send("english");
        assertThat(chat.language).isEqualTo("en");
        assertThat(chat.text()).contains("I will write in English");
    }
}
