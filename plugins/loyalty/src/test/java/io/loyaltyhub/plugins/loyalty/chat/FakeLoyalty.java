package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.loyalty.Badge;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillResult;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.ConsentChange;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerChanges;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.loyalty.EarningRule;
import io.loyaltyhub.api.loyalty.Kid;
import io.loyaltyhub.api.loyalty.LeaderboardEntry;
import io.loyaltyhub.api.loyalty.LedgerLine;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.NewCustomer;
import io.loyaltyhub.api.loyalty.PointsBalance;
import io.loyaltyhub.api.loyalty.PointsChange;
import io.loyaltyhub.api.loyalty.TierChange;
import io.loyaltyhub.api.loyalty.TierInfo;
import io.loyaltyhub.api.platform.Actor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory LoyaltyService with just what the chat uses; it records the calls that change things. */
class FakeLoyalty implements LoyaltyService {
    static final class Member {
        long id;
        String mobile;
        String name;
        Birthday birthday;
        String language;
        CustomerStatus status = CustomerStatus.ACTIVE;
        String tier = "SILVER";
        long available = 100;
        long pending;
        long expiringSoon;
        Instant expiringBy;
        long lifetime = 100;
        final List<Kid> kids = new ArrayList<>();
        final List<LedgerLine> history = new ArrayList<>();
        final List<ConsentChange> consents = new ArrayList<>();
        Instant marketingAt;

        Customer customer() {
            return new Customer(id, mobile, name, birthday, language, status, tier, null, "whatsapp", null, List.copyOf(kids),
                    marketingAt);
        }
    }

    final Map<Long, Member> members = new LinkedHashMap<>();
    final List<NewCustomer> joins = new ArrayList<>();
    final List<Actor> actors = new ArrayList<>();
    private long nextId = 1;
    private long nextKid = 100;

    Member add(String mobile, String name, String language) {
        Member m = new Member();
        m.id = nextId++;
        m.mobile = mobile;
        m.name = name;
        m.language = language;
        members.put(m.id, m);
        return m;
    }

    Member byMobile(String mobile) {
        return members.values().stream().filter(m -> m.mobile.equals(mobile)).findFirst().orElseThrow();
    }

    private Member member(long id) {
        Member m = members.get(id);
        if (m == null) {
            throw Rejected.notFound("unknown-customer", "No customer " + id);
        }
        return m;
    }

    @Override
    public Customer join(Actor actor, NewCustomer n) {
        actors.add(actor);
        joins.add(n);
        Member m = add(n.mobile(), n.name(), n.language());
        m.birthday = n.birthday();
        m.consents.add(new ConsentChange(true, n.consentSource(), Instant.now(), ConsentChange.MESSAGES));
        return m.customer();
    }

    @Override
    public Optional<Customer> find(long customerId) {
        return Optional.ofNullable(members.get(customerId)).map(Member::customer);
    }

    @Override
    public Optional<Customer> findByMobile(String mobile) {
        return members.values().stream().filter(m -> m.mobile.equals(mobile)).findFirst().map(Member::customer);
    }

    @Override
    public Customer update(Actor actor, long customerId, CustomerChanges changes) {
        actors.add(actor);
        Member m = member(customerId);
        if (changes.language() != null) {
            m.language = changes.language();
        }
        if (changes.name() != null) {
            m.name = changes.name();
        }
        if (changes.status() != null) {
            m.status = changes.status();
        }
        return m.customer();
    }

    @Override
    public Customer setConsent(Actor actor, long customerId, boolean consent, String source) {
        actors.add(actor);
        Member m = member(customerId);
        if (m.status != CustomerStatus.BLOCKED) {
            m.status = consent ? CustomerStatus.ACTIVE : CustomerStatus.OPTED_OUT;
        }
        m.consents.add(new ConsentChange(consent, source, Instant.now(), ConsentChange.MESSAGES));
        return m.customer();
    }

    @Override
    public Customer setMarketingConsent(Actor actor, long customerId, boolean marketing, String source) {
        actors.add(actor);
        Member m = member(customerId);
        m.marketingAt = marketing ? Instant.now() : null;
        m.consents.add(new ConsentChange(marketing, source, Instant.now(), ConsentChange.MARKETING));
        return m.customer();
    }

