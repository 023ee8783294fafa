package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.Kid;
import io.loyaltyhub.api.loyalty.LedgerLine;
import io.loyaltyhub.api.loyalty.MovementKind;
import io.loyaltyhub.api.loyalty.PointsBalance;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.TierInfo;
import io.loyaltyhub.api.loyalty.Voucher;
import io.loyaltyhub.api.loyalty.VoucherStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The messages of the conversation, built from the texts of one language, each within WhatsApp's limits.
 * Choice ids are short and stable: {@code m:<task>} menu, {@code r:<id>} a reward, {@code r:<id>:redeem},
 * {@code r:<id>:ok} / {@code r:<id>:no} confirmation, {@code r:p:<page>} more rewards, {@code k:add},
 * {@code k:remove}, {@code k:rm:<kidId>}, {@code l:<language>}, {@code c:yes} / {@code c:no} consent,
 * {@code n:profile} the WhatsApp profile name, {@code b:skip} no birthday.
 */
final class Screens {
    static final int REWARDS_PER_PAGE = 8;
    static final int HISTORY_LINES = 8;
    static final int VOUCHER_LINES = 8;
    static final int MAX_KIDS = 10;
    private static final int DESCRIPTION_SHOWN = 600;

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

    /** The same message with {@code lead} (e.g. "Added Aarav.") above it: one message, not two. */
    static Reply lead(String lead, Reply r) {
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
        return new Choice(id, Fit.cut(title, Fit.ROW_TITLE), Fit.cut(description, Fit.ROW_DESCRIPTION));
    }

    private Choice menuButton() {
        return button("m:menu", t.get("button.menu"));
    }

    private Reply buttons(String body, Choice... choices) {
        return new Reply.Buttons(body(body), List.of(choices));
    }

    /** A text with a single Menu button under it. */
    Reply withMenu(String body) {
        return buttons(body, menuButton());
    }

    // ---- joining ---------------------------------------------------------------------------------

    Reply greeting(String referralCode, String otherLanguage) {
        String body = t.get("greeting");
        if (referralCode != null) {
            body = body + "\n\n" + t.get("greeting.referred", referralCode);
        }
        return consentButtons(body, otherLanguage);
    }

    Reply consentExpected(String otherLanguage) {
        return consentButtons(t.get("consent.expected"), otherLanguage);
    }

    private Reply consentButtons(String body, String otherLanguage) {
        return buttons(body, button("c:yes", t.get("consent.yes")), button("c:no", t.get("consent.no")),
                button("l:" + otherLanguage, t.get("language.name." + otherLanguage)));
    }

    Reply askName(String profileName) {
        Optional<String> name = Names.clean(profileName);
        return name.isPresent()
                ? buttons(t.get("join.name.ask.profile", name.get()), button("n:profile", name.get()))
                : Reply.text(t.get("join.name.ask"));
    }

    Reply nameInvalid(String profileName) {
        Optional<String> name = Names.clean(profileName);
        return name.isPresent() ? buttons(t.get("join.name.invalid"), button("n:profile", name.get()))
                : Reply.text(t.get("join.name.invalid"));
    }

    Reply askBirthday(String name) {
        return buttons(t.get("join.birthday.ask", name), button("b:skip", t.get("join.skip")));
    }

    Reply birthdayInvalid() {
        return buttons(t.get("join.birthday.invalid"), button("b:skip", t.get("join.skip")));
    }

    // ---- the menu ----------------------------------------------------------------------------------

    Reply menu(Customer c) {
        List<Choice> rows = new ArrayList<>();
        for (Task task : Task.values()) {
            if (task == Task.MESSAGES && c.status() == CustomerStatus.OPTED_OUT) {
                rows.add(row("m:start", t.get("menu.start"), t.get("menu.start.desc")));
            } else {
                rows.add(row(task.choice, t.get(task.menuKey()), t.get(task.menuKey() + ".desc")));
            }
        }
        return new Reply.Menu(body(t.get("menu.body")), Fit.cut(t.get("menu.button"), Fit.BUTTON), rows);
    }

    String hello(Customer c) {
        return c.name() == null ? t.get("menu.greeting.noname") : t.get("menu.greeting", c.name());
    }

    // ---- points ------------------------------------------------------------------------------------

