package io.loyaltyhub.api.loyalty;

import io.loyaltyhub.api.common.Rejected;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginService;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rewards catalog, vouchers and promo codes. Refusals are {@link Rejected}.
 */
public interface RewardsService extends PluginService {

    List<Reward> catalog(boolean includeInactive);

    /** Active, in stock, in date, allowed for the customer's tier and under their limit. */
    List<Reward> availableFor(long customerId);

    Reward saveReward(Actor actor, RewardDraft draft);

    /** Debits the points and issues a voucher with a unique, unguessable code. Idempotent by key. */
    Voucher redeem(Actor actor, long customerId, long rewardId, String idempotencyKey);

    List<Voucher> vouchersOf(long customerId);

    /** The voucher for a code, as a cashier checks it (expired ones show EXPIRED). */
    Voucher validateVoucher(String code);

    /** Marks a voucher used at a store; using it twice is refused (voucher-used). */
    Voucher useVoucher(Actor actor, String code, String storeId);

    /** Cancels an unused voucher and gives the points back. */
    Voucher cancelVoucher(Actor actor, String code, String reason);

    CouponBatch createCoupons(Actor actor, CouponBatchDraft draft);

    List<CouponBatch> couponBatches();

    /** The codes of a batch, e.g. to export them. */
    List<String> couponCodes(long batchId);

    CouponCheck checkCoupon(String code, BigDecimal billAmount, String customerMobile);
}
