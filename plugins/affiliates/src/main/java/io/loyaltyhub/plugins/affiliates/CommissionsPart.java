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
 * The part of {@link io.loyaltyhub.api.affiliate.AffiliateService} that needs commissions: commissions, payouts,
 * fraud alerts and the leaderboard. Not built yet: the commissions slice replaces this class (and
 * {@link Conversions}); until then every method throws.
 */
final class CommissionsPart {
    private final PluginContext context;

    CommissionsPart(PluginContext context) {
        this.context = context;
    }

    private static UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("commissions slice not built yet");
    }

    List<Commission> commissions(Long affiliateId, CommissionStatus status, int limit) {
        throw notYet();
    }

    Commission approveCommission(Actor actor, long commissionId) {
        throw notYet();
    }

    Commission rejectCommission(Actor actor, long commissionId, String reason) {
        throw notYet();
    }

    int approveCommissions(Actor actor, List<Long> commissionIds) {
        throw notYet();
    }

    Money approvedBalance(long affiliateId) {
        throw notYet();
    }

    Payout requestPayout(Actor actor, long affiliateId) {
        throw notYet();
    }

    List<Payout> payouts(Long affiliateId, PayoutStatus status, int limit) {
        throw notYet();
    }

    Payout markPaid(Actor actor, long payoutId, String method, String reference, String proofFile) {
        throw notYet();
    }

    List<FraudAlert> alerts(boolean openOnly, int limit) {
        throw notYet();
    }

    FraudAlert resolveAlert(Actor actor, long alertId, boolean confirmed, String note) {
        throw notYet();
    }

    List<AffiliateStats> leaderboard(Instant from, Instant to, int limit) {
        throw notYet();
    }
}