    Reply points(PointsBalance b, List<TierInfo> tiers) {
        List<String> lines = new ArrayList<>();
        lines.add(t.get("points.available", f.number(b.available())));
        if (b.pending() > 0) {
            lines.add(t.get("points.pending", f.number(b.pending())));
        }
        List<TierInfo> ordered = tiers.stream().sorted(Comparator.comparingInt(TierInfo::rank)).toList();
        Optional<TierInfo> current = ordered.stream().filter(x -> x.code().equals(b.tier())).findFirst();
        if (current.isPresent() || b.tier() != null) {
            lines.add(t.get("points.tier", current.map(TierInfo::name).orElse(b.tier())));
        }
        int rank = current.map(TierInfo::rank).orElse(Integer.MIN_VALUE);
        Optional<TierInfo> next = ordered.stream().filter(x -> x.rank() > rank).findFirst();
        if (next.isEmpty()) {
            if (current.isPresent()) {
                lines.add(t.get("points.top"));
            }
        } else if (next.get().threshold() > b.lifetimeEarned()) {
            lines.add(t.get("points.next", f.number(next.get().threshold() - b.lifetimeEarned()), next.get().name()));
        }
        if (b.expiringSoon() > 0 && b.expiringBy() != null) {
            lines.add(t.get("points.expiring", f.number(b.expiringSoon()), f.date(b.expiringBy())));
        }
        return buttons(String.join("\n", lines), button("m:rewards", t.get("button.rewards")),
                button("m:history", t.get("button.history")), menuButton());
    }

    // ---- rewards and vouchers ------------------------------------------------------------------------

    /** One page of the rewards the customer may redeem (with what is still needed), then More and My vouchers. */
    Reply rewards(List<Reward> rewards, long points, int page) {
        if (rewards.isEmpty()) {
            return buttons(t.get("rewards.none", f.number(points)), button("m:vouchers", t.get("button.vouchers")),
                    menuButton());
        }
        int pages = (rewards.size() + REWARDS_PER_PAGE - 1) / REWARDS_PER_PAGE;
        int p = page < 0 || page >= pages ? 0 : page;
        List<Choice> rows = new ArrayList<>();
        for (Reward r : rewards.subList(p * REWARDS_PER_PAGE, Math.min(rewards.size(), (p + 1) * REWARDS_PER_PAGE))) {
            String cost = r.pointsCost() <= points ? t.get("rewards.row", f.number(r.pointsCost()))
                    : t.get("rewards.row.short", f.number(r.pointsCost()), f.number(r.pointsCost() - points));
            rows.add(row("r:" + r.id(), r.name(), cost));
        }
        if (p + 1 < pages) {
            rows.add(row("r:p:" + (p + 1), t.get("rewards.more"), t.get("rewards.more.desc")));
        }
        rows.add(row("m:vouchers", t.get("rewards.vouchers"), t.get("rewards.vouchers.desc")));
        return new Reply.Menu(body(t.get("rewards.body", f.number(points))), Fit.cut(t.get("rewards.button"), Fit.BUTTON),
                rows);
    }

    /** Name, description, cost and validity; Redeem only when the customer has the points. */
    Reply reward(Reward r, long points) {
        List<String> parts = new ArrayList<>();
        parts.add(t.get("reward.title", r.name()));
        if (r.description() != null && !r.description().isBlank()) {
            parts.add(Fit.cut(r.description().strip(), DESCRIPTION_SHOWN));
        }
        List<String> facts = new ArrayList<>();
        facts.add(t.get("reward.cost", f.number(r.pointsCost())));
        facts.add(t.get("reward.validity", f.number(r.voucherDays())));
        if (r.validTo() != null) {
            facts.add(t.get("reward.until", f.lastDay(r.validTo())));
        }
        if (points < r.pointsCost()) {
            facts.add(t.get("reward.short", f.number(points), f.number(r.pointsCost() - points)));
        }
        parts.add(String.join("\n", facts));
        String body = String.join("\n\n", parts);
        Choice back = button("m:rewards", t.get("button.back"));
        return points >= r.pointsCost()
                ? buttons(body, button("r:" + r.id() + ":redeem", t.get("reward.redeem")), back, menuButton())
                : buttons(body, back, menuButton());
    }

    Reply confirm(Reward r, long points) {
        return buttons(t.get("redeem.confirm", r.name(), f.number(r.pointsCost()), f.number(points - r.pointsCost())),
                button("r:" + r.id() + ":ok", t.get("redeem.yes")), button("r:" + r.id() + ":no", t.get("redeem.no")));
    }

    Reply confirmExpected(Reward r, long points) {
        return lead(t.get("redeem.expected"), confirm(r, points));
    }

    Reply voucher(Voucher v) {
        return buttons(t.get("redeem.done", v.code(), v.rewardName(), f.lastDay(v.expiresAt())),
                button("m:vouchers", t.get("button.vouchers")), button("m:rewards", t.get("button.rewards")),
                menuButton());
    }

