package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.event.CommissionApproved;
import io.loyaltyhub.api.affiliate.event.CommissionEarned;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.FraudRule;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static io.loyaltyhub.api.common.Rejected.Kind.CONFLICT;
import static io.loyaltyhub.api.common.Rejected.Kind.NOT_FOUND;

/**
 * Commissions: earned on attributed bills (level 1 for the affiliate, level 2 for their recruiter), held, approved by
 * a person or by {@link CommissionApprovalJob} after the hold, rejected, reversed with their bill. Every change of an
 * affiliate's commissions first locks the affiliate's row, like every other money movement of theirs.
 */
final class Commissions {
    static final String COLUMNS = "id, affiliate_id, bill_number, customer_id, level, bill_amount, amount, currency, "
            + "status, reason, created_at, hold_until, held_by, payout_id";
    private static final int BATCH = 500;

    private final PluginContext context;
    private final FraudChecks fraud;

    Commissions(PluginContext context, FraudChecks fraud) {
        this.context = context;
        this.fraud = fraud;
    }

    CommissionSettings.Config config() {
        return CommissionSettings.from(context.settings());
    }

    /** A bill as the commission calculation sees it. */
    record BillFacts(String billNumber, long customerId, String mobile, Instant billedAt, BigDecimal amount,
                     String currency, List<Plan.Line> lines) {
    }

    /** The few affiliate columns money decisions need. */
    record AffiliateRow(long id, String status, Long planId, Long recruitedBy, String mobile, Long telegramUserId) {
    }

    static Optional<AffiliateRow> affiliate(SqlRunner sql, long id, boolean lock) {
        return sql.one("SELECT id, status, plan_id, recruited_by, mobile, telegram_user_id FROM affiliate WHERE id = ?"
                        + (lock ? " FOR UPDATE" : ""), rs -> new AffiliateRow(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getString(5),
                        rs.getObject(6, Long.class)), id);
    }

    /** Locks affiliate rows in id order (so two transactions never wait on each other in a circle). */
    static void lock(SqlRunner sql, Iterable<Long> ids) {
        for (long id : new TreeSet<Long>(toList(ids))) {
            affiliate(sql, id, true);
        }
    }

    private static List<Long> toList(Iterable<Long> ids) {
        List<Long> out = new ArrayList<>();
        ids.forEach(out::add);
        return out;
    }

