package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.NewLink;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.api.affiliate.ReferralLink;
import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Texts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conversation with an approved affiliate: the menu and its tasks, each within three taps of it. Taps carry
 * what they are about (the link id, the period), so a tap on an older message still works; only the payout
 * confirmation is bound to its step. Typed text is read by the step that expects it (a campaign name, a web
 * address, Yes/No), unless it is a command; otherwise as a command, task word or menu number, else
 * "Sorry, I didn't get that" and the menu.
 */
final class Dashboard {
    static final String MENU = "menu";
    static final String LINKS = "links";
    static final String LINK = "link";
    static final String CAMPAIGN = "link.campaign";
    static final String TARGET = "link.target";
    static final String STATS = "stats";
    static final String COMMISSIONS = "commissions";
    static final String PAYOUT = "payout";
    static final String CONFIRM = "payout.confirm";
    static final String BOARD = "leaderboard";
    static final String LANGUAGE = "language";
    static final String HELP = "help";
    /** Steps of someone who was not (or no longer) approved: the next message after approval says so. */
    private static final Set<String> BEFORE_APPROVAL = Set.of(AffiliateChatFlow.PENDING, AffiliateChatFlow.CLOSED);
    /** Enough to total a status; the hold period keeps pending commissions few, and payouts are few. */
    private static final int TOTAL_LIMIT = 1000;

    private final FlowSupport support;

    Dashboard(FlowSupport support) {
        this.support = support;
    }

    /** A turn with the affiliate and the screens in the conversation's language. */
    private record Turn(ChatTurn turn, Affiliate a, Screens s) {
        Texts t() {
            return s.texts();
        }
    }

    ChatStep handle(ChatTurn turn, Affiliate a) {
        Turn x = new Turn(turn, a, support.screens(turn.texts()));
        switch (turn.intent()) {
            case STOP -> {
                return ChatStep.to(MENU, x.s().withMenu(x.t().get("stop.done")));
            }
            case HELP -> {
                return ChatStep.to(HELP, x.s().help());
            }
            case MENU, START -> {
                return menu(x, greeting(x));
            }
            case NONE -> {
                // below
            }
        }
        if (BEFORE_APPROVAL.contains(turn.step())) {
            return menu(x, greeting(x)); // whatever they sent: the news first
        }
        Inbound in = turn.input();
        if (in.kind() == Inbound.Kind.CHOICE) {
            return choice(x, in.choice());
        }
        String text = in.text();
        if (Keywords.isStart(text)) {
            return menu(x, greeting(x));
        }
        if (!Keywords.isCommand(text)) {
            switch (turn.step()) {
                case CAMPAIGN -> {
                    return campaign(x, text);
                }
                case TARGET -> {
                    return target(x, text);
                }
                case CONFIRM -> {
                    Keywords words = support.keywords(turn);
                    if (words.isYes(text)) {
                        return requestPayout(x);
                    }
                    if (words.isNo(text)) {
                        return payoutCancelled(x);
                    }
                    if (words.task(text).isEmpty() && words.language(text).isEmpty()) {
                        Money balance = service().approvedBalance(x.a().id());
                        return ChatStep.stay(turn, x.s().payoutConfirmExpected(balance, x.a().payoutDetails()));
                    }
                }
                default -> {
                    // the words below
                }
            }
        }
        return typed(x, text);
    }

    private AffiliateService service() {
        return support.affiliates();
    }

    /** Hello with the code; after approval (or reinstatement) the good news instead. */
    private static String greeting(Turn x) {
        if (BEFORE_APPROVAL.contains(x.turn().step())) {
            return x.t().get("approved.welcome", x.a().name(), x.a().code());
        }
        return x.s().hello(x.a().name(), x.a().code());
    }

    /** Typed text outside a step that expects it: a language name, a command, task word or menu number. */
    private ChatStep typed(Turn x, String text) {
        Keywords words = support.keywords(x.turn());
        Optional<String> language = words.language(text);
        if (language.isPresent()) {
            return language(x, language.get());
        }
        Optional<Task> task = words.task(text);
        if (task.isPresent()) {
            return task(x, task.get());
        }
        if (x.turn().isNewConversation()) {
            return menu(x, greeting(x));
        }
        return menu(x, x.t().get("unknown"));
    }

    private ChatStep choice(Turn x, String id) {
        if (id.equals(Screens.MENU)) {
            return menu(x, null);
        }
        Optional<Period> period = Period.byChoice(id);
        if (period.isPresent()) {
            return stats(x, period.get());
        }
        Optional<Task> task = Task.byChoice(id);
        if (task.isPresent()) {
            return task(x, task.get());
        }
        switch (id) {
            case Screens.NEW_LINK -> {
                return ChatStep.to(CAMPAIGN, x.s().askCampaign());
            }
            case Screens.SKIP_TARGET -> {
                return x.turn().step().equals(TARGET) ? createLink(x, null) : links(x, null);
            }
            case Screens.CANCEL_LINK -> {
                return links(x, x.t().get("link.cancelled"));
            }
            case Screens.PAYOUT_OK -> {
                return requestPayout(x);
            }
            case Screens.PAYOUT_NO -> {
                return payoutCancelled(x);
            }
            default -> {
                // below
            }
        }
        if (id.startsWith(Screens.LANGUAGE_PREFIX) && FlowSupport.LANGUAGES.contains(id.substring(2))) {
            return language(x, id.substring(2));
        }
        if (id.startsWith(Screens.LINK_PREFIX) && id.substring(2).matches("[0-9]{1,18}")) {
            return link(x, Long.parseLong(id.substring(2)));
        }
        return menu(x, x.turn().isNewConversation() ? greeting(x) : null); // j:apply, n:profile, or unknown
    }

