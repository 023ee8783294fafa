package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.affiliate.event.AffiliateApproved;
import io.loyaltyhub.api.affiliate.event.AffiliateRejected;
import io.loyaltyhub.api.affiliate.event.AffiliateSuspended;
import io.loyaltyhub.api.affiliate.event.CommissionApproved;
import io.loyaltyhub.api.affiliate.event.PayoutPaid;
import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.loyalty.event.BillProcessed;
import io.loyaltyhub.api.loyalty.event.CustomerJoined;
import io.loyaltyhub.api.loyalty.event.CustomerReferred;
import io.loyaltyhub.api.loyalty.event.PointsExpired;
import io.loyaltyhub.api.loyalty.event.PointsExpiring;
import io.loyaltyhub.api.loyalty.event.RewardRedeemed;
import io.loyaltyhub.api.loyalty.event.TierChanged;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which notifications an event calls for, with the values the event knows (the rest, such as the reader's name, is
 * looked up when the message is composed). Pure: the same event always gives the same intents, with keys that make a
 * redelivered event write nothing new.
 */
final class EventTriggers {

    /** A reward and its cost, for "reward within reach". */
    record RewardCost(long id, String name, long cost) {
    }

    private EventTriggers() {
    }

    /**
     * @param eventId the event's id in the outbox, part of the key where one event may happen twice for the same
     *                thing (points expiring warns again next month)
     * @param rewards the active rewards by cost
     */
    static List<NotificationIntent> of(DomainEvent event, String eventId, List<RewardCost> rewards) {
        List<NotificationIntent> out = new ArrayList<>();
        switch (event) {
            // a backfill of past bills: the customers were not there when it happened, so nothing is said
            case CustomerJoined j when j.historical() -> {
            }
            case BillProcessed b when b.historical() -> {
            }
            case CustomerJoined j -> out.add(customer(Trigger.WELCOME, j.customerId(),
                    Map.of("bonus", String.valueOf(j.signUpBonus())), null, "welcome:" + j.customerId()));
            case BillProcessed b -> {
                if (b.pointsEarned() > 0) {
                    out.add(customer(Trigger.POINTS_EARNED, b.customerId(), Map.of(
                            "points", String.valueOf(b.pointsEarned()), "pending", String.valueOf(b.pointsPending()),
                            "balance", String.valueOf(b.balance()), "billNumber", b.billNumber(),
                            "amount", money(b.currency(), b.amount())), b.storeId(), "points-earned:" + b.billNumber()));
                    long spendable = b.pointsEarned() - b.pointsPending();
                    inReach(b.balance() - spendable, b.balance(), rewards).ifPresent(r -> out.add(customer(
                            Trigger.REWARD_IN_REACH, b.customerId(), Map.of("reward", r.name(),
                                    "cost", String.valueOf(r.cost()), "rewardId", String.valueOf(r.id()),
                                    "balance", String.valueOf(b.balance())), b.storeId(),
                            "reward-in-reach:" + b.billNumber())));
                }
            }
            case PointsExpiring e -> out.add(customer(Trigger.POINTS_EXPIRING, e.customerId(), Map.of(
                    "points", String.valueOf(e.points()), "expiresAt", e.firstExpiresAt().toString()), null,
                    "points-expiring:" + eventId));
            case PointsExpired e -> out.add(customer(Trigger.POINTS_EXPIRED, e.customerId(), Map.of(
                    "points", String.valueOf(e.points())), null, "points-expired:" + eventId));
            case TierChanged t -> {
                if (t.upgrade()) {
                    out.add(customer(Trigger.TIER_UPGRADED, t.customerId(), Map.of("tierCode", t.to(),
                                    "previousTierCode", t.from() == null ? "" : t.from()), null,
                            "tier-upgraded:" + t.customerId() + ":" + eventId));
                }
            }
            case RewardRedeemed r -> out.add(customer(Trigger.REWARD_REDEEMED, r.customerId(), Map.of(
                    "reward", r.rewardName(), "points", String.valueOf(r.points()), "voucherCode", r.voucherCode(),
                    "expiresAt", r.expiresAt() == null ? "" : r.expiresAt().toString()), null,
                    "reward-redeemed:" + r.voucherCode()));
            case CustomerReferred r -> out.add(customer(Trigger.FRIEND_JOINED, r.referrerCustomerId(), Map.of(
                    "friendId", String.valueOf(r.customerId())), null, "friend-joined:" + r.customerId()));
            case AffiliateApproved a -> out.add(affiliate(Trigger.AFFILIATE_APPROVED, a.affiliateId(), a.telegramUserId(),
                    Map.of("name", a.name(), "code", a.code()), "affiliate-approved:" + eventId));
            case AffiliateRejected a -> out.add(affiliate(Trigger.AFFILIATE_REJECTED, a.affiliateId(), a.telegramUserId(),
                    Map.of("name", a.name(), "reason", reason(a.reason())), "affiliate-rejected:" + eventId));
            case AffiliateSuspended a -> out.add(affiliate(Trigger.AFFILIATE_SUSPENDED, a.affiliateId(),
                    a.telegramUserId(), Map.of("name", a.name(), "reason", reason(a.reason())),
                    "affiliate-suspended:" + eventId));
            case CommissionApproved c -> out.add(affiliate(Trigger.COMMISSION_APPROVED, c.affiliateId(),
                    c.telegramUserId(), Map.of("amount", money(c.currency(), c.amount()), "billNumber", c.billNumber()),
                    "commission-approved:" + c.commissionId()));
            case PayoutPaid p -> out.add(affiliate(Trigger.PAYOUT_PAID, p.affiliateId(), p.telegramUserId(), Map.of(
                    "amount", money(p.currency(), p.amount()), "method", p.method() == null ? "-" : p.method(),
                    "reference", p.reference() == null ? "-" : p.reference()), "payout-paid:" + p.payoutId()));
            default -> {
                // not something to tell anyone about
            }
        }
        return out;
    }

    /** The dearest reward whose cost the balance has just reached: before it was below, now it is at or above. */
    static Optional<RewardCost> inReach(long before, long after, List<RewardCost> rewards) {
        return rewards.stream().filter(r -> r.cost() > before && r.cost() <= after)
                .max(java.util.Comparator.comparingLong(RewardCost::cost));
    }

    static String money(String currency, BigDecimal amount) {
        return (currency == null ? "" : currency + " ") + (amount == null ? "0" : amount.setScale(
                Math.max(2, amount.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString());
    }

    private static NotificationIntent customer(Trigger t, long customerId, Map<String, String> values, String storeId,
                                               String key) {
        return new NotificationIntent(t, customerId, null, values, storeId, key);
    }

    private static NotificationIntent affiliate(Trigger t, long affiliateId, Long telegramUserId,
                                                Map<String, String> values, String key) {
        return new NotificationIntent(t, affiliateId, telegramUserId == null ? null : telegramUserId.toString(), values,
                null, key);
    }

    private static String reason(String r) {
        return r == null || r.isBlank() ? "-" : r;
    }
}