    @Override
    public List<ConsentChange> consentHistory(long customerId) {
        return List.copyOf(member(customerId).consents);
    }

    @Override
    public String referralCode(long customerId) {
        member(customerId);
        return "AB3CD" + (customerId % 10 == 0 ? 2 : customerId % 10);
    }

    @Override
    public Kid addKid(Actor actor, long customerId, String name, Birthday birthday) {
        actors.add(actor);
        Member m = member(customerId);
        if (m.kids.size() >= 10) {
            throw Rejected.conflict("too-many-kids", "At most 10 kids per customer.");
        }
        Kid k = new Kid(nextKid++, name, birthday);
        m.kids.add(k);
        return k;
    }

    @Override
    public void removeKid(Actor actor, long customerId, long kidId) {
        actors.add(actor);
        if (!member(customerId).kids.removeIf(k -> k.id() == kidId)) {
            throw Rejected.notFound("unknown-kid", "No kid " + kidId);
        }
    }

    @Override
    public PointsBalance balance(long customerId) {
        Member m = member(customerId);
        return new PointsBalance(customerId, m.available, m.pending, m.expiringSoon, m.expiringBy, m.lifetime, m.tier);
    }

    @Override
    public List<LedgerLine> history(long customerId, int limit) {
        return member(customerId).history.stream().limit(limit).toList();
    }

    @Override
    public List<TierInfo> tiers() {
        return List.of(new TierInfo("SILVER", "Silver", 1, 0, BigDecimal.ONE, ""),
                new TierInfo("GOLD", "Gold", 2, 5000, new BigDecimal("1.25"), ""),
                new TierInfo("PLATINUM", "Platinum", 3, 20000, new BigDecimal("1.5"), ""));
    }

    // ---- not used by the chat ----

    @Override
    public List<Customer> search(String text, String tier, int limit) {
        throw new AssertionError("search is not used by the code under test");
    }

    @Override
    public void erase(Actor actor, long customerId, String reason) {
        throw new AssertionError("erase is not used by the code under test");
    }

    @Override
    public PointsChange adjust(Actor actor, long customerId, long points, String reason, String idempotencyKey) {
        throw new AssertionError("adjust is not used by the code under test");
    }

    @Override
    public BillResult postBill(Actor actor, Bill bill) {
        throw new AssertionError("postBill is not used by the code under test");
    }

    @Override
    public Optional<Customer> syncCustomer(Actor actor, NewCustomer customer) {
        throw new AssertionError("syncCustomer is not used by the code under test");
    }

    @Override
    public List<io.loyaltyhub.api.loyalty.BillOutcome> postBills(Actor actor, List<Bill> bills, boolean historical) {
        throw new AssertionError("postBills is not used by the code under test");
    }

    @Override
    public BillResult reverseBill(Actor actor, String billNumber, String reason) {
        throw new AssertionError("reverseBill is not used by the code under test");
    }

    @Override
    public BillResult preview(Bill bill) {
        throw new AssertionError("preview is not used by the code under test");
    }

    @Override
    public List<TierChange> tierHistory(long customerId) {
        throw new AssertionError("tierHistory is not used by the code under test");
    }

    @Override
    public List<EarningRule> rules() {
        throw new AssertionError("rules is not used by the code under test");
    }

    @Override
    public EarningRule saveRule(Actor actor, EarningRule rule) {
        throw new AssertionError("saveRule is not used by the code under test");
    }

    @Override
    public List<Badge> badges(long customerId) {
        throw new AssertionError("badges is not used by the code under test");
    }

    @Override
    public List<LeaderboardEntry> leaderboard(YearMonth month, int limit) {
        throw new AssertionError("leaderboard is not used by the code under test");
    }

    @Override
    public int releaseDuePoints() {
        throw new AssertionError("releaseDuePoints is not used by the code under test");
    }

    @Override
    public long expireDuePoints() {
        throw new AssertionError("expireDuePoints is not used by the code under test");
    }

    @Override
    public int reviewTiers() {
        throw new AssertionError("reviewTiers is not used by the code under test");
    }
}
