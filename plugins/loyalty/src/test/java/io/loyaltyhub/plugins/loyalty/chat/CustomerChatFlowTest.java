package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Intent;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.ConsentChange;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.LedgerLine;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.MovementKind;
import io.loyaltyhub.api.loyalty.NewCustomer;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.platform.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customers' conversation turn by turn, against in-memory services and the real bundles. */
class CustomerChatFlowTest {
    private static final String MOBILE = "+919812345678";
    private static final String MENU_IDS_ACTIVE = "[m:points, m:rewards, m:vouchers, m:history, m:kids, m:refer, m:lang, m:help, m:stop]";

    private FakeLoyalty loyalty;
    private FakeRewards rewards;
    private FakeContext context;
    private CustomerChatFlow flow;

    @BeforeEach
    void setUp() {
        loyalty = new FakeLoyalty();
        rewards = new FakeRewards(loyalty);
        context = new FakeContext().with(LoyaltyService.class, loyalty).with(RewardsService.class, rewards);
        flow = new CustomerChatFlow(context);
    }

    private ChatDriver stranger() {
        return new ChatDriver(flow, MOBILE, "Priya Sharma");
    }

    /** A customer whose conversation is in the menu. */
    private ChatDriver member() {
        loyalty.add(MOBILE, "Priya", "en");
        ChatDriver chat = new ChatDriver(flow, MOBILE, "Priya");
        chat.intent(Intent.MENU, "menu");
        return chat;
    }

    @Test
    void describesItself() {
        assertThat(flow.id()).isEqualTo("loyalty.customer");
        assertThat(flow.audience()).isEqualTo(Audience.CUSTOMER);
        assertThat(flow.bundle()).isEqualTo("chat/customer");
    }

    // ---- joining -----------------------------------------------------------------------------------

    @Test
    void aStrangerIsAskedForConsentThenNameAndBirthdayAndJoins() {
        ChatDriver chat = stranger();
        chat.intent(Intent.MENU, "hi");
        assertThat(chat.step).isEqualTo("consent");
        assertThat(chat.text()).contains("Would you like to join?");
        assertThat(chat.choiceIds()).containsExactly("c:yes", "c:no", "l:hi");

        chat.tap("c:yes");
        assertThat(chat.step).isEqualTo("join.name");
        assertThat(chat.choices()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("n:profile");
            assertThat(c.title()).isEqualTo("Priya Sharma");
        });

        chat.tap("n:profile");
        assertThat(chat.step).isEqualTo("join.birthday");
        assertThat(chat.text()).contains("Thanks, Priya Sharma!");
        assertThat(chat.choiceIds()).containsExactly("b:skip");

        chat.send("31/02");
        assertThat(chat.step).as("invalid input stays").isEqualTo("join.birthday");
        assertThat(chat.data).containsEntry("name", "Priya Sharma");
        assertThat(chat.text()).isEqualTo("Please send your birthday as DD/MM, e.g. 15/08, or tap Skip.");
        assertThat(loyalty.joins).isEmpty();