    private ChatStep task(Turn x, Task task) {
        return switch (task) {
            case LINKS -> links(x, null);
            case STATS -> stats(x, Period.THIS_MONTH);
            case COMMISSIONS -> commissions(x);
            case PAYOUT -> payout(x, null);
            case LEADERBOARD -> leaderboard(x);
            case LANGUAGE -> ChatStep.to(LANGUAGE, x.s().language(FlowSupport.LANGUAGES));
            case HELP -> ChatStep.to(HELP, x.s().help());
        };
    }

    private ChatStep menu(Turn x, String lead) {
        return ChatStep.to(MENU, Screens.lead(lead, x.s().menu()));
    }

    // ---- links -------------------------------------------------------------------------------------

    private List<ReferralLink> linksOf(Turn x) {
        return service().links(x.a().id()).stream()
                .sorted(Comparator.comparing(ReferralLink::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ReferralLink::id, Comparator.reverseOrder()))
                .toList();
    }

    private ChatStep links(Turn x, String lead) {
        return ChatStep.to(LINKS, Screens.lead(lead, x.s().links(linksOf(x))));
    }

    private ChatStep link(Turn x, long linkId) {
        Optional<ReferralLink> l = linksOf(x).stream().filter(k -> k.id() == linkId).findFirst();
        if (l.isEmpty()) {
            return links(x, x.t().get("link.gone"));
        }
        return new ChatStep(x.s().link(null, l.get()), LINK, Map.of(), null);
    }

    private ChatStep campaign(Turn x, String text) {
        Optional<String> campaign = Inputs.campaign(text);
        if (campaign.isEmpty()) {
            return ChatStep.stay(x.turn(), x.s().campaignInvalid());
        }
        return ChatStep.to(TARGET, x.s().askTarget(campaign.get())).with("campaign", campaign.get());
    }

    private ChatStep target(Turn x, String text) {
        if (support.keywords(x.turn()).isSkip(text)) {
            return createLink(x, null);
        }
        Optional<String> url = Inputs.url(text);
        if (url.isEmpty()) {
            return ChatStep.stay(x.turn(), x.s().targetInvalid());
        }
        return createLink(x, url.get());
    }

    /**
     * Creates the link, or shows the one this campaign already has with this target (so a turn that runs again
     * after a crash creates nothing twice). A refused address keeps the step and the campaign, and says why.
     */
    private ChatStep createLink(Turn x, String target) {
        ChatTurn turn = x.turn();
        String campaign = turn.data().get("campaign");
        if (campaign == null) {
            return ChatStep.to(CAMPAIGN, x.s().askCampaign());
        }
        Optional<ReferralLink> same = linksOf(x).stream()
                .filter(l -> l.campaign().equalsIgnoreCase(campaign) && (target == null || sameUrl(l.targetUrl(), target)))
                .findFirst();
        if (same.isPresent()) {
            return new ChatStep(x.s().link(x.t().get("link.exists"), same.get()), LINK, Map.of(), null);
        }
        ReferralLink created;
        try {
            created = service().createLink(FlowSupport.ACTOR, x.a().id(), new NewLink(campaign, target, null, null, null));
        } catch (Rejected e) {
            if (e.fieldErrors().containsKey("campaign")) {
                return ChatStep.to(CAMPAIGN, x.s().campaignInvalid());
            }
            if (e.kind() == Rejected.Kind.INVALID) {
                String why = e.fieldErrors().getOrDefault("targetUrl", e.getMessage());
                return ChatStep.stay(turn, x.s().targetRefused(why == null ? "" : why));
            }
            return menu(x, x.t().get("error.generic"));
        }
        return new ChatStep(x.s().link(x.t().get("link.created"), created), LINK, Map.of(), null);
    }

