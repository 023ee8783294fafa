package io.loyaltyhub.ui.rewards;

import io.loyaltyhub.api.loyalty.CouponBatchDraft;
import io.loyaltyhub.api.loyalty.CouponCheck;
import io.loyaltyhub.api.loyalty.CouponKind;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardDraft;
import io.loyaltyhub.api.loyalty.VoucherStatus;
import io.loyaltyhub.ui.common.Times;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RewardsLogicTest {

    @Test
    void rewardRoundTripsThroughTheForm() {
        Reward reward = new Reward(3, "Free coffee", "", 200, null, 5, null,
                Times.endOfDay(LocalDate.of(2026, 12, 31)), "GOLD", 2, 30, false);
        RewardBean bean = RewardBean.of(reward);
        assertThat(bean.getValidTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        RewardDraft draft = bean.toDraft();
        assertThat(draft).isEqualTo(new RewardDraft(3L, "Free coffee", null, 200L, null, null,
                Times.endOfDay(LocalDate.of(2026, 12, 31)), "GOLD", 2, 30, false));
    }

    @Test
    void rewardFormShowsTheServiceFieldErrors() {
        RewardForm form = new RewardForm(new RewardBean(), List.of("SILVER", "GOLD"));
        assertThat(form.values()).as("name and cost required").isEmpty();
        form.name.setValue("Mug");
        form.pointsCost.setValue(500);
        assertThat(form.values()).hasValueSatisfying(b -> assertThat(b.toDraft().pointsCost()).isEqualTo(500L));
        form.showRejection(Rejected.invalid("Check the reward.",
                Map.of("minTier", "unknown tier", "colour", "not allowed")));
        assertThat(form.minTier.isInvalid()).isTrue();
        assertThat(form.minTier.getErrorMessage()).isEqualTo("unknown tier");
        assertThat(form.errorText()).isEqualTo("Check the reward.\ncolour: not allowed");
    }

    @Test
    void couponDraftHasOnlyTheChosenModesFields() {
        CouponBean bean = new CouponBean();
        bean.setName(" Diwali ");
        bean.setCode("DIWALI10");
        bean.setPrefix("ignored");
        bean.setCount(5);
        bean.setKind(CouponKind.PERCENT);
        bean.setValue(BigDecimal.TEN);
        bean.setIssuedTo(" ");
        CouponBatchDraft single = bean.toDraft();
        assertThat(single.name()).isEqualTo("Diwali");
        assertThat(single.code()).isEqualTo("DIWALI10");
        assertThat(single.prefix()).isNull();
        assertThat(single.count()).isNull();
        assertThat(single.issuedTo()).isNull();
        assertThat(single.maxUses()).isEqualTo(1);

        bean.setMode(CouponBean.Mode.BATCH);
        bean.setPrefix("DW-");
        CouponBatchDraft batch = bean.toDraft();
        assertThat(batch.code()).isNull();
        assertThat(batch.prefix()).isEqualTo("DW-");
        assertThat(batch.count()).isEqualTo(5);
    }

    @Test
    void couponFormChecksTheChosenMode() {
        CouponForm form = new CouponForm();
        form.name.setValue("Test");
        form.value.setValue(new BigDecimal("150"));
        assertThat(form.values()).as("no code, and 150 %").isEmpty();
        form.code.setValue("T1");
        form.value.setValue(new BigDecimal("15"));
        assertThat(form.values()).isPresent();
        form.mode.setValue(CouponBean.Mode.BATCH);
        assertThat(form.code.isVisible()).isFalse();
        assertThat(form.values()).as("no prefix or count").isEmpty();
    }

    @Test
    void couponCheckAndVoucherTexts() {
        assertThat(CouponsView.describe(new CouponCheck("D10", true, null, new BigDecimal("50.00"), CouponKind.PERCENT,
                BigDecimal.TEN))).isEqualTo("Valid: 10 % off, discount 50.");
        assertThat(CouponsView.describe(new CouponCheck("D10", false, "below-minimum-bill", null, null, null)))
                .isEqualTo("Not valid: The bill is below the coupon's minimum.");
        assertThat(VoucherCounterView.statusMessage(VoucherStatus.USED)).isEqualTo("This voucher was already used.");
        assertThat(VoucherCounterView.statusMessage(VoucherStatus.ISSUED)).isEmpty();
        assertThat(VoucherCounterView.normalised("  AB-12 ")).isEqualTo("AB-12");
    }
}
