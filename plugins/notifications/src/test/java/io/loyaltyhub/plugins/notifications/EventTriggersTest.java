package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.affiliate.event.PayoutPaid;
import io.loyaltyhub.api.loyalty.event.BillProcessed;
import io.loyaltyhub.api.loyalty.event.PointsAdjusted;
import io.loyaltyhub.api.loyalty.event.TierChanged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventTriggersTest {
    private static final List<EventTriggers.RewardCost> REWARDS = List.of(new EventTriggers.RewardCost(1, "Mug", 500),
            new EventTriggers.RewardCost(2, "Bag", 900), new EventTriggers.RewardCost(3, "Trip", 5000));

    private static BillProcessed bill(long earned, long pending, long balance) {
        return new BillProcessed("B-1", 7, "+919800000001", new BigDecimal("2450.5"), "INR", earned, pending,
                Instant.parse("2026-12-01T10:00:00Z"), "BLR-1", null, null, List.of(), balance, false);
    }

    @Test
    void aBillTellsThePointsAndTheDearestRewardItBroughtWithinReach() {
        List<NotificationIntent> out = EventTriggers.of(bill(600, 0, 1000), "e1", REWARDS);
        assertThat(out).extracting(NotificationIntent::trigger)
                .containsExactly(Trigger.POINTS_EARNED, Trigger.REWARD_IN_REACH);
        assertThat(out.get(0).variables()).containsEntry("amount", "INR 2450.50").containsEntry("balance", "1000")
                .containsEntry("points", "600");
        assertThat(out.get(0).dedupKey()).isEqualTo("points-earned:B-1");
        assertThat(out.get(0).storeId()).isEqualTo("BLR-1");
        assertThat(out.get(1).variables()).containsEntry("reward", "Bag").containsEntry("cost", "900");
    }

    @Test
    void pendingPointsBringNothingWithinReachAndNoPointsNoMessage() {
        assertThat(EventTriggers.of(bill(600, 600, 400), "e1", REWARDS)).extracting(NotificationIntent::trigger)
                .containsExactly(Trigger.POINTS_EARNED);
        assertThat(EventTriggers.of(bill(0, 0, 400), "e1", REWARDS)).isEmpty();
    }

    @Test
    void aBackfillOfPastBillsTellsNobody() {
        BillProcessed b = bill(600, 0, 1000);
        BillProcessed past = new BillProcessed(b.billNumber(), b.customerId(), b.mobile(), b.amount(), b.currency(),
                b.pointsEarned(), b.pointsPending(), b.billedAt(), b.storeId(), null, null, List.of(), b.balance(), true);
        assertThat(EventTriggers.of(past, "e1", REWARDS)).isEmpty();
        assertThat(EventTriggers.of(new io.loyaltyhub.api.loyalty.event.CustomerJoined(7, "+919800000001", "Asha", "en",
                "erp", 0, null, null, true), "e1", REWARDS)).isEmpty();
        assertThat(EventTriggers.of(new io.loyaltyhub.api.loyalty.event.CustomerJoined(7, "+919800000001", "Asha", "en",
                "erp", 0, null, null, false), "e1", REWARDS)).extracting(NotificationIntent::trigger)
                .containsExactly(Trigger.WELCOME);
    }

    @Test
    void onlyUpgradesAreTold() {
        assertThat(EventTriggers.of(new TierChanged(7, "SILVER", "GOLD", "qualified", true), "e1", REWARDS))
                .extracting(NotificationIntent::trigger).containsExactly(Trigger.TIER_UPGRADED);
        assertThat(EventTriggers.of(new TierChanged(7, "GOLD", "SILVER", "review", false), "e2", REWARDS)).isEmpty();
    }

    @Test
    void anAffiliatesPayoutGoesToTheirTelegramChat() {
        NotificationIntent i = EventTriggers.of(new PayoutPaid(3, 9, new BigDecimal("1500"), "INR", 555L, "UPI", null),
                "e1", REWARDS).get(0);
        assertThat(i.trigger()).isEqualTo(Trigger.PAYOUT_PAID);
        assertThat(i.userId()).isEqualTo("555");
        assertThat(i.variables()).containsEntry("amount", "INR 1500.00").containsEntry("reference", "-");
    }

    @Test
    void eventsNobodyIsToldAboutGiveNothing() {
        assertThat(EventTriggers.of(new PointsAdjusted(7, 40, "goodwill"), "e1", REWARDS)).isEmpty();
    }
}
