package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.NewAffiliate;
import io.loyaltyhub.api.affiliate.NewLink;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.api.affiliate.ReferralLink;
import io.loyaltyhub.api.platform.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A small in-memory affiliates service for the views: keeps what it is given, applies the
 * actions the way the plugin would (roughly), records who did what, and can be told to refuse.
 */
class FakeAffiliateService implements AffiliateService {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    final Map<Long, Affiliate> affiliates = new LinkedHashMap<>();
    final Map<Long, List<ReferralLink>> links = new LinkedHashMap<>();
    final Map<Long, Commission> commissions = new LinkedHashMap<>();
    final Map<Long, Payout> payouts = new LinkedHashMap<>();
    final Map<Long, FraudAlert> alerts = new LinkedHashMap<>();
    List<AffiliateStats> leaderboard = new ArrayList<>();
    /** Figures for stats(id, from, to); zeros unless set. */
    BiFunction<Instant, Instant, long[]> clicksConversions = (from, to) -> new long[] {0, 0, 0};
    final List<Instant[]> statsCalls = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<Actor> actors = new ArrayList<>();
    /** Thrown by the next changing call, then cleared. */
    RuntimeException refuseNext;
    /** approveCommissions approves at most this many (the rest "held"). */
    int bulkApproveLimit = Integer.MAX_VALUE;
    private long nextId = 100;

    static Affiliate affiliate(long id, String name, AffiliateStatus status, Instant createdAt) {
        return new Affiliate(id, "AF" + id, name, "+9198000000" + (10 + id % 90), null, null, status, null,
                "UPI: a" + id + "@bank", null, null, createdAt, status == AffiliateStatus.APPROVED ? createdAt : null);
    }

    static Commission commission(long id, long affiliateId, String amount, CommissionStatus status) {
        return new Commission(id, affiliateId, "B-" + id, 7, 1, Money.of("1000", "INR"), Money.of(amount, "INR"),
                status, null, T0.plusSeconds(id), T0.plusSeconds(86400L * 30), null, null);
    }

    FakeAffiliateService add(Affiliate a) {
        affiliates.put(a.id(), a);
        return this;
    }

    FakeAffiliateService add(Commission c) {
        commissions.put(c.id(), c);
        return this;
    }

    FakeAffiliateService add(Payout p) {
        payouts.put(p.id(), p);
        return this;
    }

    FakeAffiliateService add(FraudAlert a) {
        alerts.put(a.id(), a);
        return this;
    }

    private void changing(Actor actor, String call) {
        calls.add(call);
        actors.add(actor);
        RuntimeException e = refuseNext;
        if (e != null) {
            refuseNext = null;
            throw e;
        }
    }

    private static Rejected notFound(String what) {
        return new Rejected(Rejected.Kind.NOT_FOUND, "not-found", "No " + what + ".");
    }

    @Override
    public Affiliate register(Actor actor, NewAffiliate application) {
        changing(actor, "register " + application.name());
        long id = nextId++;
        Affiliate a = new Affiliate(id, "AF" + id, application.name(), application.mobile(), application.email(),
                application.telegramUserId(), AffiliateStatus.PENDING, null, application.payoutDetails(), null, null,
                T0.plusSeconds(id), null);
        affiliates.put(id, a);
        return a;
    }

    @Override
    public Optional<Affiliate> find(long affiliateId) {
        return Optional.ofNullable(affiliates.get(affiliateId));
    }

