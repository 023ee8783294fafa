package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;

import java.time.Instant;
import java.util.List;

/**
 * The part of {@link io.loyaltyhub.api.affiliate.AffiliateService} that needs commissions: commissions
 * ({@link Commissions}), payouts ({@link Payouts}), fraud alerts ({@link FraudChecks}) and the leaderboard
 * ({@link Leaderboard}).
 */
final class CommissionsPart {
    private final Commissions commissions;
    private final Payouts payouts;
    private final FraudChecks fraud;
    private final Leaderboard leaderboard;

    CommissionsPart(PluginContext context) {
        this.fraud = new FraudChecks(context);
        this.commissions = new Commissions(context, fraud);
        this.payouts = new Payouts(context);
        this.leaderboard = new Leaderboard(context);
    }

    List<Commission> commissions(Long affiliateId, CommissionStatus status, int limit) {
        return commissions.list(affiliateId, status, limit);
    }

    Commission approveCommission(Actor actor, long commissionId) {
        return commissions.approve(actor, commissionId);
    }

    Commission rejectCommission(Actor actor, long commissionId, String reason) {
        return commissions.reject(actor, commissionId, reason);
    }

    int approveCommissions(Actor actor, List<Long> commissionIds) {
        return commissions.approveAll(actor, commissionIds);
    }

    Money approvedBalance(long affiliateId) {
        return payouts.approvedBalance(affiliateId);
    }

    Payout requestPayout(Actor actor, long affiliateId) {
        return payouts.request(actor, affiliateId);
    }

    List<Payout> payouts(Long affiliateId, PayoutStatus status, int limit) {
        return payouts.list(affiliateId, status, limit);
    }

    Payout markPaid(Actor actor, long payoutId, String method, String reference, String proofFile) {
        return payouts.markPaid(actor, payoutId, method, reference, proofFile);
    }

    List<FraudAlert> alerts(boolean openOnly, int limit) {
        return fraud.alerts(openOnly, limit);
    }

    FraudAlert resolveAlert(Actor actor, long alertId, boolean confirmed, String note) {
        return fraud.resolve(actor, alertId, confirmed, note);
    }

    List<AffiliateStats> leaderboard(Instant from, Instant to, int limit) {
        return leaderboard.top(from, to, limit);
    }
}
