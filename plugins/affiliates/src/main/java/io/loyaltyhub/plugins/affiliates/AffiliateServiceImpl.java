package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.event.LinkCreated;
import io.loyaltyhub.api.affiliate.event.AffiliateSuspended;
import io.loyaltyhub.api.affiliate.event.AffiliateRejected;
import io.loyaltyhub.api.affiliate.event.AffiliateApproved;
import io.loyaltyhub.api.affiliate.event.AffiliateUpdated;
import io.loyaltyhub.api.affiliate.event.AffiliateRegistered;
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
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.loyaltyhub.api.common.Rejected.Kind.CONFLICT;
import static io.loyaltyhub.plugins.affiliates.Affiliates.invalid;

/**
 * Affiliates, their approval and links, and click figures: every method is one transaction. Commissions, payouts,
 * fraud alerts and the leaderboard are delegated to {@link Commissions}, {@link Payouts}, {@link FraudChecks}
 * and {@link Leaderboard}.
 */
@Extension
public class AffiliateServiceImpl implements AffiliateService {
    static final String DEFAULT_UTM_SOURCE = "affiliate";
    static final String DEFAULT_UTM_MEDIUM = "referral";

    private final PluginContext context;
    private final Commissions commissions;
    private final Payouts payouts;
    private final FraudChecks fraud;
    private final Leaderboard leaderboard;

    public AffiliateServiceImpl(PluginContext context) {
        this.context = context;
        this.fraud = new FraudChecks(context);
        this.commissions = new Commissions(context, fraud);
        this.payouts = new Payouts(context);
        this.leaderboard = new Leaderboard(context);
    }

    private AffiliatesConfig config() {
        return AffiliatesConfig.from(context.settings());
    }

    // ---- affiliates ------------------------------------------------------------------------