    Reply redeemFailed(String key) {
        return buttons(t.get(key), button("m:rewards", t.get("button.rewards")), menuButton());
    }

    /** Open vouchers, newest first. */
    Reply vouchers(List<Voucher> vouchers) {
        List<Voucher> open = vouchers.stream().filter(v -> v.status() == VoucherStatus.ISSUED)
                .sorted(Comparator.comparing(Voucher::issuedAt).reversed()).limit(VOUCHER_LINES).toList();
        String body;
        if (open.isEmpty()) {
            body = t.get("vouchers.none");
        } else {
            List<String> lines = new ArrayList<>();
            lines.add(t.get("vouchers.title"));
            for (Voucher v : open) {
                lines.add(t.get("vouchers.line", v.code(), v.rewardName(), f.lastDay(v.expiresAt())));
            }
            body = String.join("\n", lines);
        }
        return buttons(body, button("m:rewards", t.get("button.rewards")), menuButton());
    }

    // ---- history -----------------------------------------------------------------------------------

    Reply history(List<LedgerLine> ledger) {
        if (ledger.isEmpty()) {
            return buttons(t.get("history.none"), button("m:points", t.get("button.points")), menuButton());
        }
        List<String> lines = new ArrayList<>();
        lines.add(t.get("history.title"));
        for (LedgerLine l : ledger.stream().limit(HISTORY_LINES).toList()) {
            lines.add(line(l));
        }
        return buttons(String.join("\n", lines), button("m:points", t.get("button.points")), menuButton());
    }

    private String line(LedgerLine l) {
        if (l.kind() == MovementKind.RELEASE) {
            return t.get("history.release", f.number(Math.abs(l.points())), f.date(l.at()));
        }
        StringBuilder detail = new StringBuilder();
        if ((l.kind() == MovementKind.EARN || l.kind() == MovementKind.REVERSE) && l.cause() != null
                && l.cause().startsWith("bill:")) {
            detail.append(' ').append(l.cause().substring(5));
        } else if (l.kind() == MovementKind.ADJUST && l.reason() != null && !l.reason().isBlank()) {
            detail.append(" – ").append(Fit.cut(l.reason().strip(), 40));
        }
        if (l.pending()) {
            detail.append(' ').append(t.get("history.pending"));
        }
        return t.get("history.line", f.signed(l.points()), t.get("history.kind." + l.kind().name()), detail.toString(),
                f.date(l.at()));
    }

    // ---- kids --------------------------------------------------------------------------------------

    Reply kids(List<Kid> kids) {
        String body;
        if (kids.isEmpty()) {
            body = t.get("kids.none");
        } else {
            List<String> lines = new ArrayList<>();
            lines.add(t.get("kids.title"));
            int i = 1;
            for (Kid k : kids) {
                lines.add(t.get("kids.line", String.valueOf(i++), k.name(), f.birthday(k.birthday())));
            }
            body = String.join("\n", lines);
        }
        List<Choice> choices = new ArrayList<>();
        if (kids.size() < MAX_KIDS) {
            choices.add(button("k:add", t.get("kids.add")));
        }
        if (!kids.isEmpty()) {
            choices.add(button("k:remove", t.get("kids.remove")));
        }
        choices.add(menuButton());
        return new Reply.Buttons(body(body), choices);
    }

    Reply kidRemoval(List<Kid> kids) {
        List<Choice> rows = kids.stream().limit(Reply.MAX_MENU_ROWS)
                .map(k -> row("k:rm:" + k.id(), k.name(), f.birthday(k.birthday()))).toList();
        return new Reply.Menu(body(t.get("kid.remove.body")), Fit.cut(t.get("kid.remove.button"), Fit.BUTTON), rows);
    }

    // ---- refer, language, help ---------------------------------------------------------------------

    /** The code (and link), then the link alone in a message made to be forwarded. */
    List<Reply> refer(String code, Optional<String> link) {
        String body = t.get("refer.body", code);
        if (link.isEmpty()) {
            return List.of(withMenu(body));
        }
        return List.of(withMenu(body + "\n\n" + t.get("refer.link", link.get())),
                Reply.text(body(t.get("refer.share", link.get()))));
    }

    Reply language(List<String> languages) {
        return new Reply.Buttons(body(t.get("language.body")), languages.stream()
                .map(l -> button("l:" + l, t.get("language.name." + l))).toList());
    }

    Reply help() {
        return withMenu(t.get("help.body"));
    }
}
