package io.loyaltyhub.plugins.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a notification answers: one trigger per kind of event worth telling someone about. Each names who gets it
 * (customers on WhatsApp, affiliates on Telegram), the variables its templates may use, the WhatsApp category its
 * template has by default, and whether it may wait out the quiet hours (what answers something the customer just did
 * at the counter goes at once).
 */
public enum Trigger {
    WELCOME("welcome", "Welcome", Audience.CUSTOMER, Category.UTILITY, false, "bonus"),
    POINTS_EARNED("points-earned", "Points earned on a bill", Audience.CUSTOMER, Category.UTILITY, false,
            "points", "pending", "balance", "billNumber", "amount"),
    POINTS_EXPIRING("points-expiring", "Points expiring", Audience.CUSTOMER, Category.UTILITY, true,
            "points", "expiresOn", "balance"),
    POINTS_EXPIRED("points-expired", "Points expired", Audience.CUSTOMER, Category.UTILITY, true, "points", "balance"),
    TIER_UPGRADED("tier-upgraded", "Tier upgraded", Audience.CUSTOMER, Category.UTILITY, false, "tier", "previousTier"),
    REWARD_REDEEMED("reward-redeemed", "Reward redeemed", Audience.CUSTOMER, Category.UTILITY, false,
            "reward", "points", "voucherCode", "expiresOn"),
    VOUCHER_EXPIRING("voucher-expiring", "Voucher expiring", Audience.CUSTOMER, Category.UTILITY, true,
            "reward", "voucherCode", "expiresOn"),
    REWARD_IN_REACH("reward-in-reach", "Reward within reach", Audience.CUSTOMER, Category.MARKETING, true,
            "reward", "cost", "balance"),
    FRIEND_JOINED("friend-joined", "A friend joined with your code", Audience.CUSTOMER, Category.UTILITY, true,
            "friend"),
    AFFILIATE_APPROVED("affiliate-approved", "Affiliate approved", Audience.AFFILIATE, Category.UTILITY, false, "code"),
    AFFILIATE_REJECTED("affiliate-rejected", "Affiliate rejected", Audience.AFFILIATE, Category.UTILITY, false, "reason"),
    AFFILIATE_SUSPENDED("affiliate-suspended", "Affiliate suspended", Audience.AFFILIATE, Category.UTILITY, false,
            "reason"),
    COMMISSION_APPROVED("commission-approved", "Commission approved", Audience.AFFILIATE, Category.UTILITY, false,
            "amount", "billNumber"),
    PAYOUT_PAID("payout-paid", "Payout paid", Audience.AFFILIATE, Category.UTILITY, false,
            "amount", "method", "reference");

    /** Who a trigger's messages go to, and on which channel. */
    public enum Audience {
        CUSTOMER("whatsapp"), AFFILIATE("telegram");

        public final String channel;

        Audience(String channel) {
            this.channel = channel;
        }
    }

    /** WhatsApp's template categories that matter here: marketing needs the marketing opt-in and counts to the cap. */
    public enum Category { UTILITY, MARKETING }

    public final String id;
    public final String label;
    public final Audience audience;
    public final Category defaultCategory;
    public final boolean canWait;
    private final List<String> variables;

    Trigger(String id, String label, Audience audience, Category defaultCategory, boolean canWait, String... own) {
        this.id = id;
        this.label = label;
        this.audience = audience;
        this.defaultCategory = defaultCategory;
        this.canWait = canWait;
        String[] all = new String[own.length + 1];
        all[0] = "name"; // every message may greet its reader
        System.arraycopy(own, 0, all, 1, own.length);
        this.variables = List.of(all);
    }

    /** The variables a template of this trigger may use, {@code name} first. */
    public List<String> variables() {
        return variables;
    }

    public String channel() {
        return audience.channel;
    }

    /** The setting that switches it on and off. */
    public String settingKey() {
        return "trigger." + id;
    }

    public static Optional<Trigger> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
