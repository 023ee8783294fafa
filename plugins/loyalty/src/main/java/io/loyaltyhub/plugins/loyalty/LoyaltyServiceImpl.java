package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.event.PointsAdjusted;
import io.loyaltyhub.api.loyalty.event.CustomerJoined;
import io.loyaltyhub.api.loyalty.event.CustomerErased;
import io.loyaltyhub.api.loyalty.event.BillReversed;
import io.loyaltyhub.api.loyalty.event.BillProcessed;
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.loyalty.AppliedRule;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillOutcome;
import io.loyaltyhub.api.loyalty.BillResult;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerChanges;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.Kid;
import io.loyaltyhub.api.loyalty.LedgerLine;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.MovementKind;
import io.loyaltyhub.api.loyalty.NewCustomer;
import io.loyaltyhub.api.loyalty.PointsBalance;
import io.loyaltyhub.api.loyalty.PointsChange;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The loyalty service: every method is one transaction; see {@link Ledger} for the ledger's rules. */
@Extension
public class LoyaltyServiceImpl implements LoyaltyService {
    private static final List<String> LANGUAGES = List.of("en", "hi");
    private static final List<String> CONSENT_SOURCES = List.of("whatsapp", "pos", "admin", "api", "import", "erp");

    private final PluginContext context;

    public LoyaltyServiceImpl(PluginContext context) {
        this.context = context;
    }

    private LoyaltyConfig config() {
        return LoyaltyConfig.from(context.settings());
    }

    private String e164(String raw, LoyaltyConfig config) {
        if (raw == null || raw.isBlank()) {
            throw Rejected.invalid("missing-field", "A mobile number is required.");
        }
        return context.service(PhoneNumbers.class).orElseThrow().toE164(raw, config.region())
                .orElseThrow(() -> Rejected.invalid("invalid-mobile", "'" + raw + "' is not a valid mobile number."));
    }

    // ---- customers ---------------------------------------------------------------------------

    @Override
    public Customer join(Actor actor, NewCustomer n) {
        LoyaltyConfig config = config();
        String mobile = e164(n.mobile(), config);
        String name = cleanName(n.name());
        String language = n.language() == null || n.language().isBlank() ? config.language()
                : n.language().trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw Rejected.invalid("invalid-language", "Language must be one of " + LANGUAGES + ".");
        }
        String source = n.consentSource() == null ? defaultSource(actor) : n.consentSource().trim().toLowerCase(Locale.ROOT);
        if (!CONSENT_SOURCES.contains(source)) {
            throw Rejected.invalid("invalid-consent-source", "Consent source must be one of " + CONSENT_SOURCES + ".");
        }
        long id = context.transactions().inTransaction(tx -> insertCustomer(tx, actor, mobile, name, n.birthday(),
                language, source, n.referralCode(), config, false).orElseGet(() -> idByMobile(tx.sql(), mobile).orElseThrow()));
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Customer> syncCustomer(Actor actor, NewCustomer n) {
        LoyaltyConfig config = config();
        String mobile = e164(n.mobile(), config);
        Optional<Long> existing = context.transactions().inTransaction(tx -> idByMobile(tx.sql(), mobile));
        if (existing.isEmpty()) {
            return config.enrollOnBill() ? Optional.of(join(actor, new NewCustomer(mobile, n.name(), n.birthday(),
                    n.language(), "erp"))) : Optional.empty();
        }
        String name = cleanName(n.name());
        Birthday b = n.birthday();
        context.transactions().run(tx -> { // gaps only: what the customer told us themself stays
            tx.sql().update("UPDATE loyalty_customer SET name = COALESCE(name, ?), "
                            + "birth_year = IF(birth_month IS NULL, ?, birth_year), "
                            + "birth_day = COALESCE(birth_day, ?), birth_month = COALESCE(birth_month, ?), updated_at = ? "
                            + "WHERE id = ? AND status = 'ACTIVE'", name, b == null ? null : b.year(),
                    b == null ? null : b.day(), b == null ? null : b.month(), tx.now(), existing.get());
            return null;
        });
        return find(existing.get());
    }

    /**
     * Inserts the customer unless the mobile is taken; records the consent, gives the sign-up bonus, links the
     * referrer. Empty if it existed.
     */
    private Optional<Long> insertCustomer(Tx tx, Actor actor, String mobile, String name, Birthday birthday,
                                          String language, String source, String referralCode, LoyaltyConfig config,
                                          boolean historical) {
        Instant now = tx.now();
        String tier = Tiers.lowest(tx).code();
        long id = tx.sql().insert("INSERT IGNORE INTO loyalty_customer (mobile, name, birth_month, birth_day, birth_year, "
                        + "language, status, tier_code, tier_since, consent_at, consent_source, joined_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)", mobile, name,
                birthday == null ? null : birthday.month(), birthday == null ? null : birthday.day(),
                birthday == null ? null : birthday.year(), language, tier, now, now, source, now, now);
        if (id == 0) {
            return Optional.empty();
        }
        tx.sql().update("INSERT INTO loyalty_tier_change (customer_id, from_tier, to_tier, reason, changed_at) "
                + "VALUES (?, NULL, ?, 'joined', ?)", id, tier, now);
        Consents.record(tx, id, true, source, false);
        List<RuleDef> rules = Rules.current(tx.sql(), context.json());
        long signUp = Rules.bonus(rules, "SIGN_UP", now);
        if (signUp > 0) {
            Ledger.lock(tx.sql(), id);
            Ledger.earn(tx.sql(), "bonus:sign-up:" + id, MovementKind.BONUS, id, Ledger.Account.ISSUED, signUp, false,
                    now, expiry(now, config), null, "sign-up bonus", "customer:" + id, now);
            tx.sql().update("UPDATE loyalty_customer SET lifetime_earned = lifetime_earned + ? WHERE id = ?", signUp, id);
        }
        Optional<Long> referrer = referralCode == null ? Optional.empty()
                : Referrals.link(tx, id, referralCode, context.json(), config);
        String joinedWith = Referrals.normalise(referralCode);
        // a friend's or an affiliate's code (the affiliates plugin attributes the latter)
        String code = !joinedWith.isEmpty() && joinedWith.length() <= 64 ? joinedWith : null;
        CustomerJoined event = new CustomerJoined(id, mobile, name, language, source, signUp, referrer.orElse(null), code,
                historical);
        tx.publish(event, String.valueOf(id));
        if (actor.kind() != Actor.Kind.SYSTEM) {
            tx.audit(actor, "customer.join", "customer", String.valueOf(id), null, event);
        }
        return Optional.of(id);
    }