    private static boolean sameUrl(String a, String b) {
        return a != null && strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    // ---- stats and leaderboard ---------------------------------------------------------------------

    private ChatStep stats(Turn x, Period period) {
        Period.Range range = period.range(support.now(), support.zone());
        AffiliateStats s = service().stats(x.a().id(), range.from(), range.to());
        return ChatStep.to(STATS, x.s().stats(s, period, range)).with("period", period.choice);
    }

    private ChatStep leaderboard(Turn x) {
        Period.Range range = Period.THIS_MONTH.range(support.now(), support.zone());
        List<AffiliateStats> top = service().leaderboard(range.from(), range.to(), Screens.LEADERBOARD_SIZE);
        List<Screens.Place> places = new ArrayList<>();
        int rank = 0;
        for (AffiliateStats s : top.stream().limit(Screens.LEADERBOARD_SIZE).toList()) {
            rank++;
            boolean you = s.affiliateId() == x.a().id();
            String name = you ? x.a().name() : service().find(s.affiliateId()).map(Affiliate::name).orElse("");
            String shown = Inputs.shortName(name);
            places.add(new Screens.Place(rank, shown.isEmpty() ? x.t().get("board.someone") : shown, s, you));
        }
        AffiliateStats yours = places.stream().anyMatch(Screens.Place::you) ? null
                : service().stats(x.a().id(), range.from(), range.to());
        return ChatStep.to(BOARD, x.s().leaderboard(range.month(), places, yours));
    }

    // ---- commissions and payouts -------------------------------------------------------------------

    private ChatStep commissions(Turn x) {
        long id = x.a().id();
        Money approved = service().approvedBalance(id);
        String currency = approved.currency();
        Money pending = service().commissions(id, CommissionStatus.PENDING, TOTAL_LIMIT).stream()
                .map(Commission::amount).filter(m -> m.currency().equals(currency))
                .reduce(Money.zero(currency), Money::plus);
        Money paid = service().payouts(id, PayoutStatus.PAID, TOTAL_LIMIT).stream()
                .map(Payout::amount).filter(m -> m.currency().equals(currency))
                .reduce(Money.zero(currency), Money::plus);
        Optional<Payout> open = openPayout(id);
        List<Commission> recent = service().commissions(id, null, Screens.RECENT_COMMISSIONS);
        return ChatStep.to(COMMISSIONS, x.s().commissions(pending, approved, paid, open, recent));
    }

    private Optional<Payout> openPayout(long affiliateId) {
        return service().payouts(affiliateId, PayoutStatus.REQUESTED, 1).stream().findFirst();
    }

    /** An open request, nothing to pay, or the balance with Request / Cancel. */
    private ChatStep payout(Turn x, String lead) {
        Optional<Payout> open = openPayout(x.a().id());
        if (open.isPresent()) {
            return ChatStep.to(PAYOUT, Screens.lead(lead, x.s().payoutOpen(open.get())));
        }
        Money balance = service().approvedBalance(x.a().id());
        if (balance.amount().signum() <= 0) {
            return ChatStep.to(PAYOUT, Screens.lead(lead, x.s().payoutNothing(balance)));
        }
        Optional<Money> minimum = support.payoutMinimum(balance.currency());
        if (minimum.isPresent() && balance.amount().compareTo(minimum.get().amount()) < 0) {
            return ChatStep.to(PAYOUT, Screens.lead(lead, x.s().payoutBelowMinimum(balance, minimum.get())));
        }
        return ChatStep.to(CONFIRM, Screens.lead(lead, x.s().payoutConfirm(balance, x.a().payoutDetails())));
    }

    /**
     * Request: only in the confirmation step, so a second tap on an old Request button asks again instead. The
     * service allows one open payout, so a turn that runs again requests nothing twice.
     */
    private ChatStep requestPayout(Turn x) {
        if (!x.turn().step().equals(CONFIRM)) {
            return payout(x, x.t().get("payout.expired"));
        }
        try {
            Payout p = service().requestPayout(FlowSupport.ACTOR, x.a().id());
            return ChatStep.to(PAYOUT, x.s().payoutRequested(p));
        } catch (Rejected e) {
            return payoutRefused(x, e);
        }
    }

    /** The refusal in the affiliate's words; the service's codes are matched loosely (below-minimum, open, nothing). */
    private ChatStep payoutRefused(Turn x, Rejected e) {
        String code = e.code() == null ? "" : e.code().toLowerCase(Locale.ROOT);
        Optional<Payout> open = openPayout(x.a().id());
        if (open.isPresent()) { // one is open (perhaps this very request, made before a crash)
            return ChatStep.to(PAYOUT, x.s().payoutOpen(open.get()));
        }
        Money balance = service().approvedBalance(x.a().id());
        String key;
        if (code.contains("minimum")) {
            Optional<Money> minimum = support.payoutMinimum(balance.currency());
            if (minimum.isPresent()) {
                return ChatStep.to(PAYOUT, x.s().payoutBelowMinimum(balance, minimum.get()));
            }
            key = "payout.refused.minimum";
        } else if (code.contains("open") || code.contains("already") || code.contains("requested")) {
            key = "payout.refused.open";
        } else if (code.contains("balance") || code.contains("nothing") || code.contains("zero")) {
            key = "payout.refused.nothing";
        } else {
            key = "payout.refused";
        }
        return ChatStep.to(PAYOUT, x.s().payoutRefused(key, balance, e.getMessage()));
    }

    private ChatStep payoutCancelled(Turn x) {
        return menu(x, x.t().get("payout.cancelled"));
    }

    // ---- language ----------------------------------------------------------------------------------

    /** Answers in the new language at once and keeps it for the conversation. */
    private ChatStep language(Turn x, String language) {
        Screens s = support.screens(support.texts(x.turn(), language));
        return ChatStep.to(MENU, Screens.lead(s.texts().get("language.set"), s.menu())).inLanguage(language);
    }
}
