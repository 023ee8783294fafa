package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.MovementKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The points ledger. Every movement is a transfer between two accounts with one entry on each
 * (-n, +n), written once and never changed. A customer has a WALLET (spendable) and a PENDING
 * account, whose balances are cached on the customer row; the system has ISSUED, REDEEMED,
 * EXPIRED and ADJUSTMENT, whose balances are derived from entries (never cached: no hot rows).
 * <p>
 * Rules every method keeps: the customer row is locked first ({@link #lock}), so one customer's
 * movements are serialised and lot locks never deadlock; a debit is a conditional update that
 * refuses to go below zero; a transfer's idempotency key is unique, and a key used before
 * returns the earlier transfer without a second effect. Earned points are lots; spending takes
 * the oldest available lots first.
 */
final class Ledger {
    enum Account { WALLET, PENDING, ISSUED, REDEEMED, EXPIRED, ADJUSTMENT;

        boolean customers() {
            return this == WALLET || this == PENDING;
        }
    }

    /** A customer's locked row: balances and what earning rules need. */
    record Balances(long customerId, long wallet, long pending, long owed, long lifetimeEarned, String tier,
                    String status, Integer birthMonth, Integer birthDay, int visits, Integer birthdayBonusYear) {
    }

    static final String LOCK_COLUMNS = "SELECT id, wallet, pending, owed, lifetime_earned, tier_code, status, "
            + "birth_month, birth_day, visits, birthday_bonus_year FROM loyalty_customer ";

    static Balances balances(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Balances(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getInt(10),
                rs.getObject(11, Integer.class));
    }

    /** Locks the customer with this E.164 mobile, if there is one. */
    static Optional<Balances> lockByMobile(SqlRunner sql, String mobile) {
        return sql.one(LOCK_COLUMNS + "WHERE mobile = ? FOR UPDATE", Ledger::balances, mobile);
    }

    /** A transfer as applied: {@code fresh} is false when its key had been used before; lotId when it made a lot. */
    record Applied(long transferId, boolean fresh, long lotId) {
        Applied(long transferId, boolean fresh) {
            this(transferId, fresh, 0);
        }
    }

    private Ledger() {
    }

    static Balances lock(SqlRunner sql, long customerId) {
        return sql.one(LOCK_COLUMNS + "WHERE id = ? FOR UPDATE", Ledger::balances, customerId)
                .orElseThrow(() -> Rejected.notFound("unknown-customer", "No customer " + customerId));
    }

    /**
     * Moves {@code points} from one account to another for a locked customer.
     *
     * @throws Rejected insufficient-points when a customer account would go below zero
     */
    static Applied transfer(SqlRunner sql, String key, MovementKind kind, long customerId, Account from, Account to,
                            long points, String reason, String cause, Instant now) {
        if (points <= 0) {
            throw new IllegalArgumentException("a transfer moves a positive number of points, not " + points);
        }
        long id = sql.insert("INSERT IGNORE INTO loyalty_transfer (idem_key, kind, customer_id, from_account, "
                        + "to_account, points, reason, cause, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key, kind, customerId, from, to, points, truncate(reason, 300), truncate(cause, 150), now);
        if (id == 0) {
            record Earlier(long id, long customer, String from, String to, long points) {
            }
            Earlier e = sql.one("SELECT id, customer_id, from_account, to_account, points FROM loyalty_transfer "
                            + "WHERE idem_key = ?", rs -> new Earlier(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5)), key).orElseThrow();
            if (e.customer() != customerId || !e.from().equals(from.name()) || !e.to().equals(to.name())
                    || e.points() != points) {
                throw Rejected.conflict("idempotency-conflict", "The key " + key + " was used for another movement.");
            }
            return new Applied(e.id(), false);
        }
        if (from.customers()) {
            String column = from == Account.WALLET ? "wallet" : "pending";
            int changed = sql.update("UPDATE loyalty_customer SET " + column + " = " + column + " - ? "
                    + "WHERE id = ? AND " + column + " >= ?", points, customerId, points);
            if (changed == 0) {
                throw Rejected.conflict("insufficient-points", "Not enough " + column + " points for "
                        + points + ".");
            }
        }
        if (to.customers()) {
            String column = to == Account.WALLET ? "wallet" : "pending";
            sql.update("UPDATE loyalty_customer SET " + column + " = " + column + " + ? WHERE id = ?", points, customerId);
        }
        sql.update("INSERT INTO loyalty_entry (transfer_id, account, customer_id, amount) VALUES (?, ?, ?, ?), (?, ?, ?, ?)",
                id, from, from.customers() ? customerId : null, -points,
                id, to, to.customers() ? customerId : null, points);
        return new Applied(id, true);
    }

    /** Credits newly earned points into a lot (pending until {@code availableAt} when {@code pending}). */
    static Applied earn(SqlRunner sql, String key, MovementKind kind, long customerId, Account from, long points,
                        boolean pending, Instant availableAt, Instant expiresAt, String billNumber, String reason,
                        String cause, Instant now) {
        Applied t = transfer(sql, key, kind, customerId, from, pending ? Account.PENDING : Account.WALLET, points,
                reason, cause, now);
        if (!t.fresh()) {
            return t;
        }
        long lot = sql.insert("INSERT INTO loyalty_lot (customer_id, transfer_id, bill_number, points, remaining, pending, "
                        + "earned_at, available_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                customerId, t.transferId(), billNumber, points, points, pending, now, availableAt, expiresAt);
        return new Applied(t.transferId(), true, lot);
    }

    /** Spent points and the earliest expiry among the lots they came from (null: they would not expire). */
    record Spent(Applied applied, Instant earliestExpiry) {
    }

    /** Spends from the wallet, oldest lots first. */
    static Applied spend(SqlRunner sql, String key, MovementKind kind, long customerId, Account to, long points,
                         String reason, String cause, Instant now) {
        return spendFromLots(sql, key, kind, customerId, to, points, reason, cause, now).applied();
    }

    static Spent spendFromLots(SqlRunner sql, String key, MovementKind kind, long customerId, Account to, long points,
                               String reason, String cause, Instant now) {
        Applied t = transfer(sql, key, kind, customerId, Account.WALLET, to, points, reason, cause, now);
        return new Spent(t, t.fresh() ? consumeLots(sql, customerId, points, null) : null);
    }

    /**
     * Takes {@code points} from available lots: those of {@code billNumber} first when given, then the
     * oldest. The wallet balance was already debited, so the lots must hold enough.
     */
    static Instant consumeLots(SqlRunner sql, long customerId, long points, String billNumber) {
        record Lot(long id, long remaining, Instant expiresAt) {
        }
        String select = "SELECT id, remaining, expires_at FROM loyalty_lot WHERE customer_id = ? AND pending = FALSE "
                + "AND remaining > 0 ";
        SqlRunner.Row<Lot> row = rs -> new Lot(rs.getLong(1), rs.getLong(2), SqlRunner.instant(rs, "expires_at"));
        List<Lot> lots = billNumber == null
                ? sql.query(select + "ORDER BY earned_at, id FOR UPDATE", row, customerId)
                : sql.query(select + "ORDER BY (bill_number <=> ?) DESC, earned_at, id FOR UPDATE", row, customerId,
                billNumber);
        long left = points;
        Instant earliestExpiry = null;
        for (Lot lot : lots) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining());
            sql.update("UPDATE loyalty_lot SET remaining = remaining - ? WHERE id = ?", take, lot.id());
            left -= take;
            if (lot.expiresAt() != null && (earliestExpiry == null || lot.expiresAt().isBefore(earliestExpiry))) {
                earliestExpiry = lot.expiresAt();
            }
        }
        if (left > 0) {
            throw new IllegalStateException("ledger inconsistency: wallet of customer " + customerId
                    + " exceeds its lots by " + left);
        }
        return earliestExpiry;
    }

    /** Pending lots whose hold has ended become spendable. */
    static void release(SqlRunner sql, long customerId, long lotId, long points, Instant now) {
        Applied t = transfer(sql, "release:lot:" + lotId, MovementKind.RELEASE, customerId, Account.PENDING,
                Account.WALLET, points, "return window ended", "lot:" + lotId, now);
        if (t.fresh()) {
            sql.update("UPDATE loyalty_lot SET pending = FALSE WHERE id = ?", lotId);
        }
    }

    /** What is left of an expired lot goes to EXPIRED. */
    static void expire(SqlRunner sql, long customerId, long lotId, long remaining, Instant now) {
        Applied t = transfer(sql, "expire:lot:" + lotId, MovementKind.EXPIRE, customerId, Account.WALLET,
                Account.EXPIRED, remaining, "points expired", "lot:" + lotId, now);
        if (t.fresh()) {
            sql.update("UPDATE loyalty_lot SET remaining = remaining - ?, expired = expired + ? WHERE id = ?",
                    remaining, remaining, lotId);
        }
    }

    /** Settles points owed after a reversal from what the customer has now. */
    static void settleOwed(SqlRunner sql, long customerId, String cause, Instant now) {
        Balances b = lock(sql, customerId);
        long n = Math.min(b.owed(), b.wallet());
        if (n > 0 && spend(sql, "settle:" + cause, MovementKind.REVERSE, customerId, Account.ISSUED, n,
                "settles points of a reversed bill", cause, now).fresh()) {
            sql.update("UPDATE loyalty_customer SET owed = owed - ? WHERE id = ?", n, customerId);
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