    private static String defaultSource(Actor actor) {
        return actor.kind() == Actor.Kind.STAFF ? "admin" : "api";
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replaceAll("\\s+", " ");
        if (n.length() > 200) {
            throw Rejected.invalid("invalid-name", "A name has at most 200 characters.");
        }
        return n;
    }

    private static Optional<Long> idByMobile(SqlRunner sql, String mobile) {
        return sql.one("SELECT id FROM loyalty_customer WHERE mobile = ?", rs -> rs.getLong(1), mobile);
    }

    @Override
    public Optional<Customer> find(long customerId) {
        return context.transactions().inTransaction(tx -> Customers.byId(tx.sql(), customerId));
    }

    @Override
    public Optional<Customer> findByMobile(String mobile) {
        Optional<String> e164 = context.service(PhoneNumbers.class).orElseThrow().toE164(mobile, config().region());
        return e164.flatMap(m -> context.transactions().inTransaction(tx -> Customers.byMobile(tx.sql(), m)));
    }

    @Override
    public List<Customer> search(String text, String tier, int limit) {
        int n = limit <= 0 ? 50 : Math.min(limit, 500);
        String t = text == null ? "" : text.trim();
        Optional<String> mobile = t.isEmpty() ? Optional.empty()
                : context.service(PhoneNumbers.class).orElseThrow().toE164(t, config().region());
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new java.util.ArrayList<>();
        if (mobile.isPresent()) {
            where.append(" AND mobile = ?");
            args.add(mobile.get());
        } else if (!t.isEmpty()) {
            where.append(" AND (name LIKE ? OR mobile LIKE ?)");
            String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        if (tier != null && !tier.isBlank()) {
            where.append(" AND tier_code = ?");
            args.add(tier.trim().toUpperCase(Locale.ROOT));
        }
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT " + Customers.COLUMNS
                + " FROM loyalty_customer" + where + " ORDER BY id DESC LIMIT " + n, Customers::customer,
                args.toArray()));
    }

    @Override
    public Customer update(Actor actor, long customerId, CustomerChanges c) {
        String name = c.name() == null ? null : cleanName(c.name());
        String language = c.language() == null ? null : c.language().trim().toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGES.contains(language)) {
            throw Rejected.invalid("invalid-language", "Language must be one of " + LANGUAGES + ".");
        }
        LoyaltyConfig config = config();
        context.transactions().inTransaction(tx -> {
            Ledger.lock(tx.sql(), customerId);
            Customer before = Customers.byId(tx.sql(), customerId).orElseThrow();
            Birthday birthday = c.birthday() == null ? before.birthday() : c.birthday();
            CustomerStatus status = c.status() == null ? before.status() : c.status();
            String newName = name == null ? before.name() : name;
            Instant now = tx.now();
            boolean optIn = before.status() == CustomerStatus.OPTED_OUT && status == CustomerStatus.ACTIVE;
            boolean optOut = before.status() == CustomerStatus.ACTIVE && status == CustomerStatus.OPTED_OUT;
            if (optIn || optOut) {
                String source = defaultSource(actor);
                Consents.record(tx, customerId, optIn, source, true);
                if (optIn) {
                    tx.sql().update("UPDATE loyalty_customer SET consent_at = ?, consent_source = ? WHERE id = ?",
                            now, source, customerId);
                }
            }
            tx.sql().update("UPDATE loyalty_customer SET name = ?, birth_month = ?, birth_day = ?, birth_year = ?, "
                            + "language = ?, status = ?, updated_at = ? WHERE id = ?", newName,
                    birthday == null ? null : birthday.month(), birthday == null ? null : birthday.day(),
                    birthday == null ? null : birthday.year(), language == null ? before.language() : language,
                    status, now, customerId);
            boolean completedNow = (before.name() == null || before.birthday() == null) && newName != null && birthday != null;
            if (completedNow) {
                long bonus = Rules.bonus(Rules.current(tx.sql(), context.json()), "PROFILE_COMPLETED", now);
                if (bonus > 0) {
                    Ledger.earn(tx.sql(), "bonus:profile:" + customerId, MovementKind.BONUS, customerId,
                            Ledger.Account.ISSUED, bonus, false, now, expiry(now, config), null,
                            "profile completed", "customer:" + customerId, now);
                    tx.sql().update("UPDATE loyalty_customer SET lifetime_earned = lifetime_earned + ? WHERE id = ?",
                            bonus, customerId);
                    Ledger.settleOwed(tx.sql(), customerId, "bonus:profile:" + customerId, now);
                }
            }
            tx.audit(actor, "customer.update", "customer", String.valueOf(customerId), before,
                    Customers.byId(tx.sql(), customerId).orElseThrow());
            return null;
        });
        return find(customerId).orElseThrow();
    }

    @Override
    public void erase(Actor actor, long customerId, String reason) {
        context.transactions().inTransaction(tx -> {
            Ledger.lock(tx.sql(), customerId);
            Instant now = tx.now();
            tx.sql().update("UPDATE loyalty_customer SET mobile = ?, name = NULL, birth_month = NULL, birth_day = NULL, "
                    + "birth_year = NULL, consent_at = NULL, consent_source = NULL, marketing_at = NULL, referral_code = NULL, status = 'ERASED', "
                    + "updated_at = ? "
                    + "WHERE id = ?", "erased-" + customerId, now, customerId);
            tx.sql().update("DELETE FROM loyalty_kid WHERE customer_id = ?", customerId);
            CustomerErased what = new CustomerErased(customerId, reason == null || reason.isBlank() ? "on request"
                    : reason.trim());
            tx.publish(what, String.valueOf(customerId));
            tx.audit(actor, "customer.erase", "customer", String.valueOf(customerId), null, what); // no personal data
            return null;
        });
    }

    @Override
    public Customer setConsent(Actor actor, long customerId, boolean consent, String source) {
        String src = source == null ? defaultSource(actor) : source.trim().toLowerCase(Locale.ROOT);
        if (!CONSENT_SOURCES.contains(src)) {
            throw Rejected.invalid("invalid-consent-source", "Consent source must be one of " + CONSENT_SOURCES + ".");
        }
        context.transactions().inTransaction(tx -> {
            Ledger.lock(tx.sql(), customerId);
            Customer before = Customers.byId(tx.sql(), customerId).orElseThrow();
            Instant now = tx.now();
            switch (before.status()) {
                case ERASED -> throw Rejected.conflict("customer-erased", "Customer " + customerId + " was erased.");
                case ACTIVE, OPTED_OUT -> {
                    boolean unchanged = consent ? before.status() == CustomerStatus.ACTIVE && before.consentAt() != null
                            : before.status() == CustomerStatus.OPTED_OUT;
                    if (unchanged) {
                        return null;
                    }
                    tx.sql().update("UPDATE loyalty_customer SET status = ?, updated_at = ? WHERE id = ?",
                            consent ? CustomerStatus.ACTIVE : CustomerStatus.OPTED_OUT, now, customerId);
                }
                case BLOCKED -> {
                    // recorded, but a block is staff's decision: the status stays
                }
            }
            if (consent) {
                tx.sql().update("UPDATE loyalty_customer SET consent_at = ?, consent_source = ? WHERE id = ?",
                        now, src, customerId);
            }
            Consents.record(tx, customerId, consent, src, true);
            tx.audit(actor, consent ? "customer.consent-given" : "customer.consent-withdrawn", "customer",
                    String.valueOf(customerId), Map.of("status", before.status()), Map.of("consent", consent, "source", src));
            return null;
        });
        return find(customerId).orElseThrow();
    }

    @Override
    public Customer setMarketingConsent(Actor actor, long customerId, boolean marketing, String source) {
        String src = source == null ? defaultSource(actor) : source.trim().toLowerCase(Locale.ROOT);
        if (!CONSENT_SOURCES.contains(src)) {
            throw Rejected.invalid("invalid-consent-source", "Consent source must be one of " + CONSENT_SOURCES + ".");
        }
        context.transactions().run(tx -> {
            Customer before = Customers.byId(tx.sql(), customerId)
                    .orElseThrow(() -> Rejected.notFound("not-found", "No customer with id " + customerId));
            marketingConsent(tx, actor, before, marketing, src);
            return null;
        });
        return find(customerId).orElseThrow();
    }

    /** Changes the marketing opt-in in {@code tx}; unchanged, nothing is recorded. */
    static void marketingConsent(io.loyaltyhub.api.data.Tx tx, Actor actor, Customer before, boolean marketing,
                                 String source) {
        if (before.status() == CustomerStatus.ERASED) {
            throw Rejected.conflict("customer-erased", "Customer " + before.id() + " was erased.");
        }
        if (before.marketing() == marketing) {
            return;
        }
        tx.sql().update("UPDATE loyalty_customer SET marketing_at = ?, updated_at = ? WHERE id = ?",
                marketing ? tx.now() : null, tx.now(), before.id());
        Consents.recordMarketing(tx, before.id(), marketing, source);
        tx.audit(actor, marketing ? "customer.marketing-given" : "customer.marketing-withdrawn", "customer",
                String.valueOf(before.id()), Map.of("marketing", before.marketing()),
                Map.of("marketing", marketing, "source", source));
    }

    @Override
    public List<io.loyaltyhub.api.loyalty.ConsentChange> consentHistory(long customerId) {
        return context.transactions().inTransaction(tx -> {
            if (tx.sql().one("SELECT 1 FROM loyalty_customer WHERE id = ?", rs -> 1, customerId).isEmpty()) {
                throw Rejected.notFound("unknown-customer", "No customer " + customerId);
            }
            return Consents.history(tx.sql(), customerId);
        });
    }

    @Override
    public String referralCode(long customerId) {
        return context.transactions().inTransaction(tx -> Referrals.code(tx, customerId));
    }

    @Override
    public Kid addKid(Actor actor, long customerId, String name, Birthday birthday) {
        String n = cleanName(name);
        if (n == null || n.length() > 100) {
            throw Rejected.invalid("invalid-name", "A kid needs a name of at most 100 characters.");
        }
        if (birthday == null) {
            throw Rejected.invalid("missing-field", "A kid's birthday (day and month) is required.");
        }
        return context.transactions().inTransaction(tx -> {
            Ledger.lock(tx.sql(), customerId);
            long count = tx.sql().one("SELECT COUNT(*) FROM loyalty_kid WHERE customer_id = ?", rs -> rs.getLong(1),
                    customerId).orElse(0L);
            if (count >= 10) {
                throw Rejected.conflict("too-many-kids", "At most 10 kids per customer.");
            }
            long id = tx.sql().insert("INSERT INTO loyalty_kid (customer_id, name, birth_month, birth_day, birth_year, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?)", customerId, n, birthday.month(), birthday.day(),
                    birthday.year(), tx.now());
            Kid kid = new Kid(id, n, birthday);
            tx.audit(actor, "kid.add", "customer", String.valueOf(customerId), null, kid);
            return kid;
        });
    }

    @Override
    public void removeKid(Actor actor, long customerId, long kidId) {
        context.transactions().inTransaction(tx -> {
            int n = tx.sql().update("DELETE FROM loyalty_kid WHERE id = ? AND customer_id = ?", kidId, customerId);
            if (n == 0) {
                throw Rejected.notFound("unknown-kid", "No kid " + kidId + " for customer " + customerId);
            }
            tx.audit(actor, "kid.remove", "customer", String.valueOf(customerId), Map.of("kidId", kidId), null);
            return null;
        });
    }

    // ---- points ------------------------------------------------------------------------------

    @Override
    public PointsBalance balance(long customerId) {
        LoyaltyConfig config = config();
        return context.transactions().inTransaction(tx -> balance(tx, customerId, config));
    }

    private PointsBalance balance(Tx tx, long customerId, LoyaltyConfig config) {
        Instant by = tx.now().plus(java.time.Duration.ofDays(config.warningDays()));
        return tx.sql().one("SELECT c.wallet, c.pending, c.lifetime_earned, c.tier_code, "
                        + "(SELECT COALESCE(SUM(remaining), 0) FROM loyalty_lot l WHERE l.customer_id = c.id "
                        + "AND l.pending = FALSE AND l.remaining > 0 AND l.expires_at <= ?) AS expiring "
                        + "FROM loyalty_customer c WHERE c.id = ?",
                rs -> new PointsBalance(customerId, rs.getLong(1), rs.getLong(2), rs.getLong("expiring"), by,
                        rs.getLong(3), rs.getString(4)), by, customerId)
                .orElseThrow(() -> Rejected.notFound("unknown-customer", "No customer " + customerId));
    }

    @Override
    public List<LedgerLine> history(long customerId, int limit) {
        int n = limit <= 0 ? 50 : Math.min(limit, 1000);
        return context.transactions().inTransaction(tx -> {
            if (tx.sql().one("SELECT 1 FROM loyalty_customer WHERE id = ?", rs -> 1, customerId).isEmpty()) {
                throw Rejected.notFound("unknown-customer", "No customer " + customerId);
            }
            return tx.sql().query("SELECT id, created_at, kind, from_account, to_account, points, reason, cause "
                            + "FROM loyalty_transfer WHERE customer_id = ? ORDER BY id DESC LIMIT " + n,
                    rs -> line(rs.getLong(1), SqlRunner.instant(rs, "created_at"), MovementKind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)), customerId);
        });
    }

    /** A transfer as the customer sees it: signed by its effect on their points. */
    static LedgerLine line(long id, Instant at, MovementKind kind, String from, String to, long points, String reason,
                           String cause) {
        if (kind == MovementKind.RELEASE) {
            return new LedgerLine(id, at, kind, points, false, reason, cause); // pending became available
        }
        boolean in = to.equals("WALLET") || to.equals("PENDING");
        boolean pending = in ? to.equals("PENDING") : from.equals("PENDING");
        return new LedgerLine(id, at, kind, in ? points : -points, pending, reason, cause);
    }

    @Override
    public PointsChange adjust(Actor actor, long customerId, long points, String reason, String idempotencyKey) {
        if (points == 0 || points < -1_000_000 || points > 1_000_000) {
            throw Rejected.invalid("invalid-points", "Adjust by a whole number of points from -1000000 to 1000000, not 0.");
        }
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw Rejected.invalid("missing-reason", "Say why (at most 300 characters).");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw Rejected.invalid("missing-idempotency-key", "An idempotency key (at most 100 characters) is required.");
        }
        LoyaltyConfig config = config();
        if (actor.kind() == Actor.Kind.STAFF && actor.role() == Role.SUPPORT
                && (points > config.supportLimit() || points < -config.supportLimit())) {
            throw Rejected.conflict("adjust-limit", "Support staff may adjust by at most " + config.supportLimit()
                    + " points; ask a manager.");
        }
        String key = "adjust:" + idempotencyKey.trim();
        return context.transactions().inTransaction(tx -> {
            Ledger.lock(tx.sql(), customerId);
            Optional<long[]> earlier = tx.sql().one("SELECT id, customer_id, points, (to_account = 'WALLET'), "
                            + "(reason = ?) FROM loyalty_transfer WHERE idem_key = ?",
                    rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4) ? 1 : -1,
                            rs.getBoolean(5) ? 1 : 0}, reason.trim(), key);
            if (earlier.isPresent()) {
                long[] e = earlier.get();
                if (e[1] != customerId || e[2] * e[3] != points || e[4] == 0) {
                    throw Rejected.conflict("idempotency-conflict",
                            "This idempotency key was used for a different adjustment.");
                }
                return new PointsChange(e[0], points, balance(tx, customerId, config));
            }
            Instant now = tx.now();
            String cause = actor.label();
            Ledger.Applied applied = points > 0
                    ? Ledger.earn(tx.sql(), key, MovementKind.ADJUST, customerId, Ledger.Account.ADJUSTMENT, points,
                    false, now, expiry(now, config), null, reason.trim(), cause, now)
                    : Ledger.spend(tx.sql(), key, MovementKind.ADJUST, customerId, Ledger.Account.ADJUSTMENT, -points,
                    reason.trim(), cause, now);
            if (points > 0) {
                Ledger.settleOwed(tx.sql(), customerId, "transfer:" + applied.transferId(), now);
            }
            PointsAdjusted change = new PointsAdjusted(customerId, points, reason.trim());
            tx.publish(change, String.valueOf(customerId));
            tx.audit(actor, "points.adjust", "customer", String.valueOf(customerId), null, change);
            return new PointsChange(applied.transferId(), points, balance(tx, customerId, config));
        });
    }

    // ---- bills ---------------------------------------------------------------------------------

    @Override
    public BillResult postBill(Actor actor, Bill bill) {
        LoyaltyConfig config = config();
        BillCheck.Checked checked = BillCheck.check(bill, config, context.service(PhoneNumbers.class).orElseThrow(),
                knownStore(), context.clock().instant());
        return context.transactions().inTransaction(tx -> post(tx, actor, checked, config, "pos", false).result());
    }

    @Override
    public List<BillOutcome> postBills(Actor actor, List<Bill> bills, boolean historical) {
        LoyaltyConfig config = config();
        PhoneNumbers phones = context.service(PhoneNumbers.class).orElseThrow();
        java.util.function.Predicate<String> stores = knownStore();
        Instant checkedAt = context.clock().instant();
        BillOutcome[] outcomes = new BillOutcome[bills.size()];
        List<Integer> valid = new java.util.ArrayList<>();
        List<BillCheck.Checked> checked = new java.util.ArrayList<>();
        for (int i = 0; i < bills.size(); i++) {
            try {
                checked.add(BillCheck.check(bills.get(i), config, phones, stores, checkedAt));
                valid.add(i);
            } catch (Rejected r) {
                outcomes[i] = BillOutcome.refused(bills.get(i).billNumber(), r.code(), described(r));
            }
        }
        try { // the common case: every bill in one transaction
            List<Posted> posted = context.transactions().inTransaction(tx -> {
                List<Posted> all = new java.util.ArrayList<>(checked.size());
                for (BillCheck.Checked c : checked) {
                    all.add(post(tx, actor, c, config, "erp", historical));
                }
                return all;
            });
            for (int k = 0; k < posted.size(); k++) {
                outcomes[valid.get(k)] = posted.get(k).outcome();
            }
        } catch (Rejected oneRefused) { // one bill refused inside: one transaction each, so it takes no other along
            for (int k = 0; k < checked.size(); k++) {
                BillCheck.Checked c = checked.get(k);
                try {
                    outcomes[valid.get(k)] = context.transactions().inTransaction(tx ->
                            post(tx, actor, c, config, "erp", historical)).outcome();
                } catch (Rejected r) {
                    outcomes[valid.get(k)] = BillOutcome.refused(c.bill().billNumber(), r.code(), described(r));
                }
            }
        }
        return List.of(outcomes);
    }

    /** A refusal with its field errors, for a rejects list that has no form to show them beside. */
    private static String described(Rejected r) {
        StringBuilder b = new StringBuilder(r.getMessage());
        r.fieldErrors().forEach((field, problem) -> b.append(' ').append(field).append(": ").append(problem).append('.'));
        return b.toString();
    }

    /** A bill posted, or found posted before with the same content (a replay). */
    private record Posted(BillResult result, boolean duplicate) {
        BillOutcome outcome() {
            return duplicate ? BillOutcome.duplicate(result) : BillOutcome.posted(result);
        }
    }

    private Posted post(Tx tx, Actor actor, BillCheck.Checked checked, LoyaltyConfig config, String enrolSource,
                        boolean historical) {
        Bill b = checked.bill();
        {
            Instant now = tx.now();
            Ledger.Balances balances = Ledger.lockByMobile(tx.sql(), checked.mobile()).orElseGet(() -> {
                if (!config.enrollOnBill()) {
                    throw Rejected.notFound("unknown-customer", "No customer with mobile " + checked.mobile()
                            + " (enrol them first, or turn on enroll-on-bill).");
                }
                long created = insertCustomer(tx, actor, checked.mobile(), cleanName(b.customerName()), null,
                        config.language(), enrolSource, null, config, historical).orElseGet(() -> idByMobile(tx.sql(), checked.mobile()).orElseThrow());
                return Ledger.lock(tx.sql(), created);
            });
            long customerId = balances.customerId();
            // A replay of this bill names the same customer, so it waits on the row lock above and then
            // finds the bill here; a different bill under the same number is a conflict.
            Optional<BillResult> earlier = replay(tx, b.billNumber(), checked.hash());
            if (earlier.isPresent()) {
                return new Posted(earlier.get(), true);
            }
            CustomerStatus status = CustomerStatus.valueOf(balances.status());
            if (status == CustomerStatus.BLOCKED || status == CustomerStatus.ERASED) {
                throw Rejected.conflict("customer-blocked", "Customer " + customerId + " is "
                        + status.name().toLowerCase(Locale.ROOT) + " and earns nothing.");
            }
            EarningEngine.Outcome outcome = earn(tx, b, balances, config);
            if (b.couponCode() != null) {
                io.loyaltyhub.api.loyalty.CouponCheck coupon = Coupons.useOnBill(tx.sql(), b.couponCode(), b.amount(),
                        checked.mobile(), b.billNumber(), customerId, now);
                List<AppliedRule> applied = new java.util.ArrayList<>(outcome.applied());
                applied.add(new AppliedRule(0, "Coupon " + coupon.code(), coupon.valid()
                        ? "used, discount " + coupon.discount().toPlainString() : "not applied: " + coupon.reason()));
                outcome = new EarningEngine.Outcome(outcome.points(), applied, outcome.birthdayBonus());
            }
            long points = outcome.points();
            Instant availableAt = b.billedAt().toInstant().plus(config.pendingHold());
            boolean pending = points > 0 && availableAt.isAfter(now);
            Long lotId = null;
            tx.sql().update("UPDATE loyalty_customer SET lifetime_earned = lifetime_earned + ?, visits = visits + 1 "
                    + "WHERE id = ?", points, customerId);
            if (points > 0) {
                Ledger.Applied t = Ledger.earn(tx.sql(), "bill:" + b.billNumber(), MovementKind.EARN, customerId,
                        Ledger.Account.ISSUED, points, pending, pending ? availableAt : now, expiry(now, config),
                        b.billNumber(), "bill " + b.billNumber(), "bill:" + b.billNumber(), now);
                lotId = t.lotId();
                if (!pending) {
                    Ledger.settleOwed(tx.sql(), customerId, "bill:" + b.billNumber(), now);
                }
            }
            int inserted = tx.sql().update("INSERT IGNORE INTO loyalty_bill (bill_number, request_hash, customer_id, "
                            + "store_id, billed_at, amount, currency, points_earned, points_pending, lot_id, applied_rules, "
                            + "coupon_code, affiliate_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    b.billNumber(), checked.hash(), customerId, b.storeId(), b.billedAt().toInstant(), b.amount(),
                    b.currency(), points, pending ? points : 0, lotId, context.json().write(outcome.applied()),
                    b.couponCode(), b.affiliateCode(), now);
            if (inserted == 0) { // the same number posted for another customer at the same moment
                throw Rejected.conflict("bill-conflict", "Bill " + b.billNumber()
                        + " was already posted with different content.");
            }
            if (points > 0) { // after the bill row exists, so rolling qualification counts this bill
                Tiers.upgradeIfEarned(tx, config, customerId, balances.tier(), balances.lifetimeEarned() + points, now);
            }
            Badges.afterBill(tx, customerId, balances.visits() + 1);
            if (outcome.birthdayBonus()) {
                tx.sql().update("UPDATE loyalty_customer SET birthday_bonus_year = ? WHERE id = ?",
                        b.billedAt().atZoneSameInstant(config.zone()).getYear(), customerId);
            }
            BillResult result = new BillResult(b.billNumber(), customerId, points, pending ? points : 0,
                    outcome.applied(), false);
            long balance = tx.sql().one("SELECT wallet FROM loyalty_customer WHERE id = ?", rs -> rs.getLong(1),
                    customerId).orElse(0L);
            // lines: per-category commissions (affiliates plugin); balance: the notification
            tx.publish(new BillProcessed(b.billNumber(), customerId, checked.mobile(), b.amount(), b.currency(), points,
                    pending ? points : 0, b.billedAt().toInstant(), b.storeId(), b.couponCode(), b.affiliateCode(),
                    b.lines(), balance, historical), String.valueOf(customerId));
            return new Posted(result, false);
        }
    }

    private EarningEngine.Outcome earn(Tx tx, Bill b, Ledger.Balances customer, LoyaltyConfig config) {
        ZonedDateTime at = b.billedAt().atZoneSameInstant(config.zone());
        List<RuleDef> rules = Rules.current(tx.sql(), context.json());
        long earnedToday = 0;
        if (rules.stream().anyMatch(r -> r.type() == RuleDef.Type.DAILY_CAP && r.active())) {
            Instant dayStart = at.toLocalDate().atStartOfDay(config.zone()).toInstant();
            Instant dayEnd = at.toLocalDate().plusDays(1).atStartOfDay(config.zone()).toInstant();
            earnedToday = tx.sql().one("SELECT COALESCE(SUM(points_earned), 0) FROM loyalty_bill WHERE customer_id = ? "
                            + "AND billed_at >= ? AND billed_at < ? AND reversed_at IS NULL AND bill_number <> ?",
                    rs -> rs.getLong(1), customer.customerId(), dayStart, dayEnd, b.billNumber()).orElse(0L);
        }
        boolean first = customer.visits() == 0;
        boolean birthday = isBirthday(customer.birthMonth(), customer.birthDay(), at.toLocalDate())
                && !Integer.valueOf(at.getYear()).equals(customer.birthdayBonusYear()); // once a year
        Tiers.Tier tier = customer.tier() == null ? Tiers.lowest(tx) : Tiers.byCode(tx, customer.tier())
                .orElseGet(() -> Tiers.lowest(tx));
        return EarningEngine.evaluate(rules, new EarningEngine.Input(b.amount(), b.lines(), at, tier.code(),
                tier.multiplier(), earnedToday, first, birthday));
    }

    /** Born on 29 February: the birthday is 28 February in other years. */
    static boolean isBirthday(Integer month, Integer day, LocalDate date) {
        if (month == null || day == null) {
            return false;
        }
        MonthDay birthday = MonthDay.of(month, day);
        if (birthday.equals(MonthDay.of(2, 29)) && !date.isLeapYear()) {
            birthday = MonthDay.of(2, 28);
        }
        return birthday.equals(MonthDay.from(date));
    }

    private Optional<BillResult> replay(Tx tx, String billNumber, String hash) {
        return tx.sql().one("SELECT request_hash, customer_id, points_earned, points_pending, applied_rules, reversed_at "
                        + "FROM loyalty_bill WHERE bill_number = ?", rs -> {
                    if (!rs.getString(1).equals(hash)) {
                        throw Rejected.conflict("bill-conflict", "Bill " + billNumber
                                + " was already posted with different content.");
                    }
                    return new BillResult(billNumber, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rules(rs.getString(5)), rs.getObject(6) != null);
                }, billNumber);
    }

    private List<AppliedRule> rules(String json) {
        return json == null ? List.of() : Arrays.asList(context.json().read(json, AppliedRule[].class));
    }

    @Override
    public BillResult reverseBill(Actor actor, String billNumber, String reason) {
        String why = reason == null || reason.isBlank() ? "bill reversed" : reason.trim();
        if (why.length() > 300) {
            throw Rejected.invalid("invalid-reason", "A reason has at most 300 characters.");
        }
        return context.transactions().inTransaction(tx -> {
            record Row(long customerId, long earned, Long lotId, boolean reversed, String rules) {
            }
            long owner = tx.sql().one("SELECT customer_id FROM loyalty_bill WHERE bill_number = ?", rs -> rs.getLong(1),
                    billNumber).orElseThrow(() -> Rejected.notFound("unknown-bill", "No bill " + billNumber));
            Ledger.lock(tx.sql(), owner); // the customer first, like every movement of their points
            Row bill = tx.sql().one("SELECT customer_id, points_earned, lot_id, reversed_at, applied_rules "
                            + "FROM loyalty_bill WHERE bill_number = ? FOR UPDATE",
                    rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getObject(4) != null,
                            rs.getString(5)), billNumber)
                    .orElseThrow(() -> Rejected.notFound("unknown-bill", "No bill " + billNumber));
            BillResult result = new BillResult(billNumber, bill.customerId(), bill.earned(), 0, rules(bill.rules()), true);
            if (bill.reversed()) {
                return result; // reversing twice is reversing once
            }
            Instant now = tx.now();
            long taken = 0;
            if (bill.earned() > 0 && bill.lotId() != null) {
                Ledger.Balances b = Ledger.lock(tx.sql(), bill.customerId());
                record Lot(long points, long remaining, long expired, boolean pending) {
                }
                Lot lot = tx.sql().one("SELECT points, remaining, expired, pending FROM loyalty_lot WHERE id = ? FOR UPDATE",
                        rs -> new Lot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)), bill.lotId()).orElseThrow();
                String key = "reverse:bill:" + billNumber;
                if (lot.pending()) {
                    if (lot.remaining() > 0) {
                        Ledger.transfer(tx.sql(), key, MovementKind.REVERSE, bill.customerId(), Ledger.Account.PENDING,
                                Ledger.Account.ISSUED, lot.remaining(), why, "bill:" + billNumber, now);
                        tx.sql().update("UPDATE loyalty_lot SET remaining = 0 WHERE id = ?", bill.lotId());
                    }
                    taken = lot.remaining();
                } else {
                    long spent = lot.points() - lot.remaining() - lot.expired();
                    long fromOthers = Math.min(spent, b.wallet() - lot.remaining());
                    taken = lot.remaining() + fromOthers;
                    if (taken > 0) {
                        Ledger.transfer(tx.sql(), key, MovementKind.REVERSE, bill.customerId(), Ledger.Account.WALLET,
                                Ledger.Account.ISSUED, taken, why, "bill:" + billNumber, now);
                        Ledger.consumeLots(tx.sql(), bill.customerId(), taken, billNumber);
                    }
                    long owed = spent - fromOthers;
                    if (owed > 0) {
                        tx.sql().update("UPDATE loyalty_customer SET owed = owed + ? WHERE id = ?", owed, bill.customerId());
                    }
                }
                tx.sql().update("UPDATE loyalty_customer SET lifetime_earned = GREATEST(0, lifetime_earned - ?) "
                        + "WHERE id = ?", bill.earned(), bill.customerId());
            }
            tx.sql().update("UPDATE loyalty_bill SET reversed_at = ?, reversal_reason = ? WHERE bill_number = ?",
                    now, why, billNumber);
            tx.sql().update("UPDATE loyalty_customer SET visits = GREATEST(0, visits - 1) WHERE id = ?", bill.customerId());
            for (String code : tx.sql().query("SELECT code FROM loyalty_coupon_use WHERE bill_number = ? FOR UPDATE",
                    rs -> rs.getString(1), billNumber)) { // a returned purchase gives its promo code use back
                tx.sql().update("DELETE FROM loyalty_coupon_use WHERE code = ? AND bill_number = ?", code, billNumber);
                tx.sql().update("UPDATE loyalty_coupon SET uses = GREATEST(0, uses - 1) WHERE code = ?", code);
            }
            BillReversed event = new BillReversed(billNumber, bill.customerId(), bill.earned(), taken, why);
            tx.publish(event, String.valueOf(bill.customerId()));
            tx.audit(actor, "bill.reverse", "bill", billNumber, null, event);
            return result;
        });
    }

    /** Whether a bill's store is one the retailer set up (any, when no plugin keeps stores). */
    private java.util.function.Predicate<String> knownStore() {
        return context.service(io.loyaltyhub.api.store.StoreDirectory.class)
                .<java.util.function.Predicate<String>>map(d -> code -> d.find(code).isPresent()).orElse(code -> true);
    }

    @Override
    public BillResult preview(Bill bill) {
        LoyaltyConfig config = config();
        BillCheck.Checked checked = BillCheck.check(bill, config, context.service(PhoneNumbers.class).orElseThrow(),
                knownStore(), context.clock().instant());
        Bill b = checked.bill();
        return context.transactions().inTransaction(tx -> {
            Ledger.Balances customer = tx.sql().one(Ledger.LOCK_COLUMNS + "WHERE mobile = ?", Ledger::balances,
                    checked.mobile()).orElseGet(() -> new Ledger.Balances(0, 0, 0, 0, 0, null, "ACTIVE", null, null, 0, null));
            EarningEngine.Outcome outcome = earn(tx, b, customer, config);
            boolean pending = b.billedAt().toInstant().plus(config.pendingHold()).isAfter(tx.now());
            return new BillResult(b.billNumber(), customer.customerId(), outcome.points(), pending ? outcome.points() : 0,
                    outcome.applied(), false);
        });
    }

    // ---- tiers, rules, badges, leaderboard -------------------------------------------------------

    @Override
    public List<io.loyaltyhub.api.loyalty.TierInfo> tiers() {
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT code, name, tier_rank, threshold, "
                + "multiplier, benefits FROM loyalty_tier ORDER BY tier_rank", rs -> new io.loyaltyhub.api.loyalty.TierInfo(
                rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getBigDecimal(5), rs.getString(6))));
    }

    @Override
    public List<io.loyaltyhub.api.loyalty.TierChange> tierHistory(long customerId) {
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT from_tier, to_tier, reason, changed_at "
                        + "FROM loyalty_tier_change WHERE customer_id = ? ORDER BY id",
                rs -> new io.loyaltyhub.api.loyalty.TierChange(rs.getString(1), rs.getString(2), rs.getString(3),
                        SqlRunner.instant(rs, "changed_at")), customerId));
    }

    @Override
    public List<io.loyaltyhub.api.loyalty.EarningRule> rules() {
        return context.transactions().inTransaction(tx -> Rules.current(tx.sql(), context.json()).stream()
                .map(r -> new io.loyaltyhub.api.loyalty.EarningRule(r.id(), r.name(), r.type().name(), r.active(),
                        r.params(), r.validFrom(), r.validTo())).toList());
    }

    @Override
    public io.loyaltyhub.api.loyalty.EarningRule saveRule(Actor actor, io.loyaltyhub.api.loyalty.EarningRule rule) {
        RuleDef checked = Rules.check(rule);
        Rules.changed();
        return context.transactions().inTransaction(tx -> {
            Instant now = tx.now();
            String params = context.json().write(checked.params());
            long id;
            Object before = null;
            if (rule.id() == null) {
                id = tx.sql().insert("INSERT INTO loyalty_rule (name, rule_type, active, params, valid_from, valid_to, "
                                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", checked.name(), checked.type(), checked.active(),
                        params, checked.validFrom(), checked.validTo(), now);
            } else {
                id = rule.id();
                before = tx.sql().one("SELECT name, rule_type, active, params FROM loyalty_rule WHERE id = ? FOR UPDATE",
                        rs -> Map.of("name", rs.getString(1), "type", rs.getString(2), "active", rs.getBoolean(3),
                                "params", rs.getString(4)), id)
                        .orElseThrow(() -> Rejected.notFound("unknown-rule", "No rule " + rule.id()));
                tx.sql().update("UPDATE loyalty_rule SET name = ?, rule_type = ?, active = ?, params = ?, valid_from = ?, "
                                + "valid_to = ?, updated_at = ? WHERE id = ?", checked.name(), checked.type(), checked.active(),
                        params, checked.validFrom(), checked.validTo(), now, id);
            }
            io.loyaltyhub.api.loyalty.EarningRule saved = new io.loyaltyhub.api.loyalty.EarningRule(id, checked.name(),
                    checked.type().name(), checked.active(), checked.params(), checked.validFrom(), checked.validTo());
            tx.audit(actor, rule.id() == null ? "rule.create" : "rule.update", "earning-rule", String.valueOf(id), before, saved);
            Rules.changed(); // once more after the write, so no reader caches the old rules past the commit
            return saved;
        });
    }

    @Override
    public List<io.loyaltyhub.api.loyalty.Badge> badges(long customerId) {
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT code, unlocked_at FROM loyalty_badge "
                        + "WHERE customer_id = ? ORDER BY unlocked_at, code",
                rs -> new io.loyaltyhub.api.loyalty.Badge(rs.getString(1), Badges.name(rs.getString(1)),
                        SqlRunner.instant(rs, "unlocked_at")), customerId));
    }

    @Override
    public List<io.loyaltyhub.api.loyalty.LeaderboardEntry> leaderboard(java.time.YearMonth month, int limit) {
        LoyaltyConfig config = config();
        int n = limit <= 0 ? 10 : Math.min(limit, 500);
        Instant from = month.atDay(1).atStartOfDay(config.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(config.zone()).toInstant();
        return context.transactions().inTransaction(tx -> {
            List<io.loyaltyhub.api.loyalty.LeaderboardEntry> out = new java.util.ArrayList<>();
            for (Object[] row : tx.sql().query("SELECT b.customer_id, c.name, c.mobile, SUM(b.points_earned) AS points "
                            + "FROM loyalty_bill b JOIN loyalty_customer c ON c.id = b.customer_id WHERE b.billed_at >= ? "
                            + "AND b.billed_at < ? AND b.reversed_at IS NULL GROUP BY b.customer_id, c.name, c.mobile "
                            + "HAVING points > 0 ORDER BY points DESC, b.customer_id LIMIT " + n,
                    rs -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)}, from, to)) {
                String mobile = (String) row[2];
                String masked = mobile.substring(0, Math.min(3, mobile.length())) + "*****"
                        + mobile.substring(Math.max(0, mobile.length() - 4));
                out.add(new io.loyaltyhub.api.loyalty.LeaderboardEntry(out.size() + 1, (Long) row[0], (String) row[1],
                        masked, (Long) row[3]));
            }
            return out;
        });
    }

    @Override
    public int releaseDuePoints() {
        return new ReleasePendingJob(context).releaseDue();
    }

    @Override
    public int reviewTiers() {
        return new TierReviewJob(context).review();
    }

    @Override
    public long expireDuePoints() {
        return new ExpiryJob(context).runNow();
    }

    /** When points earned now expire: N months later in the store's zone, or never. */
    static Instant expiry(Instant earned, LoyaltyConfig config) {
        if (config.expiryMonths() <= 0) {
            return null;
        }
        LocalDate day = ZonedDateTime.ofInstant(earned, config.zone()).toLocalDate().plusMonths(config.expiryMonths());
        return day.plusDays(1).atStartOfDay(config.zone()).toInstant(); // valid through that whole day
    }
}
