package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.FraudRule;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.event.Event;
import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.TypedListener;
import io.loyaltyhub.api.loyalty.event.BillProcessed;
import io.loyaltyhub.api.loyalty.event.BillReversed;
import io.loyaltyhub.api.loyalty.event.CustomerJoined;
import io.loyaltyhub.api.loyalty.event.RewardRedeemed;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attribution and commissions from the loyalty plugin's events, through the outbox: applied exactly once by the
 * host's applied-event record, and idempotent on its own too (a bill is stored once by its number, commissions are
 * unique per bill and level, touches per customer, source and reference), so the same event under another id changes
 * nothing either. Events may come in any order (see {@link Attribution}).
 */
@Extension
public class LoyaltyEventsListener extends TypedListener {
    private final PluginContext context;
    private final FraudChecks fraud;
    private final Commissions commissions;

    public LoyaltyEventsListener(PluginContext context) {
        super(context.json(), CustomerJoined.class, BillProcessed.class, BillReversed.class, RewardRedeemed.class);
        this.context = context;
        this.fraud = new FraudChecks(context);
        this.commissions = new Commissions(context, fraud);
    }

    @Override
    public String id() {
        return "affiliates.loyalty-events";
    }

    @Override
    protected void handle(DomainEvent event, Event meta, Tx tx) {
        CommissionSettings.Config c = CommissionSettings.from(context.settings());
        Instant at = meta.occurredAt();
        switch (event) {
            case CustomerJoined j -> joined(tx, c, j, at);
            case BillProcessed b -> billProcessed(tx, c, b, at);
            case BillReversed r -> billReversed(tx, c, r, at);
            case RewardRedeemed r -> redeemed(tx, c, r, at);
            default -> {
            }
        }
    }

    /** A customer who joined with an affiliate's code or link code: a JOIN touch, and the bills it covers. */
    private void joined(Tx tx, CommissionSettings.Config c, CustomerJoined p, Instant at) {
        long customer = p.customerId();
        Optional<Attribution.Target> target = Attribution.resolve(tx.sql(), p.referralCode());
        if (target.isEmpty()) {
            return; // no code, a friend's code (loyalty rewards those in points), or no approved affiliate's
        }
        Attribution.Touch touch = Attribution.record(tx.sql(), customer, target.get(), "JOIN", target.get().code(), at);
        catchUp(tx, c, customer, touch);
    }

    /** Bills of the customer seen before this touch that it covers and that nobody has yet. */
    private void catchUp(Tx tx, CommissionSettings.Config c, long customer, Attribution.Touch touch) {
        List<String> bills = tx.sql().query("SELECT bill_number FROM affiliate_bill WHERE customer_id = ? "
                        + "AND affiliate_id IS NULL AND billed_at >= ? AND billed_at < ? ORDER BY billed_at, bill_number",
                rs -> rs.getString(1), customer, touch.at().minus(Attribution.BEFORE_TOUCH),
                touch.at().plus(Duration.ofDays(c.attributionWindowDays())));
        for (String bill : bills) {
            attribute(tx, c, stored(tx.sql(), bill), null);
        }
    }

