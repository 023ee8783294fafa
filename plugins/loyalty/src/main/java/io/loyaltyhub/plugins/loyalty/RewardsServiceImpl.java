package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.event.VoucherCancelled;
import io.loyaltyhub.api.loyalty.event.VoucherUsed;
import io.loyaltyhub.api.loyalty.event.RewardRedeemed;
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.loyalty.CouponBatch;
import io.loyaltyhub.api.loyalty.CouponBatchDraft;
import io.loyaltyhub.api.loyalty.CouponCheck;
import io.loyaltyhub.api.loyalty.CouponKind;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.MovementKind;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardDraft;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.loyalty.Voucher;
import io.loyaltyhub.api.loyalty.VoucherStatus;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Rewards, vouchers and promo codes. Redemption and refunds go through the {@link Ledger}. */
@Extension
public class RewardsServiceImpl implements RewardsService {
    private static final String REWARD_COLUMNS = "id, name, description, points_cost, stock, redeemed, valid_from, "
            + "valid_to, min_tier, per_customer_limit, voucher_days, active";
    private static final String VOUCHER_SELECT = "SELECT v.id, v.code, v.customer_id, v.reward_id, r.name, v.points_cost, "
            + "v.status, v.issued_at, v.expires_at, v.used_at, v.used_store FROM loyalty_voucher v "
            + "JOIN loyalty_reward r ON r.id = v.reward_id ";

    private final PluginContext context;

    public RewardsServiceImpl(PluginContext context) {
        this.context = context;
    }

    // ---- catalog -------------------------------------------------------------------------------