    @Override
    public Affiliate register(Actor actor, NewAffiliate a) {
        AffiliatesConfig config = config();
        String name = name(a.name());
        String mobile = e164(a.mobile(), config);
        String email = email(a.email());
        Long telegram = a.telegramUserId();
        if (telegram != null && telegram <= 0) {
            throw invalid("invalid-telegram-user", "telegramUserId", "must be a positive Telegram user id");
        }
        String payout = optionalText(a.payoutDetails(), "payoutDetails", 500, "invalid-payout-details");
        String invite = a.invite() == null || a.invite().isBlank() ? null : a.invite().trim().toUpperCase(Locale.ROOT);
        if (invite != null && !invite.matches("[A-Z0-9]{4,20}")) {
            throw invalid("unknown-invite", "invite", "is not an affiliate's code");
        }
        long id = context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            refuseTaken(sql, mobile, telegram);
            Long recruiter = invite == null ? null : sql.one("SELECT id FROM affiliate WHERE code = ? AND status = 'APPROVED'",
                    rs -> rs.getLong(1), invite).orElseThrow(() -> invalid("unknown-invite", "invite",
                    "is not the code of an approved affiliate"));
            Instant now = tx.now();
            for (int attempt = 0; attempt < 8; attempt++) {
                String code = Codes.affiliate();
                long newId = sql.insert("INSERT IGNORE INTO affiliate (code, name, mobile, email, telegram_user_id, status, "
                                + "payout_details, recruited_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)",
                        code, name, mobile, email, telegram, payout, recruiter, now, now);
                if (newId > 0) {
                    Affiliate created = Affiliates.existing(sql, newId, false);
                    tx.publish(new AffiliateRegistered(newId, created.code(), created.name(), created.status().name(),
                            created.telegramUserId(), created.recruitedBy(), null), String.valueOf(newId));
                    audit(tx, actor, "affiliate.register", newId, null, created);
                    return newId;
                }
                refuseTaken(sql, mobile, telegram); // a concurrent registration took it; else the code was taken
            }
            throw new IllegalStateException("no free affiliate code after 8 attempts");
        });
        return find(id).orElseThrow();
    }

    private static void refuseTaken(SqlRunner sql, String mobile, Long telegram) {
        if (sql.one("SELECT id FROM affiliate WHERE mobile = ?", rs -> rs.getLong(1), mobile).isPresent()) {
            throw new Rejected(CONFLICT, "mobile-taken", "An affiliate with this mobile number exists.");
        }
        if (telegram != null && sql.one("SELECT id FROM affiliate WHERE telegram_user_id = ?", rs -> rs.getLong(1),
                telegram).isPresent()) {
            throw new Rejected(CONFLICT, "telegram-user-taken", "This Telegram user is already an affiliate.");
        }
    }

    @Override
    public Optional<Affiliate> find(long affiliateId) {
        return context.transactions().inTransaction(tx -> Affiliates.byId(tx.sql(), affiliateId, false));
    }

    @Override
    public Optional<Affiliate> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return context.transactions().inTransaction(tx -> tx.sql().one("SELECT " + Affiliates.COLUMNS
                + " FROM affiliate WHERE code = ?", Affiliates::affiliate, code.trim().toUpperCase(Locale.ROOT)));
    }

    @Override
    public Optional<Affiliate> findByTelegramUser(long telegramUserId) {
        return context.transactions().inTransaction(tx -> tx.sql().one("SELECT " + Affiliates.COLUMNS
                + " FROM affiliate WHERE telegram_user_id = ?", Affiliates::affiliate, telegramUserId));
    }

    @Override
    public List<Affiliate> list(AffiliateStatus status, int limit) {
        int n = limit <= 0 ? 50 : Math.min(limit, 500);
        return context.transactions().inTransaction(tx -> status == null
                ? tx.sql().query("SELECT " + Affiliates.COLUMNS + " FROM affiliate ORDER BY id DESC LIMIT " + n,
                Affiliates::affiliate)
                : tx.sql().query("SELECT " + Affiliates.COLUMNS + " FROM affiliate WHERE status = ? ORDER BY id DESC LIMIT " + n,
                Affiliates::affiliate, status));
    }

    @Override
    public Affiliate update(Actor actor, long affiliateId, String name, String email, String payoutDetails, Long planId) {
        String newName = name == null ? null : name(name);
        String newEmail = email == null ? null : email(email);
        String newPayout = payoutDetails == null ? null
                : optionalText(payoutDetails, "payoutDetails", 500, "invalid-payout-details");
        if (planId != null && planId <= 0) {
            throw invalid("invalid-plan", "planId", "must be a positive plan id");
        }
        return context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            Affiliate before = Affiliates.existing(sql, affiliateId, true);
            sql.update("UPDATE affiliate SET name = ?, email = ?, payout_details = ?, plan_id = ?, updated_at = ? WHERE id = ?",
                    newName == null ? before.name() : newName,
                    email == null ? before.email() : newEmail,
                    payoutDetails == null ? before.payoutDetails() : newPayout,
                    planId == null ? before.planId() : planId, tx.now(), affiliateId);
            Affiliate after = Affiliates.existing(sql, affiliateId, false);
            if (!after.equals(before)) {
                tx.publish(new AffiliateUpdated(affiliateId, after.code(), after.name(), after.status().name(),
                        after.telegramUserId(), after.recruitedBy(), null), String.valueOf(affiliateId));
                audit(tx, actor, "affiliate.update", affiliateId, before, after);
            }
            return after;
        });
    }

    @Override
    public Affiliate approve(Actor actor, long affiliateId) {
        return transition(actor, affiliateId, AffiliateStatus.APPROVED, null);
    }

    @Override
    public Affiliate reject(Actor actor, long affiliateId, String reason) {
        return transition(actor, affiliateId, AffiliateStatus.REJECTED, reason(reason));
    }

    @Override
    public Affiliate suspend(Actor actor, long affiliateId, String reason) {
        return transition(actor, affiliateId, AffiliateStatus.SUSPENDED, reason(reason));
    }

    /**
     * Approve: from pending, suspended (reinstated) or rejected (reconsidered). Reject: only a pending application.
     * Suspend: only an approved affiliate. Asking for the state it is in changes nothing and publishes nothing.
     */
    private Affiliate transition(Actor actor, long affiliateId, AffiliateStatus to, String reason) {
        return context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            Affiliate before = Affiliates.existing(sql, affiliateId, true);
            if (before.status() == to) {
                return before;
            }
            if (to == AffiliateStatus.REJECTED && before.status() != AffiliateStatus.PENDING) {
                throw new Rejected(CONFLICT, "not-pending",
                        "Only a pending application can be rejected; suspend an approved affiliate instead.");
            }
            if (to == AffiliateStatus.SUSPENDED && before.status() != AffiliateStatus.APPROVED) {
                throw new Rejected(CONFLICT, "not-approved", "Only an approved affiliate can be suspended.");
            }
            Instant now = tx.now();
            sql.update("UPDATE affiliate SET status = ?, status_reason = ?, updated_at = ?, "
                            + "approved_at = CASE WHEN ? = 'APPROVED' THEN ? ELSE approved_at END WHERE id = ?",
                    to, reason, now, to.name(), now, affiliateId);
            Affiliate after = Affiliates.existing(sql, affiliateId, false);
            String status = after.status().name();
            tx.publish(switch (to) {
                case APPROVED -> new AffiliateApproved(affiliateId, after.code(), after.name(), status,
                        after.telegramUserId(), after.recruitedBy(), reason);
                case REJECTED -> new AffiliateRejected(affiliateId, after.code(), after.name(), status,
                        after.telegramUserId(), after.recruitedBy(), reason);
                case SUSPENDED -> new AffiliateSuspended(affiliateId, after.code(), after.name(), status,
                        after.telegramUserId(), after.recruitedBy(), reason);
                case PENDING -> throw new IllegalStateException();
            }, String.valueOf(affiliateId));
            audit(tx, actor, "affiliate." + to.name().toLowerCase(Locale.ROOT), affiliateId, before, after);
            return after;
        });
    }

    private static void audit(Tx tx, Actor actor, String action, long id, Object before, Object after) {
        if (actor != null && actor.kind() != Actor.Kind.SYSTEM) {
            tx.audit(actor, action, "affiliate", String.valueOf(id), before, after);
        }
    }

    // ---- links and figures -----------------------------------------------------------------

    @Override
    public ReferralLink createLink(Actor actor, long affiliateId, NewLink link) {
        AffiliatesConfig config = config();
        String campaign = requiredText(link.campaign(), "campaign", 100, "invalid-campaign");
        String target = link.targetUrl() == null || link.targetUrl().isBlank() ? config.fallbackUrl() : link.targetUrl().trim();
        Optional<String> refusal = TargetUrls.refusal(target, config);
        if (refusal.isPresent()) {
            throw invalid("target-not-allowed", "targetUrl", refusal.get());
        }
        String normalised = TargetUrls.parse(target).orElseThrow().toString();
        String source = utm(link.utmSource(), DEFAULT_UTM_SOURCE, "utmSource");
        String medium = utm(link.utmMedium(), DEFAULT_UTM_MEDIUM, "utmMedium");
        String utmCampaign = utm(link.utmCampaign(), campaign, "utmCampaign");
        long id = context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            Affiliate a = Affiliates.existing(sql, affiliateId, true);
            if (a.status() != AffiliateStatus.APPROVED) {
                throw new Rejected(CONFLICT, "affiliate-not-approved",
                        "Links are for approved affiliates; this one is " + a.status().name().toLowerCase(Locale.ROOT) + ".");
            }
            for (int attempt = 0; attempt < 8; attempt++) {
                String code = Codes.link();
                long linkId = sql.insert("INSERT IGNORE INTO affiliate_link (affiliate_id, code, campaign, target_url, "
                                + "utm_source, utm_medium, utm_campaign, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        affiliateId, code, campaign, normalised, source, medium, utmCampaign, tx.now());
                if (linkId > 0) {
                    LinkCreated e = new LinkCreated(linkId, affiliateId, code, campaign, normalised);
                    tx.publish(e, String.valueOf(linkId));
                    if (actor != null && actor.kind() != Actor.Kind.SYSTEM) {
                        tx.audit(actor, "affiliate.link-create", "affiliate-link", String.valueOf(linkId), null, e);
                    }
                    return linkId;
                }
            }
            throw new IllegalStateException("no free link code after 8 attempts");
        });
        return context.transactions().inTransaction(tx -> tx.sql().one(Affiliates.LINK_QUERY + "WHERE l.id = ?",
                rs -> Affiliates.link(rs, config.publicBaseUrl()), affiliateId, affiliateId, id)).orElseThrow();
    }

    @Override
    public List<ReferralLink> links(long affiliateId) {
        String base = config().publicBaseUrl();
        return context.transactions().inTransaction(tx -> {
            Affiliates.existing(tx.sql(), affiliateId, false);
            return tx.sql().query(Affiliates.LINK_QUERY + "WHERE l.affiliate_id = ? ORDER BY l.id DESC",
                    rs -> Affiliates.link(rs, base), affiliateId, affiliateId, affiliateId);
        });
    }

    @Override
    public AffiliateStats stats(long affiliateId, Instant from, Instant to) {
        AffiliatesConfig config = config();
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? context.clock().instant().plusSeconds(1) : to;
        if (!start.isBefore(end)) {
            throw new Rejected(Rejected.Kind.INVALID, "invalid-period", "from must be before to.");
        }
        return context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            Affiliates.existing(sql, affiliateId, false);
            long[] clicks = ClickArchive.affiliateClicks(sql, affiliateId, start, end);
            Conversions.Figures f = Conversions.of(sql, affiliateId, start, end, config.currency());
            return new AffiliateStats(affiliateId, start, end, clicks[0], clicks[1], f.conversions(), f.revenue(),
                    f.commission());
        });
    }

    // ---- commissions, payouts, alerts, leaderboard: the commissions slice ----------------------

    @Override
    public List<Commission> commissions(Long affiliateId, CommissionStatus status, int limit) {
        return commissions.list(affiliateId, status, limit);
    }

    @Override
    public Commission approveCommission(Actor actor, long commissionId) {
        return commissions.approve(actor, commissionId);
    }

    @Override
    public Commission rejectCommission(Actor actor, long commissionId, String reason) {
        return commissions.reject(actor, commissionId, reason);
    }

    @Override
    public int approveCommissions(Actor actor, List<Long> commissionIds) {
        return commissions.approveAll(actor, commissionIds);
    }

    @Override
    public Money approvedBalance(long affiliateId) {
        return payouts.approvedBalance(affiliateId);
    }

    @Override
    public Payout requestPayout(Actor actor, long affiliateId) {
        return payouts.request(actor, affiliateId);
    }

    @Override
    public List<Payout> payouts(Long affiliateId, PayoutStatus status, int limit) {
        return payouts.list(affiliateId, status, limit);
    }

    @Override
    public Payout markPaid(Actor actor, long payoutId, String method, String reference, String proofFile) {
        return payouts.markPaid(actor, payoutId, method, reference, proofFile);
    }

    @Override
    public List<FraudAlert> alerts(boolean openOnly, int limit) {
        return fraud.alerts(openOnly, limit);
    }

    @Override
    public FraudAlert resolveAlert(Actor actor, long alertId, boolean confirmed, String note) {
        return fraud.resolve(actor, alertId, confirmed, note);
    }

    @Override
    public List<AffiliateStats> leaderboard(Instant from, Instant to, int limit) {
        return leaderboard.top(from, to, limit);
    }

    // ---- input checks ----------------------------------------------------------------------

    private String e164(String raw, AffiliatesConfig config) {
        if (raw == null || raw.isBlank()) {
            throw invalid("missing-field", "mobile", "is required");
        }
        return context.service(PhoneNumbers.class).orElseThrow().toE164(raw, config.region())
                .orElseThrow(() -> invalid("invalid-mobile", "mobile", "'" + raw + "' is not a valid mobile number"));
    }

    static String name(String raw) {
        return requiredText(raw, "name", 200, "invalid-name");
    }

    static String requiredText(String raw, String field, int max, String code) {
        if (raw == null || raw.isBlank()) {
            throw invalid("missing-field", field, "is required");
        }
        String t = raw.trim().replaceAll("\\s+", " ");
        if (t.length() > max) {
            throw invalid(code, field, "has at most " + max + " characters");
        }
        return t;
    }

    static String optionalText(String raw, String field, int max, String code) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.trim();
        if (t.length() > max) {
            throw invalid(code, field, "has at most " + max + " characters");
        }
        return t;
    }

    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String e = raw.trim();
        if (e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw invalid("invalid-email", "email", "is not an email address");
        }
        return e;
    }

    private static String reason(String raw) {
        return requiredText(raw, "reason", 500, "invalid-reason");
    }

    private static String utm(String raw, String fallback, String field) {
        String v = raw == null || raw.isBlank() ? fallback : raw.trim();
        if (v.length() > 100) {
            throw invalid("invalid-utm", field, "has at most 100 characters");
        }
        return v;
    }
}