    private void billProcessed(Tx tx, CommissionSettings.Config c, BillProcessed p, Instant at) {
        String billNumber = p.billNumber();
        long customer = p.customerId();
        Instant billedAt = p.billedAt() == null ? at : p.billedAt();
        BigDecimal amount = p.amount();
        List<Plan.Line> lines = p.lines() == null ? List.of() : p.lines().stream().filter(l -> l != null && l.amount() != null)
                .map(l -> new Plan.Line(l.category(), l.amount())).toList();
        int fresh = tx.sql().update("INSERT IGNORE INTO affiliate_bill (bill_number, customer_id, mobile, billed_at, "
                        + "processed_at, amount, currency, lines_json, coupon_code, affiliate_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                billNumber, customer, p.mobile(), billedAt, at, amount, p.currency(),
                lines.isEmpty() ? null : context.json().write(lines.stream().map(l -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("category", l.category());
                    m.put("amount", l.amount());
                    return m;
                }).toList()), cut(p.couponCode()), cut(p.affiliateCode()));
        if (fresh == 0) {
            return; // seen before
        }
        Commissions.BillFacts bill = stored(tx.sql(), billNumber);
        Attribution.Touch direct = null;
        for (String code : new String[]{p.affiliateCode(), p.couponCode()}) {
            Optional<Attribution.Target> target = Attribution.resolve(tx.sql(), code);
            if (target.isPresent()) {
                direct = Attribution.record(tx.sql(), customer, target.get(), "BILL", billNumber, billedAt);
                break;
            }
        }
        attribute(tx, c, bill, direct);
    }

    /** Attributes a stored, unattributed bill (to {@code direct} if given, else by the window) and earns on it. */
    private void attribute(Tx tx, CommissionSettings.Config c, Commissions.BillFacts bill, Attribution.Touch direct) {
        Attribution.Touch touch = direct != null ? direct : Attribution.choose(Attribution.touches(tx.sql(),
                bill.customerId()), bill.billedAt(), c.attributionWindowDays(), c.firstTouch()).orElse(null);
        if (touch == null) {
            return;
        }
        Instant reversed = tx.sql().one("SELECT reversed_at FROM affiliate_bill_reversal WHERE bill_number = ?",
                rs -> SqlRunner.instant(rs, "reversed_at"), bill.billNumber()).orElse(null);
        int claimed = tx.sql().update("UPDATE affiliate_bill SET affiliate_id = ?, touch_id = ?, attributed_at = ?, "
                        + "reversed_at = ? WHERE bill_number = ? AND affiliate_id IS NULL", touch.affiliateId(), touch.id(),
                tx.now(), reversed, bill.billNumber());
        if (claimed == 0 || reversed != null) {
            return; // attributed before, or already returned: no commission
        }
        commissions.earn(tx, c, bill, touch);
    }

    private void billReversed(Tx tx, CommissionSettings.Config c, BillReversed p, Instant at) {
        String billNumber = p.billNumber();
        String reason = p.reason();
        tx.sql().update("INSERT IGNORE INTO affiliate_bill_reversal (bill_number, reason, reversed_at) VALUES (?, ?, ?)",
                billNumber, reason == null ? null : reason.length() > 300 ? reason.substring(0, 300) : reason, at);
        int marked = tx.sql().update("UPDATE affiliate_bill SET reversed_at = ? WHERE bill_number = ? AND reversed_at IS NULL",
                at, billNumber);
        Long affiliate = tx.sql().one("SELECT affiliate_id FROM affiliate_bill WHERE bill_number = ?",
                rs -> rs.getObject(1, Long.class), billNumber).orElse(null);
        if (marked == 0 || affiliate == null) {
            return; // unknown yet (handled when the bill comes), not attributed, or reversed before
        }
        commissions.reverse(tx, billNumber, reason);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("affiliateId", String.valueOf(affiliate));
        facts.put("customerId", String.valueOf(p.customerId()));
        facts.put("billNumber", billNumber);
        facts.put("reversedAt", at.toString());
        fraud.run(tx, c, FraudRule.Trigger.REFUND, "reversal:" + billNumber, facts);
    }

    private void redeemed(Tx tx, CommissionSettings.Config c, RewardRedeemed p, Instant at) {
        String voucher = p.voucherCode();
        long customer = p.customerId();
        String device = cut(p.device());
        if (voucher == null || tx.sql().update("INSERT IGNORE INTO affiliate_redemption (voucher_code, customer_id, device, "
                + "redeemed_at) VALUES (?, ?, ?, ?)", voucher, customer, device, at) == 0) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("customerId", String.valueOf(customer));
        facts.put("voucherCode", voucher);
        facts.put("redeemedAt", at.toString());
        if (device != null) {
            facts.put("device", device);
        }
        tx.sql().one("SELECT t.affiliate_id FROM affiliate_touch t WHERE t.customer_id = ? ORDER BY t.touched_at DESC, "
                        + "t.id DESC LIMIT 1", rs -> rs.getLong(1), customer)
                .ifPresent(a -> facts.put("affiliateId", String.valueOf(a)));
        fraud.run(tx, c, FraudRule.Trigger.REDEMPTION, "voucher:" + voucher, facts);
    }

    private Commissions.BillFacts stored(SqlRunner sql, String billNumber) {
        return sql.one("SELECT bill_number, customer_id, mobile, billed_at, amount, currency, lines_json FROM affiliate_bill "
                        + "WHERE bill_number = ?", rs -> new Commissions.BillFacts(rs.getString(1), rs.getLong(2),
                        rs.getString(3), SqlRunner.instant(rs, "billed_at"), rs.getBigDecimal(5), rs.getString(6),
                        rs.getString(7) == null ? List.of() : lines(context.json().read(rs.getString(7), List.class))),
                billNumber).orElseThrow();
    }

    /** Bill lines from the event ({@code [{sku, category, quantity, amount}]}); lines without an amount are skipped. */
    static List<Plan.Line> lines(Object raw) {
        List<Plan.Line> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("amount") != null) {
                    Object category = m.get("category");
                    out.add(new Plan.Line(category == null ? null : String.valueOf(category),
                            new BigDecimal(String.valueOf(m.get("amount")))));
                }
            }
        }
        return out;
    }


    private static String cut(String s) {
        return s == null ? null : s.length() > 64 ? s.substring(0, 64) : s;
    }

}
