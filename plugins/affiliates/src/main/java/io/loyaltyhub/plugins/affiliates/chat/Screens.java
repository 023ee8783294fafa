package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.ReferralLink;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.Texts;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The messages of the conversation, built from the texts of one language. Choice ids are short and stable
 * (Telegram callback data, at most 64 bytes): {@code a:menu} the menu, {@code a:links}, {@code a:stats},
 * {@code a:comm}, {@code a:payout}, {@code a:board}, {@code a:lang}, {@code a:help} its tasks,
 * {@code a:stats:m} / {@code a:stats:l} / {@code a:stats:a} this month, last month, all time, {@code l:new} a new
 * link, {@code l:<id>} one link, {@code l:skip} the default target, {@code l:cancel}, {@code p:ok} / {@code p:no}
 * the payout confirmation, {@code g:<language>}, and before approval {@code j:apply} and {@code n:profile} (the
 * Telegram name as the applicant's name).
 */
final class Screens {
    static final String MENU = "a:menu";
    static final String APPLY = "j:apply";
    static final String PROFILE_NAME = "n:profile";
    static final String NEW_LINK = "l:new";
    static final String SKIP_TARGET = "l:skip";
    static final String CANCEL_LINK = "l:cancel";
    static final String LINK_PREFIX = "l:";
    static final String PAYOUT_OK = "p:ok";
    static final String PAYOUT_NO = "p:no";
    static final String LANGUAGE_PREFIX = "g:";
    /** Links listed with their own row; the list says how many more there are. */
    static final int LINKS_SHOWN = 8;
    static final int RECENT_COMMISSIONS = 5;
    static final int LEADERBOARD_SIZE = 10;

    private final Texts t;
    private final Formats f;

    Screens(Texts texts, Formats formats) {
        this.t = texts;
        this.f = formats;
    }

    Texts texts() {
        return t;
    }

    Formats formats() {
        return f;
    }

    /** The same message with {@code lead} (e.g. "Link created.") above it: one message, not two. */
    static Reply lead(String lead, Reply r) {
        if (lead == null || lead.isBlank()) {
            return r;
        }
        return switch (r) {
            case Reply.Text x -> Reply.text(body(lead + "\n\n" + x.body()));
            case Reply.Buttons x -> new Reply.Buttons(body(lead + "\n\n" + x.body()), x.buttons());
            case Reply.Menu x -> new Reply.Menu(body(lead + "\n\n" + x.body()), x.buttonLabel(), x.rows());
            case Reply.Template x -> x;
            case Reply.PhoneRequest x -> new Reply.PhoneRequest(body(lead + "\n\n" + x.body()));
        };
    }

    private static String body(String s) {
        return Fit.cut(s, Fit.BODY);
    }

    private static Choice button(String id, String title) {
        return Choice.of(id, Fit.cut(title, Fit.BUTTON));
    }

    private static Choice row(String id, String title, String description) {
        return new Choice(id, Fit.cut(title, Fit.ROW_TITLE), Fit.cut(description, Fit.ROW_TITLE));
    }

    private Choice menuButton() {
        return button(MENU, t.get("button.menu"));
    }

    private Reply buttons(String body, Choice... choices) {
        return new Reply.Buttons(body(body), List.of(choices));
    }

    private Reply buttons(String body, List<Choice> choices) {
        return new Reply.Buttons(body(body), choices);
    }

    Reply withMenu(String body) {
        return buttons(body, menuButton());
    }

    private Choice languageButton(String language) {
        return button(LANGUAGE_PREFIX + language, t.get("language.name." + language));
    }

    // ---- applying ----------------------------------------------------------------------------------

    /** Someone unknown, without an invite: what the program is, Apply, and the other language. */
    Reply welcome(String otherLanguage) {
        return buttons(t.get("welcome"), button(APPLY, t.get("apply.button")), languageButton(otherLanguage));
    }

    Reply applyExpected(String otherLanguage) {
        return buttons(t.get("apply.expected"), button(APPLY, t.get("apply.button")), languageButton(otherLanguage));
    }

    /** The name question, with the Telegram name as a one-tap answer when it is a name, and the other language. */
    Reply askName(String lead, String profileName, String otherLanguage) {
        Optional<String> name = Inputs.name(profileName);
        String body = name.isPresent() ? t.get("apply.name.ask.profile", name.get()) : t.get("apply.name.ask");
        List<Choice> choices = new ArrayList<>();
        name.ifPresent(n -> choices.add(button(PROFILE_NAME, n)));
        if (otherLanguage != null) {
            choices.add(languageButton(otherLanguage));
        }
        String full = lead == null ? body : lead + "\n\n" + body;
        return choices.isEmpty() ? Reply.text(body(full)) : buttons(full, choices);
    }

    Reply nameInvalid(String profileName) {
        Optional<String> name = Inputs.name(profileName);
        return name.isPresent() ? buttons(t.get("apply.name.invalid"), button(PROFILE_NAME, name.get()))
                : Reply.text(t.get("apply.name.invalid"));
    }

    Reply askPhone(String name) {
        return Reply.text(t.get("apply.phone.ask", name));
    }

    Reply phoneInvalid() {
        return Reply.text(t.get("apply.phone.invalid"));
    }

    Reply askPayoutDetails() {
        return Reply.text(t.get("apply.payout.ask"));
    }

    Reply payoutDetailsInvalid() {
        return Reply.text(t.get("apply.payout.invalid", String.valueOf(Inputs.PAYOUT_MAX)));
    }

    Reply applied(String name) {
        return Reply.text(t.get("apply.done", name));
    }

    // ---- before and after approval -----------------------------------------------------------------

    Reply pending(String name) {
        return Reply.text(t.get("pending", name) + "\n\n" + t.get("pending.help"));
    }

    Reply rejected(String reason) {
        return Reply.text(reason == null || reason.isBlank() ? t.get("rejected.noreason") : t.get("rejected", reason.strip()));
    }

    Reply suspended(String reason) {
        return Reply.text(reason == null || reason.isBlank() ? t.get("suspended.noreason") : t.get("suspended", reason.strip()));
    }

    // ---- the menu ----------------------------------------------------------------------------------

    Reply menu() {
        List<Choice> rows = new ArrayList<>();
        for (Task task : Task.values()) {
            rows.add(row(task.choice, t.get(task.menuKey()), ""));
        }
        return new Reply.Menu(body(t.get("menu.body")), Fit.cut(t.get("menu.button"), Fit.BUTTON), rows);
    }

    String hello(String name, String code) {
        return t.get("menu.greeting", name, code);
    }

    // ---- links -------------------------------------------------------------------------------------

    /** The newest links with their clicks and the url to share; a row per link (details to forward), New link, Menu. */
    Reply links(List<ReferralLink> links) {
        if (links.isEmpty()) {
            return buttons(t.get("links.none"), button(NEW_LINK, t.get("links.new")), menuButton());
        }
        List<String> lines = new ArrayList<>();
        lines.add(t.get("links.title"));
        List<Choice> rows = new ArrayList<>();
        for (ReferralLink l : links.stream().limit(LINKS_SHOWN).toList()) {
            lines.add(t.get("links.line", l.campaign(), f.number(l.clicks()), f.number(l.uniqueClicks()), l.url()));
            rows.add(row(LINK_PREFIX + l.id(), l.campaign(), t.get("links.row", f.number(l.clicks()))));
        }
        if (links.size() > LINKS_SHOWN) {
            lines.add(t.get("links.more", f.number(links.size() - LINKS_SHOWN)));
        }
        rows.add(row(NEW_LINK, t.get("links.new"), ""));
        rows.add(row(MENU, t.get("button.menu"), ""));
        return new Reply.Menu(body(String.join("\n\n", lines)), Fit.cut(t.get("links.button"), Fit.BUTTON), rows);
    }

    /** One link in full, then its url alone in a message made to be forwarded or copied. */
    List<Reply> link(String lead, ReferralLink l) {
        String detail = t.get("link.detail", l.campaign(), l.url(), l.targetUrl(), f.number(l.clicks()),
                f.number(l.uniqueClicks()), f.date(l.createdAt()));
        Reply first = buttons(lead == null ? detail : lead + "\n\n" + detail,
                button(Task.LINKS.choice, t.get("button.links")), button(NEW_LINK, t.get("links.new")), menuButton());
        return List.of(first, Reply.text(t.get("link.share", l.url())));
    }

    Reply askCampaign() {
        return buttons(t.get("link.campaign.ask"), button(CANCEL_LINK, t.get("button.cancel")));
    }

    Reply campaignInvalid() {
        return buttons(t.get("link.campaign.invalid", String.valueOf(Inputs.CAMPAIGN_MAX)),
                button(CANCEL_LINK, t.get("button.cancel")));
    }

    Reply askTarget(String campaign) {
        return targetButtons(t.get("link.target.ask", campaign));
    }

    Reply targetInvalid() {
        return targetButtons(t.get("link.target.invalid"));
    }

    /** The service refused the address: why (its words), what is allowed, and the same choices again. */
    Reply targetRefused(String why) {
        return targetButtons(t.get("link.target.refused", why));
    }

    private Reply targetButtons(String body) {
        return buttons(body, button(SKIP_TARGET, t.get("link.target.skip")), button(CANCEL_LINK, t.get("button.cancel")));
    }

    // ---- stats -------------------------------------------------------------------------------------

    /** The figures of one period, with the other two periods and Menu as buttons. */
    Reply stats(AffiliateStats s, Period period, Period.Range range) {
        String title = range.month() == null ? t.get("stats.title.all") : t.get("stats.title.month", f.month(range.month()));
        String body = title + "\n" + t.get("stats.body", f.number(s.clicks()), f.number(s.uniqueClicks()),
                f.number(s.conversions()), f.money(s.revenue()), f.money(s.commission()));
        List<Choice> choices = new ArrayList<>();
        for (Period p : Period.values()) {
            if (p != period) {
                choices.add(button(p.choice, t.get("stats." + p.name().toLowerCase(Locale.ROOT))));
            }
        }
        choices.add(menuButton());
        return buttons(body, choices);
    }

    // ---- commissions and payouts -------------------------------------------------------------------

    Reply commissions(Money pending, Money approved, Money paid, Optional<Payout> open, List<Commission> recent) {
        List<String> parts = new ArrayList<>();
        parts.add(t.get("commissions.body", f.money(pending), f.money(approved), f.money(paid)));
        open.ifPresent(p -> parts.add(t.get("commissions.open", f.money(p.amount()), f.date(p.requestedAt()))));
        if (recent.isEmpty()) {
            parts.add(t.get("commissions.none"));
        } else {
            List<String> lines = new ArrayList<>();
            lines.add(t.get("commissions.recent"));
            for (Commission c : recent) {
                String line = t.get("commission.line", f.date(c.createdAt()), f.money(c.amount()),
                        t.get("commission.status." + c.status().name()), c.billNumber());
                lines.add(c.level() > 1 ? line + " " + t.get("commission.team") : line);
            }
            parts.add(String.join("\n", lines));
        }
        return buttons(String.join("\n\n", parts), button(Task.PAYOUT.choice, t.get("button.payout")), menuButton());
    }

    Reply payoutOpen(Payout p) {
        return buttons(t.get("payout.open", f.money(p.amount()), f.date(p.requestedAt())),
                button(Task.COMMISSIONS.choice, t.get("button.commissions")), menuButton());
    }

    Reply payoutNothing(Money balance) {
        return buttons(t.get("payout.nothing", f.money(balance)),
                button(Task.COMMISSIONS.choice, t.get("button.commissions")), menuButton());
    }

    Reply payoutBelowMinimum(Money balance, Money minimum) {
        return buttons(t.get("payout.minimum", f.money(balance), f.money(minimum)),
                button(Task.COMMISSIONS.choice, t.get("button.commissions")), menuButton());
    }

    Reply payoutConfirm(Money balance, String payoutDetails) {
        String body = payoutDetails == null || payoutDetails.isBlank()
                ? t.get("payout.confirm.nodetails", f.money(balance))
                : t.get("payout.confirm", f.money(balance), payoutDetails.strip());
        return buttons(body, button(PAYOUT_OK, t.get("payout.yes")), button(PAYOUT_NO, t.get("payout.no")));
    }

    Reply payoutConfirmExpected(Money balance, String payoutDetails) {
        return lead(t.get("payout.expected"), payoutConfirm(balance, payoutDetails));
    }

    Reply payoutRequested(Payout p) {
        return buttons(t.get("payout.requested", f.money(p.amount())),
                button(Task.COMMISSIONS.choice, t.get("button.commissions")), menuButton());
    }

    /** A refused request: {@code key} says why in the affiliate's language; {@code detail} is the service's words. */
    Reply payoutRefused(String key, Money balance, String detail) {
        return buttons(t.get(key, f.money(balance), detail == null ? "" : detail),
                button(Task.COMMISSIONS.choice, t.get("button.commissions")), menuButton());
    }

    // ---- leaderboard -------------------------------------------------------------------------------

    /** One line of the leaderboard. */
    record Place(int rank, String name, AffiliateStats stats, boolean you) {
    }

    Reply leaderboard(YearMonth month, List<Place> places, AffiliateStats yours) {
        List<String> lines = new ArrayList<>();
        lines.add(t.get("board.title", f.month(month)));
        if (places.isEmpty()) {
            lines.add(t.get("board.none"));
        }
        boolean listed = false;
        for (Place p : places) {
            String line = t.get("board.line", String.valueOf(p.rank()), p.name(),
                    f.number(p.stats().conversions()), f.money(p.stats().revenue()));
            lines.add(p.you() ? line + " " + t.get("board.you") : line);
            listed |= p.you();
        }
        if (!listed && yours != null) {
            lines.add("");
            lines.add(t.get("board.yours", f.number(yours.conversions()), f.money(yours.revenue())));
        }
        return buttons(String.join("\n", lines), button(Period.THIS_MONTH.choice, t.get("button.stats")), menuButton());
    }

    // ---- language, help, stop ----------------------------------------------------------------------

    Reply language(List<String> languages) {
        return new Reply.Buttons(body(t.get("language.body")), languages.stream().map(this::languageButton).toList());
    }

    Reply help() {
        return buttons(t.get("help.body"), button(Task.LINKS.choice, t.get("button.links")), menuButton());
    }
}
