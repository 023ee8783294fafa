package io.loyaltyhub.api.loyalty;

import io.loyaltyhub.api.common.Rejected;

import io.loyaltyhub.api.plugin.PluginService;
import io.loyaltyhub.api.platform.Actor;

import java.util.List;
import java.util.Optional;

/**
 * Customers and their points. Every call that moves points takes an idempotency key: the same key
 * again returns the first result and changes nothing. Refusals are {@link Rejected}.
 */
public interface LoyaltyService extends PluginService {

    /** Joins a customer, or returns the existing one with that mobile number. */
    Customer join(Actor actor, NewCustomer customer);

    Optional<Customer> find(long customerId);

    Optional<Customer> findByMobile(String mobile);

    /** By mobile (any format), name (part), or tier code; newest first. */
    List<Customer> search(String text, String tier, int limit);

    Customer update(Actor actor, long customerId, CustomerChanges changes);

    /**
     * Erases a customer's personal data (mobile, name, birthday, kids, consent) on request. The ledger
     * stays, so the accounts still balance; the customer can no longer earn or redeem.
     */
    void erase(Actor actor, long customerId, String reason);

    /**
     * Records that the customer gave ({@code consent} true: status ACTIVE, consentAt/consentSource set to
     * now and {@code source}) or withdrew (false: status OPTED_OUT, no more messages; they still earn,
     * redeem and may use the chat) consent to be messaged. A call that changes nothing records nothing.
     * A blocked customer's consent is recorded but they stay blocked; an erased one is refused.
     */
    Customer setConsent(Actor actor, long customerId, boolean consent, String source);

    /** Every consent change of the customer, oldest first. */
    /**
     * Records the customer's opt-in to marketing messages (or its withdrawal), with time and source, and publishes
     * {@link io.loyaltyhub.api.loyalty.event.MarketingConsentChanged}. Unchanged: nothing is recorded.
     */
    Customer setMarketingConsent(Actor actor, long customerId, boolean marketing, String source);

    List<ConsentChange> consentHistory(long customerId);

    /**
     * The customer's personal referral code (refer a friend), made on first use: six characters
     * without look-alikes (no 0/O, 1/I/L). A friend who joins with it ({@link NewCustomer#referralCode()})
     * is linked as referred by this customer ({@code loyalty.customer-referred}).
     */
    String referralCode(long customerId);

    Kid addKid(Actor actor, long customerId, String name, Birthday birthday);

    void removeKid(Actor actor, long customerId, long kidId);

    PointsBalance balance(long customerId);

    /** Newest first. */
    List<LedgerLine> history(long customerId, int limit);

    /** Positive awards, negative deducts (never below zero). */
    PointsChange adjust(Actor actor, long customerId, long points, String reason, String idempotencyKey);

    /** Earns points for a bill (its number is the idempotency key). */
    BillResult postBill(Actor actor, Bill bill);

    /**
     * Posts a batch of bills (an ERP connector's) in as few transactions as it can, each exactly as {@link #postBill}
     * would: the same checks, idempotent by bill number. A refused bill takes no other bill with it. Customers a
     * bill enrols get consent source {@code erp}.
     *
     * @param historical past bills (a backfill): posted and counted, but nobody is messaged about them
     * @return one outcome per bill, in order
     */
    java.util.List<BillOutcome> postBills(Actor actor, java.util.List<Bill> bills, boolean historical);

    /**
     * A customer from the ERP's customer master. Someone not yet a member is enrolled (consent source {@code erp}) only
     * when the programme enrols on a bill (the same setting); a member's missing name or birthday is filled in, never
     * overwritten.
     *
     * @return the customer, or empty when not a member and not enrolled
     */
    Optional<Customer> syncCustomer(Actor actor, NewCustomer customer);

    /** Reverses exactly what the bill earned. Twice is the same as once. */
    BillResult reverseBill(Actor actor, String billNumber, String reason);

    /** What the bill would earn now, without writing anything. */
    BillResult preview(Bill bill);

    List<TierInfo> tiers();

    /** Oldest first. */
    List<TierChange> tierHistory(long customerId);

    List<EarningRule> rules();

    /** Creates or changes a rule; its params are checked for its type. */
    EarningRule saveRule(Actor actor, EarningRule rule);

    List<Badge> badges(long customerId);

    /** Customers by points earned in the month (in the store's zone), most first. */
    List<LeaderboardEntry> leaderboard(java.time.YearMonth month, int limit);

    /** Does now what the release job does: pending points whose hold ended become available. Returns lots released. */
    int releaseDuePoints();

    /** Does now what the daily expiry job does (expire, warn of what expires soon, expire vouchers); returns the points expired. */
    long expireDuePoints();

    /** Does now what the daily tier review does; returns how many customers moved down. */
    int reviewTiers();
}