    static Commission commission(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new Commission(rs.getLong("id"), rs.getLong("affiliate_id"), rs.getString("bill_number"),
                rs.getLong("customer_id"), rs.getInt("level"), new Money(rs.getBigDecimal("bill_amount"), currency),
                new Money(rs.getBigDecimal("amount"), currency), CommissionStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), SqlRunner.instant(rs, "created_at"), SqlRunner.instant(rs, "hold_until"),
                rs.getObject("held_by", Long.class), rs.getObject("payout_id", Long.class));
    }

    static Optional<Commission> find(SqlRunner sql, long id, boolean lock) {
        return sql.one("SELECT " + COLUMNS + " FROM affiliate_commission WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                Commissions::commission, id);
    }

    static Rejected unknown(long id) {
        return new Rejected(NOT_FOUND, "unknown-commission", "No commission " + id + ".");
    }

    /** [start, end) of the calendar month of {@code at} in {@code zone}. */
    static Instant[] month(Instant at, ZoneId zone) {
        ZonedDateTime start = at.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
        return new Instant[]{start.toInstant(), start.plusMonths(1).toInstant()};
    }

    /** The affiliate's commission in a month: pending, approved and paid, all levels, by bill time. */
    static BigDecimal earnedIn(SqlRunner sql, long affiliateId, Instant[] month) {
        return sql.one("SELECT COALESCE(SUM(amount), 0) FROM affiliate_commission WHERE affiliate_id = ? "
                        + "AND billed_at >= ? AND billed_at < ? AND status IN ('PENDING', 'APPROVED', 'PAID')",
                rs -> rs.getBigDecimal(1), affiliateId, month[0], month[1]).orElse(BigDecimal.ZERO);
    }

    // ---- earning (inside the listener's transaction) -------------------------------------------------

    /**
     * Prices a bill just attributed to {@code touch}, inserts its commissions (once: unique per bill and level), runs
     * the conversion fraud rules and holds what they say. The bill row must already name the affiliate.
     */
    void earn(Tx tx, CommissionSettings.Config c, BillFacts bill, Attribution.Touch touch) {
        SqlRunner sql = tx.sql();
        AffiliateRow unlocked = affiliate(sql, touch.affiliateId(), false).orElseThrow();
        List<Long> toLock = new ArrayList<>(List.of(unlocked.id()));
        if (unlocked.recruitedBy() != null) {
            toLock.add(unlocked.recruitedBy());
        }
        lock(sql, toLock);
        AffiliateRow a = affiliate(sql, touch.affiliateId(), false).orElseThrow();
        if (!c.currency().equals(bill.currency())) {
            return; // commissions are in the plugin's currency only; the bill still counts as attributed
        }
        Plan plan = Plans.of(sql, a.planId(), c.defaultPlan());
        Instant[] month = month(bill.billedAt(), c.zone());
        BigDecimal volumeBefore = sql.one("SELECT COALESCE(SUM(amount), 0) FROM affiliate_bill WHERE affiliate_id = ? "
                        + "AND billed_at >= ? AND billed_at < ? AND reversed_at IS NULL AND bill_number <> ? AND currency = ?",
                rs -> rs.getBigDecimal(1), a.id(), month[0], month[1], bill.billNumber(), c.currency()).orElse(BigDecimal.ZERO);
        long prior = sql.one("SELECT COUNT(*) FROM affiliate_bill WHERE affiliate_id = ? AND customer_id = ? "
                        + "AND reversed_at IS NULL AND bill_number <> ?", rs -> rs.getLong(1), a.id(), bill.customerId(),
                bill.billNumber()).orElse(0L);
        boolean within = true;
        if (plan.recurringMonths() != null) {
            Instant referred = Attribution.referredAt(sql, bill.customerId(), a.id(), touch.at());
            within = bill.billedAt().isBefore(referred.atZone(c.zone()).plusMonths(plan.recurringMonths()).toInstant());
        }
        Plan.History history = new Plan.History(volumeBefore, prior, within, earnedIn(sql, a.id(), month));
        Plan.Calculation level1 = plan.level1(bill.amount(), bill.lines(), history);
        Instant holdUntil = bill.billedAt().plus(Duration.ofDays(c.holdDays()));
        if (level1.earns()) {
            insert(tx, a, bill, 1, level1, a.planId(), holdUntil, c);
            if (a.recruitedBy() != null) {
                AffiliateRow recruiter = affiliate(sql, a.recruitedBy(), false).orElseThrow();
                if (recruiter.status().equals("APPROVED")) {
                    Plan theirs = Plans.of(sql, recruiter.planId(), c.defaultPlan());
                    Plan.Calculation level2 = theirs.level2(level1.amount(), earnedIn(sql, recruiter.id(), month));
                    if (level2.earns()) {
                        insert(tx, recruiter, bill, 2, level2, recruiter.planId(), holdUntil, c);
                    }
                }
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("affiliateId", String.valueOf(a.id()));
        facts.put("customerId", String.valueOf(bill.customerId()));
        facts.put("billNumber", bill.billNumber());
        facts.put("amount", bill.amount().toPlainString());
        facts.put("billedAt", bill.billedAt().toString());
        facts.put("source", touch.source());
        facts.put("code", touch.code());
        facts.put("touchedAt", touch.at().toString());
        if (touch.linkId() != null) {
            facts.put("linkId", String.valueOf(touch.linkId()));
        }
        if (bill.mobile() != null) {
            facts.put("mobile", bill.mobile());
        }
        facts.put("affiliateMobile", a.mobile());
        for (long alert : fraud.run(tx, c, FraudRule.Trigger.CONVERSION, "bill:" + bill.billNumber(), facts)) {
            sql.update("UPDATE affiliate_commission SET held_by = ? WHERE bill_number = ? AND held_by IS NULL "
                    + "AND status = 'PENDING'", alert, bill.billNumber());
        }
    }

    private void insert(Tx tx, AffiliateRow a, BillFacts bill, int level, Plan.Calculation calc, Long planId,
                        Instant holdUntil, CommissionSettings.Config c) {
        Long heldBy = FraudChecks.openAffiliateHold(tx.sql(), a.id()).orElse(null);
        String explanation = calc.explanation().length() > 1000 ? calc.explanation().substring(0, 1000) : calc.explanation();
        long id = tx.sql().insert("INSERT IGNORE INTO affiliate_commission (affiliate_id, bill_number, customer_id, level, "
                        + "bill_amount, amount, currency, status, plan_id, calculation, billed_at, created_at, hold_until, "
                        + "held_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?)", a.id(), bill.billNumber(),
                bill.customerId(), level, bill.amount(), calc.amount(), c.currency(), planId, explanation, bill.billedAt(),
                tx.now(), holdUntil, heldBy);
        if (id > 0) {
            tx.publish(new CommissionEarned(id, a.id(), bill.billNumber(), level, calc.amount(), c.currency(), holdUntil,
                    a.telegramUserId()), String.valueOf(a.id()));
        }
    }

    // ---- reversal (inside the listener's transaction) ------------------------------------------------

    /**
     * Reverses a bill's commissions. Pending or approved: REVERSED. Approved inside a requested payout: REVERSED and
     * taken out of the payout (a payout left with nothing is rejected). Paid: REVERSED, and a negative adjustment the
     * affiliate's next payout nets. Returns the affiliates whose commissions changed.
     */
    List<Long> reverse(Tx tx, String billNumber, String reason) {
        SqlRunner sql = tx.sql();
        List<Long> affiliates = sql.query("SELECT DISTINCT affiliate_id FROM affiliate_commission WHERE bill_number = ?",
                rs -> rs.getLong(1), billNumber);
        if (affiliates.isEmpty()) {
            return List.of();
        }
        lock(sql, affiliates);
        Instant now = tx.now();
        String why = reason == null || reason.isBlank() ? "bill reversed" : "bill reversed: " + reason.trim();
        if (why.length() > 500) {
            why = why.substring(0, 500);
        }
        List<Long> changed = new ArrayList<>();
        for (Commission c : sql.query("SELECT " + COLUMNS + " FROM affiliate_commission WHERE bill_number = ? "
                + "ORDER BY level FOR UPDATE", Commissions::commission, billNumber)) {
            switch (c.status()) {
                case PENDING, APPROVED -> {
                    sql.update("UPDATE affiliate_commission SET status = 'REVERSED', reason = ?, decided_at = ?, "
                            + "decided_by = 'system', payout_id = NULL WHERE id = ?", why, now, c.id());
                    if (c.payoutId() != null) {
                        Payouts.recount(tx, c.payoutId());
                    }
                }
                case PAID -> {
                    sql.update("UPDATE affiliate_commission SET status = 'REVERSED', reason = ?, decided_at = ?, "
                            + "decided_by = 'system' WHERE id = ?", why + " (after it was paid: netted from the next payout)",
                            now, c.id());
                    sql.update("INSERT IGNORE INTO affiliate_adjustment (affiliate_id, commission_id, amount, currency, "
                                    + "reason, created_at) VALUES (?, ?, ?, ?, ?, ?)", c.affiliateId(), c.id(),
                            c.amount().amount().negate(), c.amount().currency(), why + " after payout " + c.payoutId(), now);
                }
                case REJECTED, REVERSED -> {
                    continue;
                }
            }
            changed.add(c.affiliateId());
        }
        return changed;
    }

    // ---- decisions -----------------------------------------------------------------------------------

    List<Commission> list(Long affiliateId, CommissionStatus status, int limit) {
        int n = limit <= 0 ? 50 : Math.min(limit, 1000);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (affiliateId != null) {
            where.append(" AND affiliate_id = ?");
            args.add(affiliateId);
        }
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status);
        }
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT " + COLUMNS
                + " FROM affiliate_commission" + where + " ORDER BY id DESC LIMIT " + n, Commissions::commission, args.toArray()));
    }

    Optional<Commission> find(long id) {
        return context.transactions().inTransaction(tx -> find(tx.sql(), id, false));
    }

    /** Approves a pending commission that no fraud alert holds; approving an approved one changes nothing. */
    Commission approve(Actor actor, long id) {
        return context.transactions().inTransaction(tx -> {
            Commission c = lockedForDecision(tx.sql(), id);
            if (c.status() == CommissionStatus.APPROVED) {
                return c;
            }
            if (c.status() != CommissionStatus.PENDING) {
                throw new Rejected(CONFLICT, "commission-not-pending", "Commission " + id + " is "
                        + c.status().name().toLowerCase(java.util.Locale.ROOT) + "; only a pending one can be approved.");
            }
            if (c.heldBy() != null) {
                throw new Rejected(CONFLICT, "commission-held", "Commission " + id + " is held by fraud alert "
                        + c.heldBy() + "; resolve the alert first.");
            }
            markApproved(tx, c, actor);
            return find(tx.sql(), id, false).orElseThrow();
        });
    }

    /** Rejects a pending commission, or an approved one not yet in a payout; rejecting a rejected one changes nothing. */
    Commission reject(Actor actor, long id, String reason) {
        String why = AffiliateServiceImpl.requiredText(reason, "reason", 500, "invalid-reason");
        return context.transactions().inTransaction(tx -> {
            Commission c = lockedForDecision(tx.sql(), id);
            if (c.status() == CommissionStatus.REJECTED) {
                return c;
            }
            boolean open = c.status() == CommissionStatus.PENDING
                    || (c.status() == CommissionStatus.APPROVED && c.payoutId() == null);
            if (!open) {
                throw new Rejected(CONFLICT, "commission-not-open", "Commission " + id + " is "
                        + (c.payoutId() != null && c.status() == CommissionStatus.APPROVED ? "in payout " + c.payoutId()
                        : c.status().name().toLowerCase(java.util.Locale.ROOT)) + " and can no longer be rejected.");
            }
            tx.sql().update("UPDATE affiliate_commission SET status = 'REJECTED', reason = ?, decided_at = ?, "
                    + "decided_by = ? WHERE id = ?", why, tx.now(), label(actor), id);
            Commission after = find(tx.sql(), id, false).orElseThrow();
            audit(tx, actor, "commission.reject", after.id(), c, after);
            return after;
        });
    }

    /** Approves each of the ids it can (pending, not held); returns how many it approved. */
    int approveAll(Actor actor, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return 0;
        }
        if (ids.size() > 1000) {
            throw Affiliates.invalid("too-many", "ids", "at most 1000 commissions at once");
        }
        int approved = 0;
        for (long id : new LinkedHashSet<>(ids)) {
            approved += context.transactions().inTransaction(tx -> {
                Optional<Commission> found = find(tx.sql(), id, false);
                if (found.isEmpty()) {
                    return 0;
                }
                Commission c = lockedForDecision(tx.sql(), id);
                if (c.status() != CommissionStatus.PENDING || c.heldBy() != null) {
                    return 0;
                }
                markApproved(tx, c, actor);
                return 1;
            });
        }
        return approved;
    }

    /**
     * What the approval job does: approves every pending commission whose hold has passed, that no alert holds, of an
     * approved affiliate, up to the manual-approval amount. One commission per transaction. Returns how many.
     */
    int approveDue() {
        CommissionSettings.Config c = config();
        if (c.manualAbove().signum() == 0) {
            return 0; // every commission waits for a person
        }
        int approved = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> due = context.transactions().inTransaction(tx -> tx.sql().query("SELECT c.id FROM affiliate_commission c "
                            + "JOIN affiliate a ON a.id = c.affiliate_id WHERE c.status = 'PENDING' AND c.held_by IS NULL "
                            + "AND c.hold_until <= ? AND c.amount <= ? AND a.status = 'APPROVED' AND c.id > ? "
                            + "ORDER BY c.id LIMIT " + BATCH, rs -> rs.getLong(1), tx.now(), c.manualAbove(), from));
            for (long id : due) {
                approved += context.transactions().inTransaction(tx -> {
                    Commission found = find(tx.sql(), id, false).orElseThrow();
                    lock(tx.sql(), List.of(found.affiliateId()));
                    Commission now = find(tx.sql(), id, true).orElseThrow();
                    if (now.status() != CommissionStatus.PENDING || now.heldBy() != null
                            || now.holdUntil().isAfter(tx.now()) || !c.autoApproves(now.amount().amount())) {
                        return 0; // decided, held or changed meanwhile
                    }
                    markApproved(tx, now, Actor.SYSTEM);
                    return 1;
                });
            }
            if (due.size() < BATCH) {
                return approved;
            }
            after = due.get(due.size() - 1);
        }
    }

    /** Locks the commission's affiliate, then the commission. */
    private static Commission lockedForDecision(SqlRunner sql, long id) {
        Commission c = find(sql, id, false).orElseThrow(() -> unknown(id));
        lock(sql, List.of(c.affiliateId()));
        return find(sql, id, true).orElseThrow(() -> unknown(id));
    }

    private static void markApproved(Tx tx, Commission c, Actor actor) {
        tx.sql().update("UPDATE affiliate_commission SET status = 'APPROVED', decided_at = ?, decided_by = ? WHERE id = ?",
                tx.now(), label(actor), c.id());
        CommissionApproved e = new CommissionApproved(c.id(), c.affiliateId(), c.billNumber(), c.level(),
                c.amount().amount(), c.amount().currency(), label(actor),
                affiliate(tx.sql(), c.affiliateId(), false).map(AffiliateRow::telegramUserId).orElse(null));
        tx.publish(e, String.valueOf(c.affiliateId()));
        audit(tx, actor, "commission.approve", c.id(), c, e);
    }

    static String label(Actor actor) {
        return actor == null ? "system" : actor.label();
    }

    static void audit(Tx tx, Actor actor, String action, long id, Object before, Object after) {
        if (actor != null && actor.kind() != Actor.Kind.SYSTEM) {
            tx.audit(actor, action, "affiliate-commission", String.valueOf(id), before, after);
        }
    }
}
