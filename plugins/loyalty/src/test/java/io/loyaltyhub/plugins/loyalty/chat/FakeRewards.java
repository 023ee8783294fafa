package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.loyalty.CouponBatch;
import io.loyaltyhub.api.loyalty.CouponBatchDraft;
import io.loyaltyhub.api.loyalty.CouponCheck;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardDraft;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.loyalty.Voucher;
import io.loyaltyhub.api.loyalty.VoucherStatus;
import io.loyaltyhub.api.platform.Actor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rewards the chat lists and a redeem that records its idempotency keys (or refuses, when told to). */
class FakeRewards implements RewardsService {
    final List<Reward> rewards = new ArrayList<>();
    final List<String> redeemKeys = new ArrayList<>();
    final List<Voucher> vouchers = new ArrayList<>();
    Rejected refuse;
    private final FakeLoyalty loyalty;

    FakeRewards(FakeLoyalty loyalty) {
        this.loyalty = loyalty;
    }

    Reward add(long id, String name, long cost) {
        Reward r = new Reward(id, name, "A treat from the counter.", cost, null, 0, null,
                Instant.parse("2027-01-01T00:00:00Z"), null, null, 30, true);
        rewards.add(r);
        return r;
    }

    @Override
    public List<Reward> availableFor(long customerId) {
        return List.copyOf(rewards);
    }

    @Override
    public Voucher redeem(Actor actor, long customerId, long rewardId, String idempotencyKey) {
        redeemKeys.add(idempotencyKey);
        if (refuse != null) {
            throw refuse;
        }
        Reward r = rewards.stream().filter(x -> x.id() == rewardId).findFirst().orElseThrow();
        loyalty.members.get(customerId).available -= r.pointsCost();
        Voucher v = new Voucher(vouchers.size() + 1, "ABCD-EFGH-JK2" + vouchers.size(), customerId, rewardId, r.name(),
                r.pointsCost(), VoucherStatus.ISSUED, Instant.parse("2026-11-21T06:00:00Z"),
                Instant.parse("2026-12-21T18:30:00Z"), null, null);
        vouchers.add(v);
        return v;
    }

    @Override
    public List<Voucher> vouchersOf(long customerId) {
        return vouchers.stream().filter(v -> v.customerId() == customerId).toList();
    }

    // ---- not used by the chat ----

    @Override
    public List<Reward> catalog(boolean includeInactive) {
        throw new AssertionError("catalog is not used by the code under test");
    }

    @Override
    public Reward saveReward(Actor actor, RewardDraft draft) {
        throw new AssertionError("saveReward is not used by the code under test");
    }

    @Override
    public Voucher validateVoucher(String code) {
        throw new AssertionError("validateVoucher is not used by the code under test");
    }

    @Override
    public Voucher useVoucher(Actor actor, String code, String storeId) {
        throw new AssertionError("useVoucher is not used by the code under test");
    }

    @Override
    public Voucher cancelVoucher(Actor actor, String code, String reason) {
        throw new AssertionError("cancelVoucher is not used by the code under test");
    }

    @Override
    public CouponBatch createCoupons(Actor actor, CouponBatchDraft draft) {
        throw new AssertionError("createCoupons is not used by the code under test");
    }

    @Override
    public List<CouponBatch> couponBatches() {
        throw new AssertionError("couponBatches is not used by the code under test");
    }

    @Override
    public List<String> couponCodes(long batchId) {
        throw new AssertionError("couponCodes is not used by the code under test");
    }

    @Override
    public CouponCheck checkCoupon(String code, BigDecimal billAmount, String customerMobile) {
        throw new AssertionError("checkCoupon is not used by the code under test");
    }
}