    @Override
    public List<Reward> catalog(boolean includeInactive) {
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT " + REWARD_COLUMNS
                + " FROM loyalty_reward" + (includeInactive ? "" : " WHERE active = TRUE") + " ORDER BY points_cost, id",
                RewardsServiceImpl::reward));
    }

    @Override
    public List<Reward> availableFor(long customerId) {
        return context.transactions().inTransaction(tx -> {
            int rank = customerTierRank(tx, customerId);
            Instant now = tx.now();
            List<Reward> out = new ArrayList<>();
            for (Reward r : tx.sql().query("SELECT " + REWARD_COLUMNS + " FROM loyalty_reward WHERE active = TRUE "
                    + "ORDER BY points_cost, id", RewardsServiceImpl::reward)) {
                if (refusal(tx, r, customerId, rank, now).isEmpty()) {
                    out.add(r);
                }
            }
            return out;
        });
    }

    private static int customerTierRank(Tx tx, long customerId) {
        return tx.sql().one("SELECT COALESCE(t.tier_rank, 0) FROM loyalty_customer c LEFT JOIN loyalty_tier t "
                        + "ON t.code = c.tier_code WHERE c.id = ?", rs -> rs.getInt(1), customerId)
                .orElseThrow(() -> Rejected.notFound("unknown-customer", "No customer " + customerId));
    }

    /** Why the customer may not redeem the reward now, as a refusal; empty if they may. */
    private static Optional<Rejected> refusal(Tx tx, Reward r, long customerId, int tierRank, Instant now) {
        if (!r.active()) {
            return Optional.of(Rejected.conflict("reward-inactive", r.name() + " is not offered now."));
        }
        if ((r.validFrom() != null && now.isBefore(r.validFrom())) || (r.validTo() != null && !now.isBefore(r.validTo()))) {
            return Optional.of(Rejected.conflict("reward-not-valid", r.name() + " is not offered on this date."));
        }
        if (r.stock() != null && r.stock() <= 0) {
            return Optional.of(Rejected.conflict("out-of-stock", r.name() + " is out of stock."));
        }
        if (r.minTier() != null) {
            int needed = Tiers.byCode(tx, r.minTier()).map(Tiers.Tier::rank).orElse(Integer.MAX_VALUE);
            if (tierRank < needed) {
                return Optional.of(Rejected.conflict("tier-too-low", r.name() + " is for " + r.minTier()
                        + " members and above."));
            }
        }
        if (r.perCustomerLimit() != null) {
            long had = tx.sql().one("SELECT COUNT(*) FROM loyalty_voucher WHERE customer_id = ? AND reward_id = ? "
                    + "AND status <> 'CANCELLED'", rs -> rs.getLong(1), customerId, r.id()).orElse(0L);
            if (had >= r.perCustomerLimit()) {
                return Optional.of(Rejected.conflict("limit-reached", "You have redeemed " + r.name() + " "
                        + had + " time(s), the most allowed."));
            }
        }
        return Optional.empty();
    }

    @Override
    public Reward saveReward(Actor actor, RewardDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "is required, at most 120 characters");
        }
        if (d.description() != null && d.description().length() > 1000) {
            errors.put("description", "at most 1000 characters");
        }
        if (d.pointsCost() == null || d.pointsCost() <= 0 || d.pointsCost() > 10_000_000) {
            errors.put("pointsCost", "must be from 1 to 10000000");
        }
        if (d.stock() != null && d.stock() < 0) {
            errors.put("stock", "must be 0 or more (empty for unlimited)");
        }
        if (d.validFrom() != null && d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            errors.put("validTo", "must be after validFrom");
        }
        if (d.perCustomerLimit() != null && d.perCustomerLimit() < 1) {
            errors.put("perCustomerLimit", "must be 1 or more (empty for no limit)");
        }
        int voucherDays = d.voucherDays() == null ? 30 : d.voucherDays();
        if (voucherDays < 1 || voucherDays > 3650) {
            errors.put("voucherDays", "must be from 1 to 3650");
        }
        String minTier = d.minTier() == null || d.minTier().isBlank() ? null : d.minTier().trim().toUpperCase(Locale.ROOT);
        return context.transactions().inTransaction(tx -> {
            if (minTier != null && Tiers.byCode(tx, minTier).isEmpty()) {
                errors.put("minTier", "no tier " + minTier);
            }
            if (!errors.isEmpty()) {
                throw Rejected.invalid("The reward has invalid fields.", errors);
            }
            Instant now = tx.now();
            boolean active = d.active() == null || d.active();
            long id;
            Reward before = null;
            if (d.id() == null) {
                id = tx.sql().insert("INSERT INTO loyalty_reward (name, description, points_cost, stock, valid_from, valid_to, "
                                + "min_tier, per_customer_limit, voucher_days, active, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", name, d.description(), d.pointsCost(),
                        d.stock(), d.validFrom(), d.validTo(), minTier, d.perCustomerLimit(), voucherDays, active, now, now);
            } else {
                id = d.id();
                before = reward(tx.sql(), id, true);
                tx.sql().update("UPDATE loyalty_reward SET name = ?, description = ?, points_cost = ?, stock = ?, "
                                + "valid_from = ?, valid_to = ?, min_tier = ?, per_customer_limit = ?, voucher_days = ?, "
                                + "active = ?, updated_at = ? WHERE id = ?", name, d.description(), d.pointsCost(), d.stock(),
                        d.validFrom(), d.validTo(), minTier, d.perCustomerLimit(), voucherDays, active, now, id);
            }
            Reward after = reward(tx.sql(), id, false);
            tx.audit(actor, d.id() == null ? "reward.create" : "reward.update", "reward", String.valueOf(id), before, after);
            return after;
        });
    }

    private static Reward reward(SqlRunner sql, long id, boolean lock) {
        return sql.one("SELECT " + REWARD_COLUMNS + " FROM loyalty_reward WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                RewardsServiceImpl::reward, id)
                .orElseThrow(() -> Rejected.notFound("unknown-reward", "No reward " + id));
    }

    private static Reward reward(ResultSet rs) throws SQLException {
        return new Reward(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("points_cost"),
                rs.getObject("stock", Integer.class), rs.getLong("redeemed"), SqlRunner.instant(rs, "valid_from"),
                SqlRunner.instant(rs, "valid_to"), rs.getString("min_tier"), rs.getObject("per_customer_limit", Integer.class),
                rs.getInt("voucher_days"), rs.getBoolean("active"));
    }

    // ---- vouchers ------------------------------------------------------------------------------

    @Override
    public Voucher redeem(Actor actor, long customerId, long rewardId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw Rejected.invalid("missing-idempotency-key", "An idempotency key (at most 100 characters) is required.");
        }
        String key = "redeem:" + idempotencyKey.trim();
        return context.transactions().inTransaction(tx -> {
            Ledger.lock(tx.sql(), customerId);
            Optional<Voucher> earlier = tx.sql().one(VOUCHER_SELECT + "WHERE v.redeem_key = ?", RewardsServiceImpl::voucher, key);
            if (earlier.isPresent()) {
                if (earlier.get().customerId() != customerId || earlier.get().rewardId() != rewardId) {
                    throw Rejected.conflict("idempotency-conflict", "This idempotency key was used for another redemption.");
                }
                return earlier.get();
            }
            CustomerStatus status = tx.sql().one("SELECT status FROM loyalty_customer WHERE id = ?",
                    rs -> CustomerStatus.valueOf(rs.getString(1)), customerId).orElseThrow();
            if (status == CustomerStatus.BLOCKED || status == CustomerStatus.ERASED) {
                throw Rejected.conflict("customer-blocked", "This customer is "
                        + status.name().toLowerCase(Locale.ROOT) + ".");
            }
            Reward r = reward(tx.sql(), rewardId, true);
            Instant now = tx.now();
            Optional<Rejected> refused = refusal(tx, r, customerId, customerTierRank(tx, customerId), now);
            if (refused.isPresent()) {
                throw refused.get();
            }
            Ledger.Spent spentLots = Ledger.spendFromLots(tx.sql(), key, MovementKind.REDEEM, customerId,
                    Ledger.Account.REDEEMED, r.pointsCost(), "redeemed " + r.name(), "reward:" + r.id(), now);
            Ledger.Applied spent = spentLots.applied();
            tx.sql().update("UPDATE loyalty_reward SET redeemed = redeemed + 1, stock = IF(stock IS NULL, NULL, stock - 1) "
                    + "WHERE id = ?", r.id());
            LoyaltyConfig config = LoyaltyConfig.from(context.settings());
            Instant expires = java.time.ZonedDateTime.ofInstant(now, config.zone()).toLocalDate() // through that whole day
                    .plusDays(r.voucherDays() + 1L).atStartOfDay(config.zone()).toInstant();
            long voucherId = 0;
            String code = null;
            for (int attempt = 0; voucherId == 0 && attempt < 5; attempt++) { // a collision in 2^59 is rare, not impossible
                code = Codes.voucher();
                voucherId = tx.sql().insert("INSERT IGNORE INTO loyalty_voucher (code, redeem_key, customer_id, reward_id, "
                                + "points_cost, transfer_id, status, issued_at, expires_at, points_expire_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?)",
                        code, key, customerId, r.id(), r.pointsCost(), spent.transferId(), now, expires,
                        spentLots.earliestExpiry());
            }
            if (voucherId == 0) {
                throw new IllegalStateException("could not find a free voucher code");
            }
            Voucher v = voucherById(tx.sql(), voucherId);
            RewardRedeemed event = new RewardRedeemed(customerId, r.id(), r.name(), r.pointsCost(), v.code(), expires, null);
            tx.publish(event, String.valueOf(customerId));
            tx.audit(actor, "reward.redeem", "voucher", String.valueOf(voucherId), null, event);
            return v;
        });
    }

    @Override
    public List<Voucher> vouchersOf(long customerId) {
        return context.transactions().inTransaction(tx -> tx.sql().query(VOUCHER_SELECT + "WHERE v.customer_id = ? "
                + "ORDER BY v.id DESC", rs -> shown(voucher(rs), tx.now()), customerId));
    }

    @Override
    public Voucher validateVoucher(String code) {
        return context.transactions().inTransaction(tx -> shown(byCode(tx.sql(), code, false), tx.now()));
    }

    @Override
    public Voucher useVoucher(Actor actor, String code, String storeId) {
        if (storeId != null && storeId.length() > 40) {
            throw Rejected.invalid("invalid-store", "A store id has at most 40 characters.");
        }
        return context.transactions().inTransaction(tx -> {
            Voucher v = byCode(tx.sql(), code, true);
            refuseUnlessOpen(v, tx.now());
            tx.sql().update("UPDATE loyalty_voucher SET status = 'USED', used_at = ?, used_store = ? WHERE id = ?",
                    tx.now(), storeId, v.id());
            Voucher used = voucherById(tx.sql(), v.id());
            tx.publish(new VoucherUsed(v.customerId(), v.code(), v.rewardName()), String.valueOf(v.customerId()));
            tx.audit(actor, "voucher.use", "voucher", String.valueOf(v.id()), v, used);
            return used;
        });
    }

    @Override
    public Voucher cancelVoucher(Actor actor, String code, String reason) {
        return context.transactions().inTransaction(tx -> {
            long customerId = byCode(tx.sql(), code, false).customerId();
            Ledger.lock(tx.sql(), customerId); // customer before voucher, like every ledger movement
            Voucher v = byCode(tx.sql(), code, true);
            refuseUnlessOpen(v, tx.now());
            Instant now = tx.now();
            // the refunded points expire when the spent ones would have: cancelling cannot extend their life
            Instant pointsExpire = tx.sql().one("SELECT points_expire_at FROM loyalty_voucher WHERE id = ?",
                    rs -> io.loyaltyhub.api.data.SqlRunner.instant(rs, "points_expire_at"), v.id()).orElse(null);
            Ledger.earn(tx.sql(), "refund:voucher:" + v.id(), MovementKind.REFUND, customerId, Ledger.Account.REDEEMED,
                    v.pointsCost(), false, now, pointsExpire, null,
                    reason == null || reason.isBlank() ? "voucher cancelled" : reason.trim(), "voucher:" + v.id(), now);
            tx.sql().update("UPDATE loyalty_voucher SET status = 'CANCELLED', cancelled_at = ? WHERE id = ?", now, v.id());
            tx.sql().update("UPDATE loyalty_reward SET redeemed = redeemed - 1, stock = IF(stock IS NULL, NULL, stock + 1) "
                    + "WHERE id = ?", v.rewardId());
            Ledger.settleOwed(tx.sql(), customerId, "voucher:" + v.id(), now);
            Voucher cancelled = voucherById(tx.sql(), v.id());
            tx.publish(new VoucherCancelled(customerId, v.code(), v.pointsCost()), String.valueOf(customerId));
            tx.audit(actor, "voucher.cancel", "voucher", String.valueOf(v.id()), v, cancelled);
            return cancelled;
        });
    }

    private static void refuseUnlessOpen(Voucher v, Instant now) {
        switch (v.status()) {
            case USED -> throw Rejected.conflict("voucher-used", "Voucher " + v.code() + " was used on " + v.usedAt() + ".");
            case CANCELLED -> throw Rejected.conflict("voucher-cancelled", "Voucher " + v.code() + " was cancelled.");
            case EXPIRED -> throw Rejected.conflict("voucher-expired", "Voucher " + v.code() + " has expired.");
            case ISSUED -> {
                if (!now.isBefore(v.expiresAt())) {
                    throw Rejected.conflict("voucher-expired", "Voucher " + v.code() + " expired on " + v.expiresAt() + ".");
                }
            }
        }
    }

    /** An issued voucher past its date shows as expired even before the daily job marks it. */
    private static Voucher shown(Voucher v, Instant now) {
        return v.status() == VoucherStatus.ISSUED && !now.isBefore(v.expiresAt())
                ? new Voucher(v.id(), v.code(), v.customerId(), v.rewardId(), v.rewardName(), v.pointsCost(),
                VoucherStatus.EXPIRED, v.issuedAt(), v.expiresAt(), v.usedAt(), v.usedAtStore())
                : v;
    }

    private static Voucher byCode(SqlRunner sql, String code, boolean lock) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return sql.one(VOUCHER_SELECT + "WHERE v.code = ?" + (lock ? " FOR UPDATE" : ""), RewardsServiceImpl::voucher, c)
                .orElseThrow(() -> Rejected.notFound("unknown-voucher", "No voucher " + c));
    }

    private static Voucher voucherById(SqlRunner sql, long id) {
        return sql.one(VOUCHER_SELECT + "WHERE v.id = ?", RewardsServiceImpl::voucher, id).orElseThrow();
    }

    private static Voucher voucher(ResultSet rs) throws SQLException {
        return new Voucher(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
                VoucherStatus.valueOf(rs.getString(7)), SqlRunner.instant(rs, "issued_at"), SqlRunner.instant(rs, "expires_at"),
                SqlRunner.instant(rs, "used_at"), rs.getString(11));
    }

    // ---- coupons -------------------------------------------------------------------------------

    @Override
    public CouponBatch createCoupons(Actor actor, CouponBatchDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "is required, at most 120 characters");
        }
        String single = d.code() == null || d.code().isBlank() ? null : Coupons.normalise(d.code());
        String prefix = d.prefix() == null ? "" : d.prefix().trim().toUpperCase(Locale.ROOT);
        int count = single != null ? 1 : d.count() == null ? 0 : d.count();
        if (single != null && !single.matches("[A-Z0-9][A-Z0-9-]{3,39}")) {
            errors.put("code", "4-40 letters, digits or -");
        }
        if (single == null && (count < 1 || count > 10_000)) {
            errors.put("count", "give a code, or a count from 1 to 10000");
        }
        if (single == null && !prefix.matches("[A-Z0-9]{0,10}")) {
            errors.put("prefix", "at most 10 letters or digits");
        }
        if (d.kind() == null) {
            errors.put("kind", "PERCENT or FIXED");
        }
        if (d.value() == null || d.value().signum() <= 0 || d.value().scale() > 2
                || (d.kind() == CouponKind.PERCENT && d.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.put("value", "must be more than 0 (a percentage at most 100), at most 2 decimals");
        }
        if (d.minBill() != null && d.minBill().signum() < 0) {
            errors.put("minBill", "must be 0 or more");
        }
        int maxUses = d.maxUses() == null ? 1 : d.maxUses();
        if (maxUses < 1 || maxUses > 1_000_000) {
            errors.put("maxUses", "must be from 1 to 1000000");
        }
        if (d.validFrom() != null && d.validTo() != null && !d.validTo().isAfter(d.validFrom())) {
            errors.put("validTo", "must be after validFrom");
        }
        String issuedTo = null;
        if (d.issuedTo() != null && !d.issuedTo().isBlank()) {
            issuedTo = context.service(PhoneNumbers.class).orElseThrow()
                    .toE164(d.issuedTo(), LoyaltyConfig.from(context.settings()).region()).orElse(null);
            if (issuedTo == null) {
                errors.put("issuedTo", "is not a valid mobile number");
            }
        }
        if (!errors.isEmpty()) {
            throw Rejected.invalid("The promo codes have invalid fields.", errors);
        }
        String owner = issuedTo;
        return context.transactions().inTransaction(tx -> {
            Instant now = tx.now();
            long batchId = tx.sql().insert("INSERT INTO loyalty_coupon_batch (name, kind, value, min_bill, max_uses, "
                            + "valid_from, valid_to, issued_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", name, d.kind(),
                    d.value(), d.minBill() == null ? BigDecimal.ZERO : d.minBill(), maxUses, d.validFrom(), d.validTo(),
                    owner, now);
            if (single != null) {
                if (tx.sql().update("INSERT IGNORE INTO loyalty_coupon (code, batch_id) VALUES (?, ?)", single, batchId) == 0) {
                    throw Rejected.conflict("coupon-code-taken", "The code " + single + " exists.");
                }
            } else {
                int made = 0;
                while (made < count) {
                    made += tx.sql().update("INSERT IGNORE INTO loyalty_coupon (code, batch_id) VALUES (?, ?)",
                            prefix + Codes.random(8), batchId);
                }
            }
            CouponBatch batch = batch(tx.sql(), batchId);
            tx.audit(actor, "coupons.create", "coupon-batch", String.valueOf(batchId), null, batch);
            return batch;
        });
    }

    @Override
    public List<CouponBatch> couponBatches() {
        return context.transactions().inTransaction(tx -> tx.sql().query(BATCH_SELECT + " GROUP BY b.id ORDER BY b.id DESC",
                RewardsServiceImpl::batch));
    }

    private static final String BATCH_SELECT = "SELECT b.id, b.name, b.kind, b.value, b.min_bill, b.max_uses, b.valid_from, "
            + "b.valid_to, b.issued_to, COUNT(c.code) AS codes, COALESCE(SUM(c.uses), 0) AS uses, b.created_at "
            + "FROM loyalty_coupon_batch b LEFT JOIN loyalty_coupon c ON c.batch_id = b.id";

    private static CouponBatch batch(SqlRunner sql, long id) {
        return sql.one(BATCH_SELECT + " WHERE b.id = ? GROUP BY b.id", RewardsServiceImpl::batch, id).orElseThrow();
    }

    private static CouponBatch batch(ResultSet rs) throws SQLException {
        return new CouponBatch(rs.getLong(1), rs.getString(2), CouponKind.valueOf(rs.getString(3)), rs.getBigDecimal(4),
                rs.getBigDecimal(5), rs.getInt(6), SqlRunner.instant(rs, "valid_from"), SqlRunner.instant(rs, "valid_to"),
                rs.getString(9), rs.getInt(10), rs.getLong(11), SqlRunner.instant(rs, "created_at"));
    }

    @Override
    public List<String> couponCodes(long batchId) {
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT code FROM loyalty_coupon WHERE batch_id = ? "
                + "ORDER BY code", rs -> rs.getString(1), batchId));
    }

    @Override
    public CouponCheck checkCoupon(String code, BigDecimal billAmount, String customerMobile) {
        String mobile = customerMobile == null || customerMobile.isBlank() ? null : context.service(PhoneNumbers.class)
                .orElseThrow().toE164(customerMobile, LoyaltyConfig.from(context.settings()).region()).orElse(null);
        return context.transactions().inTransaction(tx -> Coupons.check(Coupons.find(tx.sql(), code, false), code,
                billAmount, mobile, tx.now()));
    }
}
