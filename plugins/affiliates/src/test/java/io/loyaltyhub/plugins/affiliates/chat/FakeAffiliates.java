package io.loyaltyhub.plugins.affiliates.chat;

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

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory AffiliateService with just what the chat uses, refusing like the real one (taken mobile, a target
 * host not allowed, a payout below the minimum or with one open); it records the calls that change things.
 */
class FakeAffiliates implements AffiliateService {
    static final String ALLOWED_HOST = "shop.example.com";
    static final String FALLBACK = "https://shop.example.com/";
    static final Money MINIMUM = Money.of("500", "INR");

    final Map<Long, Affiliate> affiliates = new LinkedHashMap<>();
    final List<NewAffiliate> registrations = new ArrayList<>();
    final List<NewLink> linkRequests = new ArrayList<>();
    final List<Long> payoutRequests = new ArrayList<>();
    final List<Actor> actors = new ArrayList<>();
    final Map<Long, List<ReferralLink>> links = new HashMap<>();
    final List<Commission> commissions = new ArrayList<>();
    final List<Payout> payouts = new ArrayList<>();
    final Map<Long, Money> approved = new HashMap<>();
    /** Figures by the start of the period asked for; zero when not set. */
    final Map<Instant, long[]> figures = new HashMap<>();
    final List<Instant[]> statsAsked = new ArrayList<>();
    final List<AffiliateStats> leaderboard = new ArrayList<>();
    private long nextId = 1;

    /** An affiliate as a manager would have registered and decided it. */
    Affiliate add(String name, String mobile, Long telegramUserId, AffiliateStatus status, String reason) {
        long id = nextId++;
        Affiliate a = new Affiliate(id, "AFF" + id, name, mobile, null, telegramUserId, status, reason, "UPI: x@okaxis",
                null, null, FakeContext.NOW.minusSeconds(86_400 * 30), status == AffiliateStatus.APPROVED ? FakeContext.NOW : null);
        affiliates.put(id, a);
        return a;
    }

    void decide(long id, AffiliateStatus status, String reason) {
        Affiliate a = affiliates.get(id);
        affiliates.put(id, new Affiliate(a.id(), a.code(), a.name(), a.mobile(), a.email(), a.telegramUserId(), status, reason,
                a.payoutDetails(), a.planId(), a.recruitedBy(), a.createdAt(), status == AffiliateStatus.APPROVED ? FakeContext.NOW : a.approvedAt()));
    }

    ReferralLink addLink(long affiliateId, String campaign, String target, long clicks, long unique) {
        long id = 100 + links.values().stream().mapToLong(List::size).sum();
        ReferralLink l = new ReferralLink(id, affiliateId, "L" + id, campaign, target, "affiliate", "referral", campaign,
                "https://aff.example/r/L" + id, clicks, unique, FakeContext.NOW.minusSeconds(3600 * (200 - id)));
        links.computeIfAbsent(affiliateId, k -> new ArrayList<>()).add(l);
        return l;
    }

    static Money inr(String amount) {
        return Money.of(amount, "INR");
    }

    @Override
    public Affiliate register(Actor actor, NewAffiliate application) {
        actors.add(actor);
        if (affiliates.values().stream().anyMatch(a -> a.mobile().equals(application.mobile()))) {
            throw new Rejected(Rejected.Kind.CONFLICT, "mobile-taken", "An affiliate with this mobile number exists.");
        }
        if (affiliates.values().stream().anyMatch(a -> application.telegramUserId().equals(a.telegramUserId()))) {
            throw new Rejected(Rejected.Kind.CONFLICT, "telegram-user-taken", "taken");
        }
        registrations.add(application);
        Long recruiter = findByCode(application.invite()).map(Affiliate::id).orElse(null);
        long id = nextId++;
        Affiliate a = new Affiliate(id, "AFF" + id, application.name(), application.mobile(), application.email(),
                application.telegramUserId(), AffiliateStatus.PENDING, null, application.payoutDetails(), null, recruiter,
                FakeContext.NOW, null);
        affiliates.put(id, a);
        return a;
    }

    @Override
    public Optional<Affiliate> find(long affiliateId) {
        return Optional.ofNullable(affiliates.get(affiliateId));
    }

    @Override
    public Optional<Affiliate> findByCode(String code) {
        return affiliates.values().stream().filter(a -> a.code().equalsIgnoreCase(String.valueOf(code))).findFirst();
    }

    @Override
    public Optional<Affiliate> findByTelegramUser(long telegramUserId) {
        return affiliates.values().stream().filter(a -> a.telegramUserId() != null && a.telegramUserId() == telegramUserId)
                .findFirst();
    }

    @Override
    public List<Affiliate> list(AffiliateStatus status, int limit) {
        return affiliates.values().stream().filter(a -> status == null || a.status() == status).limit(limit).toList();
    }

    @Override
    public Affiliate update(Actor actor, long affiliateId, String name, String email, String payoutDetails, Long planId) {
        throw new AssertionError("update is not used by the code under test");
    }

    @Override
    public Affiliate approve(Actor actor, long affiliateId) {
        decide(affiliateId, AffiliateStatus.APPROVED, null);
        return affiliates.get(affiliateId);
    }

