package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerChanges;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.Kid;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.PointsBalance;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.Voucher;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation with a customer: the menu and its tasks. Taps carry what they are about (the reward or
 * kid id), so a tap on an older message still works; only the redeem confirmation is bound to its step.
 * Typed text is read by the step that expects it (a kid's name and birthday, Confirm/Cancel), else as a
 * keyword or menu number, else "Sorry, I didn't get that" and the menu.
 */
final class Membership {
    static final String MENU = "menu";
    static final String POINTS = "points";
    static final String REWARDS = "rewards";
    static final String REWARD = "reward";
    static final String CONFIRM = "redeem.confirm";
    static final String VOUCHERS = "vouchers";
    static final String HISTORY = "history";
    static final String KIDS = "kids";
    static final String KID_NAME = "kid.name";
    static final String KID_BIRTHDAY = "kid.birthday";
    static final String KID_REMOVE = "kid.remove";
    static final String REFER = "refer";
    static final String LANGUAGE = "language";
    static final String HELP = "help";
    static final String STOPPED = "stopped";

    /** Refusal codes of a redemption with their own text; others get {@code redeem.failed}. */
    static final Map<String, String> REDEEM_REFUSALS = Map.of(
            "insufficient-points", "redeem.failed.insufficient-points",
            "out-of-stock", "redeem.failed.out-of-stock",
            "limit-reached", "redeem.failed.limit-reached",
            "tier-too-low", "redeem.failed.tier-too-low",
            "reward-inactive", "redeem.failed.not-available",
            "reward-not-valid", "redeem.failed.not-available",
            "unknown-reward", "redeem.failed.not-available");

    private final FlowSupport support;

    Membership(FlowSupport support) {
        this.support = support;
    }

    /** One turn of a customer who may use the menu (not blocked or erased). */
    ChatStep handle(ChatTurn turn, Customer c) {
        String switchTo = null;
        if (turn.isNewConversation() && c.language() != null && !c.language().equals(turn.language())
                && FlowSupport.LANGUAGES.contains(c.language())) {
            switchTo = c.language(); // a new conversation speaks the customer's language from the first answer
        }
        Turn x = new Turn(turn, c, support.screens(switchTo == null ? turn.texts() : support.texts(turn, switchTo)));
        ChatStep step = route(x);
        return switchTo == null || step.language() != null ? step : step.inLanguage(switchTo);
    }

    /** A turn with the customer and the screens in the language of the answer. */
    private record Turn(ChatTurn turn, Customer c, Screens s) {
        Texts t() {
            return s.texts();
        }
    }

    private ChatStep route(Turn x) {
        ChatTurn turn = x.turn();
        switch (turn.intent()) {
            case STOP -> {
                return stop(x);
            }
            case START -> {
                return start(x);
            }
            case STOP_OFFERS, START_OFFERS -> {
                return offers(x, turn.intent() == io.loyaltyhub.api.chat.Intent.START_OFFERS);
            }
            case MENU -> {
                return menu(x, x.s().hello(x.c()));
            }
            case HELP -> {
                return ChatStep.to(HELP, x.s().help());
            }
            case NONE -> {
                // below
            }
        }
        Inbound in = turn.input();
        if (in.kind() == Inbound.Kind.CHOICE) {
            return choice(x, in.choice());
        }
        String text = in.text();
        switch (turn.step()) {
            case KID_NAME -> {
                return kidName(x, text);
            }
            case KID_BIRTHDAY -> {
                return kidBirthday(x, text);
            }
            case CONFIRM -> {
                Keywords words = support.keywords(turn);
                long rewardId = Long.parseLong(turn.data().getOrDefault("reward", "0"));
                if (words.isYes(text)) {
                    return redeem(x, rewardId);
                }
                if (words.isNo(text)) {
                    return cancelled(x);
                }
                if (words.task(text).isEmpty() && words.language(text).isEmpty()) {
                    Optional<Reward> r = reward(x, rewardId);
                    if (r.isPresent()) {
                        return ChatStep.stay(turn, x.s().confirmExpected(r.get(), balance(x).available()));
                    }
                }
            }
            default -> {
                // the words below
            }
        }
        return typed(x, text);
    }

    /** Typed text outside a step that expects it: a language name, a keyword or a menu number. */
    private ChatStep typed(Turn x, String text) {
        Keywords words = support.keywords(x.turn());
        Optional<String> language = words.language(text);
        if (language.isPresent()) {
            return language(x, language.get());
        }
        Optional<Task> task = words.task(text);
        if (task.isPresent()) {
            return task(x, task.get(), null);
        }
        if (x.turn().isNewConversation()) {
            return menu(x, x.s().hello(x.c()));
        }
        return menu(x, x.t().get("unknown"));
    }

    private ChatStep choice(Turn x, String id) {
        if (id.equals("m:menu")) {
            return menu(x, null);
        }
        Optional<Task> task = Task.byChoice(id);
        if (task.isPresent()) {
            return task(x, task.get(), id);
        }
        String[] p = id.split(":");
        try {
            switch (p[0]) {
                case "r" -> {
                    if (p.length == 3 && p[1].equals("p")) {
                        return rewards(x, Integer.parseInt(p[2]));
                    }
                    long rewardId = Long.parseLong(p[1]);
                    if (p.length == 2) {
                        return rewardDetails(x, rewardId, null);
                    }
                    switch (p[2]) {
                        case "redeem" -> {
                            return confirm(x, rewardId);
                        }
                        case "ok" -> {
                            return redeem(x, rewardId);
                        }
                        case "no" -> {
                            return cancelled(x);
                        }
                        default -> {
                            // unknown
                        }
                    }
                }
                case "k" -> {
                    if (id.equals("k:add")) {
                        return addKid(x);
                    }
                    if (id.equals("k:remove")) {
                        return kidRemoval(x);
                    }
                    if (p.length == 3 && p[1].equals("rm")) {
                        return removeKid(x, Long.parseLong(p[2]));
                    }
                }
                case "l" -> {
                    if (p.length == 2 && FlowSupport.LANGUAGES.contains(p[1])) {
                        return language(x, p[1]);
                    }
                }
                default -> {
                    // c:yes, n:profile, b:skip from joining, or anything else: the menu
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // a malformed id: the menu
        }
        return menu(x, x.turn().isNewConversation() ? x.s().hello(x.c()) : null);
    }

    private ChatStep task(Turn x, Task task, String choiceId) {
        return switch (task) {
            case POINTS -> ChatStep.to(POINTS, x.s().points(balance(x), support.loyalty().tiers()));
            case REWARDS -> rewards(x, 0);
            case VOUCHERS -> ChatStep.to(VOUCHERS, x.s().vouchers(support.rewards().vouchersOf(x.c().id())));
            case HISTORY -> ChatStep.to(HISTORY, x.s().history(support.loyalty().history(x.c().id(), Screens.HISTORY_LINES)));
            case KIDS -> ChatStep.to(KIDS, x.s().kids(x.c().kids()));
            case REFER -> refer(x);
            case LANGUAGE -> ChatStep.to(LANGUAGE, x.s().language(FlowSupport.LANGUAGES));
            case HELP -> ChatStep.to(HELP, x.s().help());
            case MESSAGES -> "m:start".equals(choiceId) || (choiceId == null && x.c().status() == CustomerStatus.OPTED_OUT)
                    ? start(x) : stop(x);
        };
    }

    private ChatStep menu(Turn x, String lead) {
        Reply menu = x.s().menu(x.c());
        return ChatStep.to(MENU, lead == null ? menu : Screens.lead(lead, menu));
    }

    private PointsBalance balance(Turn x) {
        return support.loyalty().balance(x.c().id());
    }

    // ---- stop and start ----------------------------------------------------------------------------

    private ChatStep stop(Turn x) {
        support.loyalty().setConsent(FlowSupport.actor(x.turn()), x.c().id(), false, FlowSupport.CONSENT_SOURCE);
        return ChatStep.to(STOPPED, Reply.text(x.t().get("stop.done")));
    }

    private ChatStep start(Turn x) {
        Customer c = support.loyalty().setConsent(FlowSupport.actor(x.turn()), x.c().id(), true, FlowSupport.CONSENT_SOURCE);
        return ChatStep.to(MENU, Screens.lead(x.t().get("start.done"), x.s().menu(c)));
    }

    /** STOP OFFERS / START OFFERS: the marketing opt-in only; messages about points keep coming. */
    private ChatStep offers(Turn x, boolean on) {
        Customer c = support.loyalty().setMarketingConsent(FlowSupport.actor(x.turn()), x.c().id(), on,
                FlowSupport.CONSENT_SOURCE);
        return ChatStep.to(MENU, Screens.lead(x.t().get(on ? "offers.started" : "offers.stopped"), x.s().menu(c)));
    }

    // ---- rewards -----------------------------------------------------------------------------------

    private ChatStep rewards(Turn x, int page) {
        List<Reward> available = support.rewards().availableFor(x.c().id());
        return ChatStep.to(REWARDS, x.s().rewards(available, balance(x).available(), page)).with("page", String.valueOf(page));
    }

    private Optional<Reward> reward(Turn x, long rewardId) {
        return support.rewards().availableFor(x.c().id()).stream().filter(r -> r.id() == rewardId).findFirst();
    }

    private ChatStep rewardDetails(Turn x, long rewardId, String lead) {
        Optional<Reward> r = reward(x, rewardId);
        if (r.isEmpty()) {
            return gone(x);
        }
        Reply details = x.s().reward(r.get(), balance(x).available());
        return ChatStep.to(REWARD, lead == null ? details : Screens.lead(lead, details)).with("reward", String.valueOf(rewardId));
    }

    private ChatStep gone(Turn x) {
        List<Reward> available = support.rewards().availableFor(x.c().id());
        return ChatStep.to(REWARDS, Screens.lead(x.t().get("reward.gone"), x.s().rewards(available, balance(x).available(), 0)));
    }

    private ChatStep confirm(Turn x, long rewardId) {
        Optional<Reward> r = reward(x, rewardId);
        if (r.isEmpty()) {
            return gone(x);
        }
        long points = balance(x).available();
        if (points < r.get().pointsCost()) {
            return rewardDetails(x, rewardId, null); // says how many points are missing
        }
        return ChatStep.to(CONFIRM, x.s().confirm(r.get(), points)).with("reward", String.valueOf(rewardId));
    }

    /** Confirm: only in the confirmation step of this reward, so a second tap on Confirm redeems nothing. */
    private ChatStep redeem(Turn x, long rewardId) {
        ChatTurn turn = x.turn();
        if (!turn.step().equals(CONFIRM) || !String.valueOf(rewardId).equals(turn.data().get("reward"))) {
            return rewardDetails(x, rewardId, x.t().get("redeem.expired"));
        }
        try {
            Voucher v = support.rewards().redeem(FlowSupport.actor(turn), x.c().id(), rewardId,
                    FlowSupport.idempotencyKey(turn));
            return ChatStep.to(MENU, x.s().voucher(v));
        } catch (Rejected e) {
            return ChatStep.to(MENU, x.s().redeemFailed(REDEEM_REFUSALS.getOrDefault(e.code(), "redeem.failed")));
        }
    }

    private ChatStep cancelled(Turn x) {
        List<Reward> available = support.rewards().availableFor(x.c().id());
        return ChatStep.to(REWARDS, Screens.lead(x.t().get("redeem.cancelled"),
                x.s().rewards(available, balance(x).available(), 0))).with("page", "0");
    }

    // ---- kids --------------------------------------------------------------------------------------

    private ChatStep addKid(Turn x) {
        if (x.c().kids().size() >= Screens.MAX_KIDS) {
            return ChatStep.to(KIDS, Screens.lead(x.t().get("kids.full"), x.s().kids(x.c().kids())));
        }
        return ChatStep.to(KID_NAME, Reply.text(x.t().get("kid.name.ask")));
    }

    private ChatStep kidName(Turn x, String text) {
        Optional<String> name = Names.clean(text);
        if (name.isEmpty()) {
            return ChatStep.stay(x.turn(), Reply.text(x.t().get("kid.name.invalid")));
        }
        return ChatStep.to(KID_BIRTHDAY, Reply.text(x.t().get("kid.birthday.ask", name.get()))).with("kid", name.get());
    }

    private ChatStep kidBirthday(Turn x, String text) {
        String name = x.turn().data().getOrDefault("kid", "");
        Optional<Birthday> birthday = BirthdayParser.parse(text, support.today());
        if (birthday.isEmpty() || name.isEmpty()) {
            return ChatStep.stay(x.turn(), Reply.text(x.t().get("kid.birthday.invalid", name)));
        }
        String lead;
        try {
            Kid kid = support.loyalty().addKid(FlowSupport.actor(x.turn()), x.c().id(), name, birthday.get());
            lead = x.t().get("kid.added", kid.name(), x.s().formats().birthday(kid.birthday()));
        } catch (Rejected e) {
            lead = x.t().get(e.code().equals("too-many-kids") ? "kids.full" : "error.generic");
        }
        return ChatStep.to(KIDS, Screens.lead(lead, x.s().kids(kidsNow(x))));
    }

    private List<Kid> kidsNow(Turn x) {
        return support.loyalty().find(x.c().id()).map(Customer::kids).orElse(List.of());
    }

    private ChatStep kidRemoval(Turn x) {
        if (x.c().kids().isEmpty()) {
            return ChatStep.to(KIDS, x.s().kids(List.of()));
        }
        return ChatStep.to(KID_REMOVE, x.s().kidRemoval(x.c().kids()));
    }

    private ChatStep removeKid(Turn x, long kidId) {
        Optional<Kid> kid = x.c().kids().stream().filter(k -> k.id() == kidId).findFirst();
        if (kid.isEmpty()) {
            return ChatStep.to(KIDS, Screens.lead(x.t().get("kid.gone"), x.s().kids(x.c().kids())));
        }
        try {
            support.loyalty().removeKid(FlowSupport.actor(x.turn()), x.c().id(), kidId);
        } catch (Rejected e) {
            return ChatStep.to(KIDS, Screens.lead(x.t().get("kid.gone"), x.s().kids(kidsNow(x))));
        }
        return ChatStep.to(KIDS, Screens.lead(x.t().get("kid.removed", kid.get().name()), x.s().kids(kidsNow(x))));
    }

    // ---- refer and language ------------------------------------------------------------------------

    private ChatStep refer(Turn x) {
        String code = support.loyalty().referralCode(x.c().id());
        List<Reply> replies = x.s().refer(code, support.referralLink(code));
        return new ChatStep(replies, REFER, Map.of(), null);
    }

    /** Answers in the new language at once, and remembers it for the conversation and the customer. */
    private ChatStep language(Turn x, String language) {
        Customer c = x.c();
        if (!language.equals(c.language())) {
            c = support.loyalty().update(FlowSupport.actor(x.turn()), c.id(), new CustomerChanges(null, null, language, null));
        }
        Screens s = support.screens(support.texts(x.turn(), language));
        return ChatStep.to(MENU, Screens.lead(s.texts().get("language.set"), s.menu(c))).inLanguage(language);
    }
}