    @Override
    public Optional<Affiliate> findByCode(String code) {
        return affiliates.values().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Affiliate> findByTelegramUser(long telegramUserId) {
        return Optional.empty();
    }

    @Override
    public List<Affiliate> list(AffiliateStatus status, int limit) {
        return affiliates.values().stream().filter(a -> status == null || a.status() == status)
                .sorted(Comparator.comparing(Affiliate::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public Affiliate update(Actor actor, long affiliateId, String name, String email, String payoutDetails, Long planId) {
        changing(actor, "update " + affiliateId);
        Affiliate a = affiliates.get(affiliateId);
        Affiliate u = new Affiliate(a.id(), a.code(), name, a.mobile(), email, a.telegramUserId(), a.status(),
                a.statusReason(), payoutDetails, planId, a.recruitedBy(), a.createdAt(), a.approvedAt());
        affiliates.put(affiliateId, u);
        return u;
    }

    private Affiliate status(long id, AffiliateStatus status, String reason) {
        Affiliate a = affiliates.get(id);
        if (a == null) {
            throw notFound("affiliate " + id);
        }
        Affiliate u = new Affiliate(a.id(), a.code(), a.name(), a.mobile(), a.email(), a.telegramUserId(), status,
                reason, a.payoutDetails(), a.planId(), a.recruitedBy(), a.createdAt(),
                status == AffiliateStatus.APPROVED ? T0 : a.approvedAt());
        affiliates.put(id, u);
        return u;
    }

    @Override
    public Affiliate approve(Actor actor, long affiliateId) {
        changing(actor, "approve " + affiliateId);
        return status(affiliateId, AffiliateStatus.APPROVED, null);
    }

    @Override
    public Affiliate reject(Actor actor, long affiliateId, String reason) {
        changing(actor, "reject " + affiliateId + " " + reason);
        return status(affiliateId, AffiliateStatus.REJECTED, reason);
    }

    @Override
    public Affiliate suspend(Actor actor, long affiliateId, String reason) {
        changing(actor, "suspend " + affiliateId + " " + reason);
        return status(affiliateId, AffiliateStatus.SUSPENDED, reason);
    }

    @Override
    public ReferralLink createLink(Actor actor, long affiliateId, NewLink link) {
        changing(actor, "link " + affiliateId + " " + link.campaign() + " " + link.targetUrl());
        long id = nextId++;
        ReferralLink l = new ReferralLink(id, affiliateId, "L" + id, link.campaign(), link.targetUrl(), "affiliate",
                "referral", link.campaign(), "https://loyalty.example.com/r/L" + id, 0, 0, T0);
        links.computeIfAbsent(affiliateId, k -> new ArrayList<>()).add(l);
        return l;
    }

    @Override
    public List<ReferralLink> links(long affiliateId) {
        return links.getOrDefault(affiliateId, List.of());
    }

    @Override
    public AffiliateStats stats(long affiliateId, Instant from, Instant to) {
        statsCalls.add(new Instant[] {from, to});
        long[] f = clicksConversions.apply(from, to);
        return new AffiliateStats(affiliateId, from, to, f[0], f[1], f[2], Money.of(String.valueOf(f[2] * 1000), "INR"),
                Money.of(String.valueOf(f[2] * 50), "INR"));
    }

    @Override
    public List<Commission> commissions(Long affiliateId, CommissionStatus status, int limit) {
        return commissions.values().stream()
                .filter(c -> affiliateId == null || c.affiliateId() == affiliateId)
                .filter(c -> status == null || c.status() == status)
                .sorted(Comparator.comparing(Commission::createdAt).reversed()).limit(limit).toList();
    }

    private Commission commissionStatus(long id, CommissionStatus status, String reason) {
        Commission c = commissions.get(id);
        if (c == null) {
            throw notFound("commission " + id);
        }
        Commission u = new Commission(c.id(), c.affiliateId(), c.billNumber(), c.customerId(), c.level(),
                c.billAmount(), c.amount(), status, reason, c.createdAt(), c.holdUntil(), c.heldBy(), c.payoutId());
        commissions.put(id, u);
        return u;
    }

    @Override
    public Commission approveCommission(Actor actor, long commissionId) {
        changing(actor, "approveCommission " + commissionId);
        return commissionStatus(commissionId, CommissionStatus.APPROVED, null);
    }

    @Override
    public Commission rejectCommission(Actor actor, long commissionId, String reason) {
        changing(actor, "rejectCommission " + commissionId + " " + reason);
        return commissionStatus(commissionId, CommissionStatus.REJECTED, reason);
    }

    @Override
    public int approveCommissions(Actor actor, List<Long> commissionIds) {
        changing(actor, "approveCommissions " + commissionIds);
        int n = 0;
        for (Long id : commissionIds) {
            Commission c = commissions.get(id);
            if (n < bulkApproveLimit && c != null && c.status() == CommissionStatus.PENDING) {
                commissionStatus(id, CommissionStatus.APPROVED, null);
                n++;
            }
        }
        return n;
    }

    @Override
    public Money approvedBalance(long affiliateId) {
        return commissions.values().stream()
                .filter(c -> c.affiliateId() == affiliateId && c.status() == CommissionStatus.APPROVED)
                .map(Commission::amount).reduce(Money.zero("INR"), Money::plus);
    }

    @Override
    public Payout requestPayout(Actor actor, long affiliateId) {
        throw new AssertionError("requestPayout is not used by the code under test");
    }

    @Override
    public List<Payout> payouts(Long affiliateId, PayoutStatus status, int limit) {
        return payouts.values().stream()
                .filter(p -> affiliateId == null || p.affiliateId() == affiliateId)
                .filter(p -> status == null || p.status() == status)
                .sorted(Comparator.comparing(Payout::requestedAt).reversed()).limit(limit).toList();
    }

    @Override
    public Payout markPaid(Actor actor, long payoutId, String method, String reference, String proofFile) {
        changing(actor, "markPaid " + payoutId + " " + method + " " + reference + " " + proofFile);
        Payout p = payouts.get(payoutId);
        if (p.status() != PayoutStatus.REQUESTED) {
            throw new Rejected(Rejected.Kind.CONFLICT, "payout-already-paid", "");
        }
        Payout u = new Payout(p.id(), p.affiliateId(), p.amount(), PayoutStatus.PAID, p.requestedAt(), T0, method,
                reference, proofFile, actor.name());
        payouts.put(payoutId, u);
        return u;
    }

    @Override
    public List<FraudAlert> alerts(boolean openOnly, int limit) {
        return alerts.values().stream().filter(a -> !openOnly || a.resolvedAt() == null).limit(limit).toList();
    }

    @Override
    public FraudAlert resolveAlert(Actor actor, long alertId, boolean confirmed, String note) {
        changing(actor, "resolveAlert " + alertId + " " + confirmed + " " + note);
        FraudAlert a = alerts.get(alertId);
        FraudAlert u = new FraudAlert(a.id(), a.rule(), a.affiliateId(), a.customerId(), a.subject(), a.summary(),
                a.evidence(), false, a.raisedAt(), T0, actor.name(), confirmed);
        alerts.put(alertId, u);
        return u;
    }

    @Override
    public List<AffiliateStats> leaderboard(Instant from, Instant to, int limit) {
        calls.add("leaderboard " + from + " " + to);
        return leaderboard.stream().limit(limit).toList();
    }
}