    @Override
    public Affiliate reject(Actor actor, long affiliateId, String reason) {
        decide(affiliateId, AffiliateStatus.REJECTED, reason);
        return affiliates.get(affiliateId);
    }

    @Override
    public Affiliate suspend(Actor actor, long affiliateId, String reason) {
        decide(affiliateId, AffiliateStatus.SUSPENDED, reason);
        return affiliates.get(affiliateId);
    }

    @Override
    public ReferralLink createLink(Actor actor, long affiliateId, NewLink link) {
        actors.add(actor);
        linkRequests.add(link);
        if (affiliates.get(affiliateId).status() != AffiliateStatus.APPROVED) {
            throw new Rejected(Rejected.Kind.CONFLICT, "affiliate-not-approved", "not approved");
        }
        if (link.campaign() == null || link.campaign().isBlank() || link.campaign().length() > 100) {
            throw new Rejected(Rejected.Kind.INVALID, "invalid-campaign", "campaign has at most 100 characters",
                    Map.of("campaign", "has at most 100 characters"));
        }
        String target = link.targetUrl() == null ? FALLBACK : link.targetUrl();
        URI u = URI.create(target);
        if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
            throw new Rejected(Rejected.Kind.INVALID, "target-not-allowed", "targetUrl must be http(s)",
                    Map.of("targetUrl", "must be an http or https address"));
        }
        if (!ALLOWED_HOST.equals(u.getHost())) {
            throw new Rejected(Rejected.Kind.INVALID, "target-not-allowed", "targetUrl host not allowed",
                    Map.of("targetUrl", "the host " + u.getHost() + " is not allowed"));
        }
        return addLink(affiliateId, link.campaign(), target, 0, 0);
    }

    @Override
    public List<ReferralLink> links(long affiliateId) {
        return links.getOrDefault(affiliateId, List.of()).stream()
                .sorted(Comparator.comparingLong(ReferralLink::id).reversed()).toList();
    }

    @Override
    public AffiliateStats stats(long affiliateId, Instant from, Instant to) {
        statsAsked.add(new Instant[]{from, to});
        long[] f = figures.getOrDefault(from, new long[5]);
        return new AffiliateStats(affiliateId, from, to, f[0], f[1], f[2], inr(String.valueOf(f[3])), inr(String.valueOf(f[4])));
    }

    @Override
    public List<Commission> commissions(Long affiliateId, CommissionStatus status, int limit) {
        return commissions.stream().filter(c -> affiliateId == null || c.affiliateId() == affiliateId)
                .filter(c -> status == null || c.status() == status)
                .sorted(Comparator.comparing(Commission::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public Commission approveCommission(Actor actor, long commissionId) {
        throw new AssertionError("approveCommission is not used by the code under test");
    }

    @Override
    public Commission rejectCommission(Actor actor, long commissionId, String reason) {
        throw new AssertionError("rejectCommission is not used by the code under test");
    }

    @Override
    public int approveCommissions(Actor actor, List<Long> commissionIds) {
        throw new AssertionError("approveCommissions is not used by the code under test");
    }

    @Override
    public Money approvedBalance(long affiliateId) {
        return approved.getOrDefault(affiliateId, inr("0"));
    }

    @Override
    public Payout requestPayout(Actor actor, long affiliateId) {
        actors.add(actor);
        payoutRequests.add(affiliateId);
        if (payouts.stream().anyMatch(p -> p.affiliateId() == affiliateId && p.status() == PayoutStatus.REQUESTED)) {
            throw new Rejected(Rejected.Kind.CONFLICT, "payout-already-open", "A payout is already requested.");
        }
        Money balance = approvedBalance(affiliateId);
        if (balance.amount().compareTo(MINIMUM.amount()) < 0) {
            throw new Rejected(Rejected.Kind.CONFLICT, "payout-below-minimum",
                    "The approved balance is below the minimum payout of 500.00 INR.");
        }
        Payout p = new Payout(1000 + payouts.size(), affiliateId, balance, PayoutStatus.REQUESTED, FakeContext.NOW, null,
                null, null, null, null);
        payouts.add(p);
        approved.put(affiliateId, inr("0"));
        return p;
    }

    @Override
    public List<Payout> payouts(Long affiliateId, PayoutStatus status, int limit) {
        return payouts.stream().filter(p -> affiliateId == null || p.affiliateId() == affiliateId)
                .filter(p -> status == null || p.status() == status).limit(limit).toList();
    }

    @Override
    public Payout markPaid(Actor actor, long payoutId, String method, String reference, String proofFile) {
        throw new AssertionError("markPaid is not used by the code under test");
    }

    @Override
    public List<FraudAlert> alerts(boolean openOnly, int limit) {
        throw new AssertionError("alerts is not used by the code under test");
    }

    @Override
    public FraudAlert resolveAlert(Actor actor, long alertId, boolean confirmed, String note) {
        throw new AssertionError("resolveAlert is not used by the code under test");
    }

    @Override
    public List<AffiliateStats> leaderboard(Instant from, Instant to, int limit) {
        return leaderboard.stream().limit(limit).toList();
    }
}