        chat.send("15/08/1990");
        assertThat(loyalty.joins).singleElement().satisfies(n -> {
            assertThat(n.mobile()).isEqualTo(MOBILE);
            assertThat(n.name()).isEqualTo("Priya Sharma");
            assertThat(n.birthday()).isEqualTo(new Birthday(8, 15, 1990));
            assertThat(n.consentSource()).isEqualTo("whatsapp");
            assertThat(n.language()).isEqualTo("en");
            assertThat(n.referralCode()).isNull();
        });
        assertThat(loyalty.actors.getFirst().kind()).isEqualTo(Actor.Kind.SYSTEM);
        assertThat(loyalty.actors.getFirst().name()).isEqualTo("whatsapp");
        assertThat(chat.step).isEqualTo("menu");
        assertThat(chat.text()).startsWith("Welcome to the club, Priya Sharma! 🎉 You have 100 points.");
        assertThat(chat.menu().rows()).hasSize(9);
        assertThat(chat.choiceIds().toString()).isEqualTo(MENU_IDS_ACTIVE);
    }

    @Test
    void aTypedNameAndSkippedBirthdayJoin() {
        ChatDriver chat = new ChatDriver(flow, MOBILE, "");
        chat.send("Hello there");
        chat.send("yes");
        assertThat(chat.step).isEqualTo("join.name");
        assertThat(chat.choices()).as("no profile name, no button").isEmpty();
        chat.send("12345");
        assertThat(chat.step).isEqualTo("join.name");
        assertThat(chat.text()).contains("Please send your name in letters");
        chat.send("  Ravi   Kumar ");
        assertThat(chat.step).isEqualTo("join.birthday");
        chat.tap("b:skip");
        assertThat(loyalty.joins).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("Ravi Kumar");
            assertThat(n.birthday()).isNull();
        });
        assertThat(chat.step).isEqualTo("menu");
    }

    @Test
    void noThanksStoresNothing() {
        ChatDriver chat = stranger();
        chat.send("hello");
        chat.tap("c:no");
        assertThat(chat.step).isEmpty();
        assertThat(chat.data).isEmpty();
        assertThat(chat.text()).contains("we have not stored anything");
        assertThat(loyalty.joins).isEmpty();
        assertThat(loyalty.members).isEmpty();
    }

    @Test
    void consentExpectsYesOrNo() {
        ChatDriver chat = stranger();
        chat.send("hello");
        chat.send("what is this?");
        assertThat(chat.step).isEqualTo("consent");
        assertThat(chat.text()).contains("Please tap *Yes, join*");
        assertThat(chat.choiceIds()).containsExactly("c:yes", "c:no", "l:hi");
    }

    @Test
    void aFriendsCodeIsRememberedThroughTheJoin() {
        ChatDriver chat = stranger();
        chat.send("JOIN ab3cd7");
        assertThat(chat.data).containsEntry("ref", "AB3CD7");
        assertThat(chat.text()).contains("A friend invited you (code AB3CD7).");
        chat.tap("c:yes");
        chat.send("Ravi");
        chat.send("skip");
        assertThat(loyalty.joins).singleElement().extracting(NewCustomer::referralCode).isEqualTo("AB3CD7");
    }

    @Test
    void aCodeAloneInTheFirstMessageCountsToo() {
        ChatDriver chat = stranger();
        chat.send("Hi! My friend gave me K7PQ2M");
        assertThat(chat.data).containsEntry("ref", "K7PQ2M");
        chat.send("हाँ");
        chat.tap("n:profile");
        chat.tap("b:skip");
        assertThat(loyalty.joins).singleElement().extracting(NewCustomer::referralCode).isEqualTo("K7PQ2M");
    }

    @Test
    void helpWhileJoiningExplainsAndAsksAgain() {
        ChatDriver chat = stranger();
        chat.send("hello");
        chat.tap("c:yes");
        chat.intent(Intent.HELP, "help");
        assertThat(chat.step).isEqualTo("join.name");
        assertThat(chat.text()).contains("I am the rewards club assistant").contains("What is your name?");
    }

    @Test
    void stopWhileJoiningEndsItWithNothingStored() {
        ChatDriver chat = stranger();
        chat.send("hello");
        chat.tap("c:yes");
        chat.tap("n:profile");
        chat.intent(Intent.STOP, "stop");
        assertThat(chat.step).isEmpty();
        assertThat(chat.text()).contains("we will not message you");
        assertThat(loyalty.members).isEmpty();
    }

    @Test
    void aStrangerCanSwitchToHindiBeforeJoining() {
        ChatDriver chat = stranger();
        chat.send("hello");
        chat.tap("l:hi");
        assertThat(chat.language).isEqualTo("hi");
        assertThat(chat.step).isEqualTo("consent");
        assertThat(chat.text()).contains("क्या आप जुड़ना चाहेंगे?");
        assertThat(chat.choiceIds()).containsExactly("c:yes", "c:no", "l:en");
        chat.tap("c:yes");
        assertThat(chat.text()).contains("आपका नाम क्या है?");
        chat.send("प्रिया");
        chat.send("१५/०८");
        assertThat(loyalty.joins).singleElement().satisfies(n -> {
            assertThat(n.language()).isEqualTo("hi");
            assertThat(n.name()).isEqualTo("प्रिया");
            assertThat(n.birthday()).isEqualTo(new Birthday(8, 15, null));
        });
        assertThat(chat.text()).startsWith("क्लब में स्वागत है, प्रिया!");
        assertThat(chat.menu().rows().getFirst().title()).isEqualTo("1. पॉइंट और टियर");
    }

    // ---- known customers ----------------------------------------------------------------------------

    @Test
    void aKnownCustomerInANewConversationJustGetsTheMenu() {
        loyalty.add(MOBILE, "Priya", "en");
        ChatDriver chat = new ChatDriver(flow, MOBILE, "Priya");
        chat.send("good morning");
        assertThat(chat.step).isEqualTo("menu");
        assertThat(chat.text()).startsWith("Hello Priya! 👋");
        assertThat(chat.choiceIds().toString()).isEqualTo(MENU_IDS_ACTIVE);
        assertThat(loyalty.joins).isEmpty();
    }

    @Test
    void aNewConversationSpeaksTheCustomersLanguage() {
        loyalty.add(MOBILE, "Priya", "hi");
        ChatDriver chat = new ChatDriver(flow, MOBILE, "Priya");
        chat.intent(Intent.MENU, "hi");
        assertThat(chat.language).isEqualTo("hi");
        assertThat(chat.text()).startsWith("नमस्ते Priya! 👋");
    }

    @Test
    void pointsShowBalancePendingTierProgressAndExpiry() {
        ChatDriver chat = member();
        FakeLoyalty.Member m = loyalty.byMobile(MOBILE);
        m.available = 1200;
        m.pending = 75;
        m.lifetime = 1500;
        m.expiringSoon = 200;
        m.expiringBy = Instant.parse("2026-12-21T06:00:00Z");
        chat.tap("m:points");
        assertThat(chat.step).isEqualTo("points");
        assertThat(chat.text()).isEqualTo("""
                Your points: *1,200*
                Pending: 75 (usable after the return period)
                Tier: *Silver*
                Earn 3,500 more points to reach Gold.
                ⚠️ 200 points expire by 21 Dec 2026. Use them before then.""");
        assertThat(chat.choiceIds()).containsExactly("m:rewards", "m:history", "m:menu");

        m.tier = "PLATINUM";
        m.expiringSoon = 0;
        m.pending = 0;
        chat.send("balance");
        assertThat(chat.text()).isEqualTo("Your points: *1,200*\nTier: *Platinum*\nYou are in our top tier. Thank you! 🌟");
    }

    @Test
    void wordsAndNumbersInEitherLanguageOpenTasks() {
        ChatDriver chat = member();
        chat.send("What is my balance?");
        assertThat(chat.step).isEqualTo("points");
        chat.send("बैलेंस");
        assertThat(chat.step).isEqualTo("points");
        assertThat(chat.language).as("typing Hindi does not switch the language").isEqualTo("en");
        chat.send("2");
        assertThat(chat.step).isEqualTo("rewards");
        chat.send("history");
        assertThat(chat.step).isEqualTo("history");
        chat.send("5");
        assertThat(chat.step).isEqualTo("kids");
        chat.send("refer a friend");
        assertThat(chat.step).isEqualTo("refer");
        chat.send("भाषा");
        assertThat(chat.step).isEqualTo("language");
        chat.send("8");
        assertThat(chat.step).isEqualTo("help");
        assertThat(chat.text()).contains("points, balance, rewards");
    }

    @Test
    void unknownTextSaysSoAndShowsTheMenu() {
        ChatDriver chat = member();
        chat.tap("m:points");
        chat.send("asdf qwerty");
        assertThat(chat.step).isEqualTo("menu");
        assertThat(chat.text()).startsWith("Sorry, I didn’t get that.");
        assertThat(chat.choiceIds().toString()).isEqualTo(MENU_IDS_ACTIVE);
    }

    @Test
    void blockedCustomersGetAPoliteTextAndNoMenu() {
        loyalty.add(MOBILE, "Priya", "en").status = CustomerStatus.BLOCKED;
        ChatDriver chat = new ChatDriver(flow, MOBILE, "Priya");
        chat.send("points");
        assertThat(chat.text()).contains("your membership is on hold");
        assertThat(chat.choices()).isEmpty();
        chat.intent(Intent.MENU, "menu");
        assertThat(chat.choices()).isEmpty();
    }

    // ---- rewards ------------------------------------------------------------------------------------

    @Test
    void redeemingTakesThreeTapsAndAConfirmationKeyedByTheMessage() {
        rewards.add(12, "Free coffee", 500);
        rewards.add(13, "Tote bag", 5000);
        ChatDriver chat = member();
        loyalty.byMobile(MOBILE).available = 800;

        chat.tap("m:rewards");                                   // 1
        assertThat(chat.step).isEqualTo("rewards");
        assertThat(chat.text()).isEqualTo("You have 800 points. Rewards you can get:");
        assertThat(chat.menu().rows()).extracting(c -> c.id() + "|" + c.title() + "|" + c.description()).containsExactly(
                "r:12|Free coffee|Costs 500 points",
                "r:13|Tote bag|Costs 5,000 points, you need 4,200 more",
                "m:vouchers|My vouchers|Codes of the rewards you redeemed");

        chat.tap("r:12");                                        // 2
        assertThat(chat.step).isEqualTo("reward");
        assertThat(chat.text()).contains("*Free coffee*", "A treat from the counter.", "Cost: 500 points",
                "valid for 30 days", "Offer ends 1 Jan 2027.");
        assertThat(chat.choiceIds()).containsExactly("r:12:redeem", "m:rewards", "m:menu");

        chat.tap("r:12:redeem");                                 // 3
        assertThat(chat.step).isEqualTo("redeem.confirm");
        assertThat(chat.text()).isEqualTo("Redeem *Free coffee* for 500 points? You will have 300 points left.");
        assertThat(chat.choiceIds()).containsExactly("r:12:ok", "r:12:no");
        assertThat(rewards.redeemKeys).as("nothing before the confirmation").isEmpty();

        chat.tap("r:12:ok");
        assertThat(rewards.redeemKeys).containsExactly("chat:" + chat.lastMessageId);
        assertThat(chat.text()).isEqualTo("🎁 Done! Your voucher code for Free coffee is *ABCD-EFGH-JK20*, valid until "
                + "21 Dec 2026. Show it at the counter.");
        assertThat(chat.step).isEqualTo("menu");

        chat.tapOld("r:12:ok"); // a second tap on the same Confirm button
        assertThat(rewards.redeemKeys).as("a stale confirmation redeems nothing").hasSize(1);
        assertThat(chat.text()).startsWith("That confirmation is no longer open.");
        assertThat(chat.step).isEqualTo("reward");

        chat.tap("m:menu");
        chat.tap("m:vouchers");
        assertThat(chat.text()).isEqualTo("Your vouchers:\n*ABCD-EFGH-JK20* Free coffee, valid until 21 Dec 2026");
    }

    @Test
    void aRewardOutOfReachHasNoRedeemButton() {
        rewards.add(13, "Tote bag", 5000);
        ChatDriver chat = member();
        chat.tap("m:rewards");
        chat.tap("r:13");
        assertThat(chat.text()).contains("You have 100 points: 4,900 more needed for this reward.");
        assertThat(chat.choiceIds()).containsExactly("m:rewards", "m:menu");
    }

    @Test
    void typedYesConfirmsAndOtherTextAsksAgain() {
        rewards.add(12, "Free coffee", 50);
        ChatDriver chat = member();
        chat.tap("m:rewards");
        chat.tap("r:12");
        chat.tap("r:12:redeem");
        chat.send("hmm");
        assertThat(chat.step).isEqualTo("redeem.confirm");
        assertThat(chat.text()).startsWith("Please tap *Confirm* to redeem or *Cancel*.");
        assertThat(rewards.redeemKeys).isEmpty();
        chat.send("haan");
        assertThat(rewards.redeemKeys).containsExactly("chat:" + chat.lastMessageId);
    }

    @Test
    void cancelRedeemsNothing() {
        rewards.add(12, "Free coffee", 50);
        ChatDriver chat = member();
        chat.tap("m:rewards");
        chat.tap("r:12");
        chat.tap("r:12:redeem");
        chat.tap("r:12:no");
        assertThat(rewards.redeemKeys).isEmpty();
        assertThat(chat.step).isEqualTo("rewards");
        assertThat(chat.text()).startsWith("OK, nothing was redeemed.");
    }

    @Test
    void aRefusedRedemptionSaysWhyAndOffersTheWayBack() {
        rewards.add(12, "Free coffee", 50);
        rewards.refuse = Rejected.conflict("out-of-stock", "Free coffee is out of stock.");
        ChatDriver chat = member();
        chat.tap("m:rewards");
        chat.tap("r:12");
        chat.tap("r:12:redeem");
        chat.tap("r:12:ok");
        assertThat(chat.text()).isEqualTo("Sorry, this reward has just run out.");
        assertThat(chat.choiceIds()).containsExactly("m:rewards", "m:menu");
        assertThat(chat.step).isEqualTo("menu");

        rewards.refuse = Rejected.conflict("insufficient-points", "Not enough wallet points for 50.");
        chat.tap("m:rewards");
        chat.tap("r:12");
        chat.tap("r:12:redeem");
        chat.tap("r:12:ok");
        assertThat(chat.text()).isEqualTo("Sorry, you do not have enough points for this reward yet.");
    }

    @Test
    void manyRewardsArePaged() {
        for (int i = 1; i <= 12; i++) {
            rewards.add(i, "Reward number " + i, i * 10L);
        }
        ChatDriver chat = member();
        chat.tap("m:rewards");
        assertThat(chat.choiceIds()).hasSize(10).contains("r:1", "r:8", "r:p:1", "m:vouchers").doesNotContain("r:9");
        chat.tap("r:p:1");
        assertThat(chat.choiceIds()).containsExactly("r:9", "r:10", "r:11", "r:12", "m:vouchers");
    }

    // ---- history, kids, refer ----------------------------------------------------------------------

    @Test
    void historyShowsSignedPointsReasonAndDate() {
        ChatDriver chat = member();
        FakeLoyalty.Member m = loyalty.byMobile(MOBILE);
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        m.history.add(new LedgerLine(3, at, MovementKind.REDEEM, -500, false, "redeemed Free coffee", "reward:12"));
        m.history.add(new LedgerLine(2, at, MovementKind.EARN, 25, true, "bill B-1001", "bill:B-1001"));
        m.history.add(new LedgerLine(1, at, MovementKind.BONUS, 100, false, "sign-up bonus", "customer:1"));
        chat.tap("m:history");
        assertThat(chat.text()).isEqualTo("""
                Your latest points:
                -500 Reward · 20 Nov 2026
                +25 Purchase B-1001 (pending) · 20 Nov 2026
                +100 Bonus · 20 Nov 2026""");
    }

    @Test
    void kidsAreAddedListedAndRemoved() {
        ChatDriver chat = member();
        chat.tap("m:kids");
        assertThat(chat.text()).contains("You have not added any kids yet.");
        assertThat(chat.choiceIds()).containsExactly("k:add", "m:menu");

        chat.tap("k:add");
        assertThat(chat.step).isEqualTo("kid.name");
        chat.send("Aarav");
        assertThat(chat.step).isEqualTo("kid.birthday");
        assertThat(chat.text()).isEqualTo("When is Aarav’s birthday? Send DD/MM or DD/MM/YYYY, e.g. 15/08/2018.");
        chat.send("32/13/2018");
        assertThat(chat.step).as("invalid input stays").isEqualTo("kid.birthday");
        assertThat(chat.text()).isEqualTo("Please send Aarav’s birthday as DD/MM or DD/MM/YYYY, e.g. 15/08/2018.");
        chat.send("15-08-2018");
        assertThat(chat.step).isEqualTo("kids");
        assertThat(chat.text()).isEqualTo("Added Aarav, birthday 15 Aug 2018. 🎈\n\nYour kids:\n1. Aarav, birthday 15 Aug 2018");
        assertThat(loyalty.byMobile(MOBILE).kids).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("Aarav");
            assertThat(k.birthday()).isEqualTo(new Birthday(8, 15, 2018));
        });
        assertThat(chat.choiceIds()).containsExactly("k:add", "k:remove", "m:menu");

        long kidId = loyalty.byMobile(MOBILE).kids.getFirst().id();
        chat.tap("k:remove");
        assertThat(chat.step).isEqualTo("kid.remove");
        assertThat(chat.menu().rows()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("k:rm:" + kidId);
            assertThat(r.title()).isEqualTo("Aarav");
        });
        chat.tap("k:rm:" + kidId);
        assertThat(chat.text()).startsWith("Removed Aarav.");
        assertThat(loyalty.byMobile(MOBILE).kids).isEmpty();
    }

    @Test
    void referShowsTheCodeAndALinkOnlyWhenTheNumberIsSet() {
        ChatDriver chat = member();
        chat.tap("m:refer");
        assertThat(chat.replies).hasSize(1);
        assertThat(chat.text()).contains("Your code: *AB3CD1*", "JOIN AB3CD1").doesNotContain("http");

        context.settings.put("whatsapp-number", "919800000000");
        chat.tap("m:menu");
        chat.tap("m:refer");
        assertThat(chat.replies).hasSize(2);
        assertThat(chat.text()).contains("Or share this link: https://wa.me/919800000000?text=JOIN%20AB3CD1")
                .contains("Join our rewards club on WhatsApp and earn points on every purchase: "
                        + "https://wa.me/919800000000?text=JOIN%20AB3CD1");
    }

    // ---- stop and start, language ------------------------------------------------------------------

    @Test
    void stopAndStartWorkFromInsideAnotherStepAndRecordConsent() {
        ChatDriver chat = member();
        chat.tap("m:kids");
        chat.tap("k:add");
        chat.send("Aarav");
        assertThat(chat.step).isEqualTo("kid.birthday");

        chat.intent(Intent.STOP, "STOP");
        FakeLoyalty.Member m = loyalty.byMobile(MOBILE);
        assertThat(m.status).isEqualTo(CustomerStatus.OPTED_OUT);
        assertThat(m.consents).extracting(ConsentChange::given, ConsentChange::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, "whatsapp"));
        assertThat(chat.text()).contains("Send START to get messages again.");
        assertThat(m.kids).as("the half-added kid is dropped").isEmpty();

        chat.send("points");
        assertThat(chat.step).as("an opted-out customer still uses the menu").isEqualTo("points");
        chat.intent(Intent.MENU, "menu");
        assertThat(chat.choiceIds()).last().isEqualTo("m:start");

        chat.intent(Intent.START, "start");
        assertThat(m.status).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(m.consents).extracting(ConsentChange::given).containsExactly(false, true);
        assertThat(chat.text()).startsWith("Welcome back!");
        assertThat(chat.choiceIds()).last().isEqualTo("m:stop");
    }

    @Test
    void menuNineStopsAndThenResumes() {
        ChatDriver chat = member();
        chat.send("9");
        assertThat(loyalty.byMobile(MOBILE).status).isEqualTo(CustomerStatus.OPTED_OUT);
        chat.send("9");
        assertThat(loyalty.byMobile(MOBILE).status).isEqualTo(CustomerStatus.ACTIVE);
    }

    @Test
    void switchingToHindiAnswersInHindiAndRemembersIt() {
        ChatDriver chat = member();
        chat.tap("m:lang");
        assertThat(chat.choiceIds()).containsExactly("l:en", "l:hi");
        assertThat(chat.choices()).extracting(c -> c.title()).containsExactly("English", "हिंदी");
        chat.tap("l:hi");
        assertThat(chat.language).isEqualTo("hi");
        assertThat(loyalty.byMobile(MOBILE).language).isEqualTo("hi");
        assertThat(chat.text()).startsWith("ठीक है, अब से मैं हिंदी में लिखूँगा।");
        assertThat(chat.menu().buttonLabel()).isEqualTo("मेनू");

        loyalty.byMobile(MOBILE).lifetime = 100;
        chat.send("points");
        assertThat(chat.text()).contains("आपके पॉइंट: *100*", "Gold तक पहुँचने के लिए 4,900 पॉइंट और कमाएँ।");
        chat.send("xyz");
        assertThat(chat.text()).startsWith("क्षमा करें, मैं समझ नहीं पाया।");

        chat.send("English");
        assertThat(chat.language).isEqualTo("en");
        assertThat(chat.text()).startsWith("OK, I will write in English from now on.");
    }

    @Test
    void hindiDatesAndTheHindiRedeemConfirmation() {
        rewards.add(12, "Free coffee", 50);
        loyalty.add(MOBILE, "Priya", "hi");
        ChatDriver chat = new ChatDriver(flow, MOBILE, "Priya");
        chat.intent(Intent.MENU, "मेनू");
        chat.tap("m:rewards");
        chat.tap("r:12");
        assertThat(chat.text()).contains("ऑफर 1 जनवरी 2027 तक।");
        chat.tap("r:12:redeem");
        assertThat(chat.text()).isEqualTo("50 पॉइंट में *Free coffee* लें? आपके पास 50 पॉइंट बचेंगे।");
        assertThat(chat.choices()).extracting(c -> c.title()).containsExactly("पक्का करें", "रद्द करें");
        chat.tap("r:12:ok");
        assertThat(rewards.redeemKeys).containsExactly("chat:" + chat.lastMessageId);
        assertThat(chat.text()).contains("वाउचर कोड *ABCD-EFGH-JK20* है, 21 दिसंबर 2026 तक मान्य");
    }

    @Test
    void aVeryLongMessageIdStillMakesAKeyRedeemAccepts() {
        ChatTurn turn = new ChatTurn(new ChatUser("whatsapp", MOBILE, ""), "x".repeat(300), Inbound.text("ok"),
                Intent.NONE, "", Map.of(), new StrictTexts("en"));
        String key = FlowSupport.idempotencyKey(turn);
        assertThat(key).startsWith("chat:").hasSizeLessThanOrEqualTo(100);
        assertThat(FlowSupport.idempotencyKey(turn)).as("the same message, the same key").isEqualTo(key);
    }

    @Test
    void choiceIdsAreShort() {
        for (int i = 1; i <= 12; i++) {
            rewards.add(Long.MAX_VALUE - i, "Reward " + i, 10);
        }
        ChatDriver chat = member();
        chat.tap("m:rewards");
        chat.choices().forEach(c -> assertThat(c.id().length()).isLessThanOrEqualTo(64));
        Reply.Menu menu = chat.menu();
        assertThat(menu.rows()).hasSize(10);
    }
}
