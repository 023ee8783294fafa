package io.loyaltyhub.api.affiliate;

import io.loyaltyhub.api.common.Rejected;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginService;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Affiliates, links, stats, commissions, payouts and fraud alerts. Refusals are
 * {@link Rejected}. Everything that moves money is idempotent or guarded so it happens once.
 */
public interface AffiliateService extends PluginService {

    Affiliate register(Actor actor, NewAffiliate application);

    Optional<Affiliate> find(long affiliateId);

    Optional<Affiliate> findByCode(String code);

    Optional<Affiliate> findByTelegramUser(long telegramUserId);

    /** Newest first; status null for all. */
    List<Affiliate> list(AffiliateStatus status, int limit);

    Affiliate update(Actor actor, long affiliateId, String name, String email, String payoutDetails, Long planId);

    Affiliate approve(Actor actor, long affiliateId);

    Affiliate reject(Actor actor, long affiliateId, String reason);

    Affiliate suspend(Actor actor, long affiliateId, String reason);

    ReferralLink createLink(Actor actor, long affiliateId, NewLink link);

    List<ReferralLink> links(long affiliateId);

    AffiliateStats stats(long affiliateId, Instant from, Instant to);

    /** Newest first; any filter may be null. */
    List<Commission> commissions(Long affiliateId, CommissionStatus status, int limit);

    Commission approveCommission(Actor actor, long commissionId);

    Commission rejectCommission(Actor actor, long commissionId, String reason);

    /** Approves each pending commission it can; returns how many were approved. */
    int approveCommissions(Actor actor, List<Long> commissionIds);

    /** The approved, unpaid balance. */
    Money approvedBalance(long affiliateId);

    /** Requests a payout of the whole approved balance (refused below the minimum or with one already open). */
    Payout requestPayout(Actor actor, long affiliateId);

    List<Payout> payouts(Long affiliateId, PayoutStatus status, int limit);

    /** Records that a requested payout was paid. Paying twice is refused. */
    Payout markPaid(Actor actor, long payoutId, String method, String reference, String proofFile);

    List<FraudAlert> alerts(boolean openOnly, int limit);

    /** Decides an alert: confirmed fraud rejects what it held; otherwise it is released. */
    FraudAlert resolveAlert(Actor actor, long alertId, boolean confirmed, String note);

    /** Affiliates by conversions, then revenue, in [{@code from}, {@code to}). */
    List<AffiliateStats> leaderboard(Instant from, Instant to, int limit);
}
