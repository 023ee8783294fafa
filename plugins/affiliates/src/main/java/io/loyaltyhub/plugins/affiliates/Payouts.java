package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.event.PayoutRejected;
import io.loyaltyhub.api.affiliate.event.PayoutPaid;
import io.loyaltyhub.api.affiliate.event.PayoutRequested;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.loyaltyhub.api.common.Rejected.Kind.CONFLICT;
import static io.loyaltyhub.api.common.Rejected.Kind.NOT_FOUND;

/**
 * Payouts of the approved balance. The balance can never be paid twice: a request locks the affiliate's row, moves
 * every approved, unpaid commission (and open adjustment) into the payout with a conditional update, and at most one
 * payout per affiliate is open (a unique column); paying is a conditional update from REQUESTED.
 */
final class Payouts {
    private static final String COLUMNS = "id, affiliate_id, amount, currency, status, requested_at, paid_at, method, "
            + "reference, proof_file, paid_by";

    private final PluginContext context;

    Payouts(PluginContext context) {
        this.context = context;
    }

    private CommissionSettings.Config config() {
        return CommissionSettings.from(context.settings());
    }

    static Payout payout(ResultSet rs) throws SQLException {
        return new Payout(rs.getLong("id"), rs.getLong("affiliate_id"), new Money(rs.getBigDecimal("amount"),
                rs.getString("currency")), PayoutStatus.valueOf(rs.getString("status")), SqlRunner.instant(rs, "requested_at"),
                SqlRunner.instant(rs, "paid_at"), rs.getString("method"), rs.getString("reference"),
                rs.getString("proof_file"), rs.getString("paid_by"));
    }

    static Optional<Payout> find(SqlRunner sql, long id) {
        return sql.one("SELECT " + COLUMNS + " FROM affiliate_payout WHERE id = ?", Payouts::payout, id);
    }

    /** Approved commissions not in a payout, plus open adjustments (negative: reversed after payment). */
    static BigDecimal balance(SqlRunner sql, long affiliateId, String currency) {
        BigDecimal commissions = sql.one("SELECT COALESCE(SUM(amount), 0) FROM affiliate_commission WHERE affiliate_id = ? "
                        + "AND status = 'APPROVED' AND payout_id IS NULL AND currency = ?", rs -> rs.getBigDecimal(1),
                affiliateId, currency).orElse(BigDecimal.ZERO);
        BigDecimal adjustments = sql.one("SELECT COALESCE(SUM(amount), 0) FROM affiliate_adjustment WHERE affiliate_id = ? "
                + "AND payout_id IS NULL AND currency = ?", rs -> rs.getBigDecimal(1), affiliateId, currency).orElse(BigDecimal.ZERO);
        return commissions.add(adjustments);
    }

    Money approvedBalance(long affiliateId) {
        String currency = config().currency();
        return context.transactions().inTransaction(tx -> {
            Affiliates.existing(tx.sql(), affiliateId, false);
            return new Money(balance(tx.sql(), affiliateId, currency), currency);
        });
    }

