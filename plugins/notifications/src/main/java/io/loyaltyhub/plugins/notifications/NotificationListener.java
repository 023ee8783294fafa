package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.affiliate.event.AffiliateApproved;
import io.loyaltyhub.api.affiliate.event.AffiliateRejected;
import io.loyaltyhub.api.affiliate.event.AffiliateSuspended;
import io.loyaltyhub.api.affiliate.event.CommissionApproved;
import io.loyaltyhub.api.affiliate.event.PayoutPaid;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.Event;
import io.loyaltyhub.api.event.TypedListener;
import io.loyaltyhub.api.loyalty.event.BillProcessed;
import io.loyaltyhub.api.loyalty.event.CustomerJoined;
import io.loyaltyhub.api.loyalty.event.CustomerReferred;
import io.loyaltyhub.api.loyalty.event.PointsExpired;
import io.loyaltyhub.api.loyalty.event.PointsExpiring;
import io.loyaltyhub.api.loyalty.event.RewardRedeemed;
import io.loyaltyhub.api.loyalty.event.TierChanged;
import io.loyaltyhub.api.loyalty.event.VoucherCancelled;
import io.loyaltyhub.api.loyalty.event.VoucherUsed;
import org.pf4j.Extension;

/**
 * Writes the notifications an event calls for into the log, in the event's own delivery transaction: the event is
 * marked handled only with them, and a redelivered event writes nothing new (each has a key). Switched-off triggers
 * write nothing. It also keeps the list of unused vouchers for the expiry reminder.
 */
@Extension
public class NotificationListener extends TypedListener {
    private final Notifications notifications;

    public NotificationListener(Notifications notifications) {
        super(notifications.context().json(), CustomerJoined.class, BillProcessed.class, PointsExpiring.class,
                PointsExpired.class, TierChanged.class, RewardRedeemed.class, CustomerReferred.class,
                VoucherUsed.class, VoucherCancelled.class, AffiliateApproved.class, AffiliateRejected.class,
                AffiliateSuspended.class, CommissionApproved.class, PayoutPaid.class);
        this.notifications = notifications;
    }

    @Override
    public String id() {
        return "notifications.events";
    }

    @Override
    protected void handle(DomainEvent event, Event meta, Tx tx) {
        switch (event) {
            case RewardRedeemed r when r.expiresAt() != null -> tx.sql().update("INSERT IGNORE INTO notify_voucher "
                            + "(code, customer_id, reward_name, expires_at) VALUES (?, ?, ?, ?)", r.voucherCode(),
                    r.customerId(), r.rewardName(), r.expiresAt());
            case VoucherUsed u -> tx.sql().update("DELETE FROM notify_voucher WHERE code = ?", u.voucherCode());
            case VoucherCancelled c -> tx.sql().update("DELETE FROM notify_voucher WHERE code = ?", c.voucherCode());
            default -> {
                // no voucher to track
            }
        }
        var settings = notifications.context().settings();
        for (NotificationIntent i : EventTriggers.of(event, meta.id(), notifications.rewardCosts().current())) {
            if (NotificationSettings.on(settings, i.trigger())) {
                notifications.log().record(tx.sql(), i, meta.id(), tx.now());
            }
        }
    }
}