    Payout request(Actor actor, long affiliateId) {
        CommissionSettings.Config c = config();
        return context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            Commissions.AffiliateRow a = Commissions.affiliate(sql, affiliateId, true)
                    .orElseThrow(() -> Affiliates.unknown(affiliateId));
            if (!a.status().equals("APPROVED")) {
                throw new Rejected(CONFLICT, "affiliate-not-approved", "Affiliate " + affiliateId + " is "
                        + a.status().toLowerCase(java.util.Locale.ROOT) + "; only approved affiliates are paid out.");
            }
            Optional<Long> open = sql.one("SELECT id FROM affiliate_payout WHERE open_affiliate = ?", rs -> rs.getLong(1),
                    affiliateId);
            if (open.isPresent()) {
                throw new Rejected(CONFLICT, "payout-open", "Payout " + open.get()
                        + " of this affiliate is waiting to be paid.");
            }
            // the affiliate's row is locked: nothing else moves their commissions until this commits
            BigDecimal amount = balance(sql, affiliateId, c.currency());
            if (amount.compareTo(c.payoutMinimum()) < 0) {
                throw new Rejected(CONFLICT, "payout-below-minimum", "The approved balance "
                        + amount.toPlainString() + " " + c.currency() + " is below the payout minimum "
                        + c.payoutMinimum().toPlainString() + ".");
            }
            long id = sql.insert("INSERT INTO affiliate_payout (affiliate_id, amount, currency, status, requested_at, "
                            + "requested_by, open_affiliate) VALUES (?, ?, ?, 'REQUESTED', ?, ?, ?)", affiliateId, amount,
                    c.currency(), tx.now(), Commissions.label(actor), affiliateId);
            sql.update("UPDATE affiliate_commission SET payout_id = ? WHERE affiliate_id = ? AND status = 'APPROVED' "
                    + "AND payout_id IS NULL AND currency = ?", id, affiliateId, c.currency());
            sql.update("UPDATE affiliate_adjustment SET payout_id = ? WHERE affiliate_id = ? AND payout_id IS NULL "
                    + "AND currency = ?", id, affiliateId, c.currency());
            if (total(sql, id).compareTo(amount) != 0) {
                throw new IllegalStateException("payout " + id + " does not add up"); // rolls back; cannot happen under the lock
            }
            Payout p = find(sql, id).orElseThrow();
            tx.publish(new PayoutRequested(p.id(), affiliateId, p.amount().amount(), p.amount().currency(),
                    a.telegramUserId()), String.valueOf(affiliateId));
            audit(tx, actor, "payout.request", id, null, p);
            return p;
        });
    }

    private static BigDecimal total(SqlRunner sql, long payoutId) {
        BigDecimal commissions = sql.one("SELECT COALESCE(SUM(amount), 0) FROM affiliate_commission WHERE payout_id = ? "
                + "AND status IN ('APPROVED', 'PAID')", rs -> rs.getBigDecimal(1), payoutId).orElse(BigDecimal.ZERO);
        BigDecimal adjustments = sql.one("SELECT COALESCE(SUM(amount), 0) FROM affiliate_adjustment WHERE payout_id = ?",
                rs -> rs.getBigDecimal(1), payoutId).orElse(BigDecimal.ZERO);
        return commissions.add(adjustments);
    }

    /**
     * After a commission left a requested payout (its bill was reversed): the payout's amount is what is left in it;
     * if nothing is left to pay, the payout is rejected and its adjustments go back to the balance. The caller holds
     * the affiliate's lock.
     */
    static void recount(Tx tx, long payoutId) {
        SqlRunner sql = tx.sql();
        String status = sql.one("SELECT status FROM affiliate_payout WHERE id = ? FOR UPDATE", rs -> rs.getString(1),
                payoutId).orElseThrow();
        if (!status.equals("REQUESTED")) {
            return;
        }
        BigDecimal left = total(sql, payoutId);
        if (left.signum() > 0) {
            sql.update("UPDATE affiliate_payout SET amount = ? WHERE id = ?", left, payoutId);
            return;
        }
        release(sql, payoutId);
        sql.update("UPDATE affiliate_payout SET status = 'REJECTED', open_affiliate = NULL, note = ? WHERE id = ?",
                "nothing left to pay: its commissions were reversed", payoutId);
    }

    private static void release(SqlRunner sql, long payoutId) {
        sql.update("UPDATE affiliate_commission SET payout_id = NULL WHERE payout_id = ? AND status = 'APPROVED'", payoutId);
        sql.update("UPDATE affiliate_adjustment SET payout_id = NULL WHERE payout_id = ?", payoutId);
    }

    Payout markPaid(Actor actor, long payoutId, String method, String reference, String proofFile) {
        String m = AffiliateServiceImpl.requiredText(method, "method", 60, "invalid-method");
        String ref = AffiliateServiceImpl.requiredText(reference, "reference", 200, "invalid-reference");
        String proof = AffiliateServiceImpl.optionalText(proofFile, "proofFile", 500, "invalid-proof-file");
        return context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            Payout before = find(sql, payoutId).orElseThrow(() -> unknown(payoutId));
            Commissions.AffiliateRow a = Commissions.affiliate(sql, before.affiliateId(), true).orElseThrow();
            int paid = sql.update("UPDATE affiliate_payout SET status = 'PAID', paid_at = ?, paid_by = ?, method = ?, "
                    + "reference = ?, proof_file = ?, open_affiliate = NULL WHERE id = ? AND status = 'REQUESTED'",
                    tx.now(), Commissions.label(actor), m, ref, proof, payoutId);
            if (paid == 0) {
                Payout now = find(sql, payoutId).orElseThrow();
                throw new Rejected(CONFLICT, now.status() == PayoutStatus.PAID ? "payout-already-paid"
                        : "payout-not-requested", "Payout " + payoutId + " is " + now.status().name()
                        .toLowerCase(java.util.Locale.ROOT) + (now.status() == PayoutStatus.PAID ? " (" + now.reference() + ")" : "")
                        + "; only a requested payout can be paid.");
            }
            sql.update("UPDATE affiliate_commission SET status = 'PAID' WHERE payout_id = ? AND status = 'APPROVED'", payoutId);
            Payout after = find(sql, payoutId).orElseThrow();
            tx.publish(new PayoutPaid(after.id(), after.affiliateId(), after.amount().amount(), after.amount().currency(),
                    a.telegramUserId(), m, ref), String.valueOf(after.affiliateId()));
            audit(tx, actor, "payout.pay", payoutId, before, after);
            return after;
        });
    }

    /** Refuses a requested payout: its commissions go back to the approved balance. */
    Payout reject(Actor actor, long payoutId, String reason) {
        String why = AffiliateServiceImpl.requiredText(reason, "reason", 500, "invalid-reason");
        return context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            Payout before = find(sql, payoutId).orElseThrow(() -> unknown(payoutId));
            Commissions.AffiliateRow a = Commissions.affiliate(sql, before.affiliateId(), true).orElseThrow();
            int done = sql.update("UPDATE affiliate_payout SET status = 'REJECTED', open_affiliate = NULL, note = ?, "
                    + "paid_by = ? WHERE id = ? AND status = 'REQUESTED'", why, Commissions.label(actor), payoutId);
            if (done == 0) {
                throw new Rejected(CONFLICT, "payout-not-requested", "Payout " + payoutId
                        + " is no longer requested.");
            }
            release(sql, payoutId);
            Payout after = find(sql, payoutId).orElseThrow();
            tx.publish(new PayoutRejected(after.id(), after.affiliateId(), after.amount().amount(),
                    after.amount().currency(), a.telegramUserId(), why), String.valueOf(after.affiliateId()));
            audit(tx, actor, "payout.reject", payoutId, before, after);
            return after;
        });
    }

    List<Payout> list(Long affiliateId, PayoutStatus status, int limit) {
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
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT " + COLUMNS + " FROM affiliate_payout"
                + where + " ORDER BY id DESC LIMIT " + n, Payouts::payout, args.toArray()));
    }

    Optional<Payout> find(long id) {
        return context.transactions().inTransaction(tx -> find(tx.sql(), id));
    }

    static Rejected unknown(long id) {
        return new Rejected(NOT_FOUND, "unknown-payout", "No payout " + id + ".");
    }

    private static void audit(Tx tx, Actor actor, String action, long id, Object before, Object after) {
        if (actor != null && actor.kind() != Actor.Kind.SYSTEM) {
            tx.audit(actor, action, "affiliate-payout", String.valueOf(id), before, after);
        }
    }
}
