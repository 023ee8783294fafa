package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.event.TierChanged;
import io.loyaltyhub.api.data.Tx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/** Tier qualification: upgrades happen at once; downgrades only at the review date. */
final class Tiers {

    private Tiers() {
    }

    record Tier(String code, String name, int rank, long threshold, BigDecimal multiplier) {
    }

    private static volatile java.util.List<Tier> cached;
    private static volatile long loadedAt;

    /** All tiers by rank, cached for ten seconds (tiers change rarely). */
    static java.util.List<Tier> all(Tx tx) {
        java.util.List<Tier> c = cached;
        if (c != null && System.nanoTime() - loadedAt < 10_000_000_000L) {
            return c;
        }
        java.util.List<Tier> fresh = tx.sql().query("SELECT code, name, tier_rank, threshold, multiplier FROM loyalty_tier "
                + "ORDER BY tier_rank", rs -> new Tier(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                rs.getBigDecimal(5)));
        cached = fresh;
        loadedAt = System.nanoTime();
        return fresh;
    }

    static Tier lowest(Tx tx) {
        return all(tx).stream().findFirst().orElseThrow(() -> new IllegalStateException("no tiers defined"));
    }

    static Optional<Tier> byCode(Tx tx, String code) {
        return all(tx).stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The highest tier the points reach. */
    static Optional<Tier> reached(Tx tx, long points) {
        return all(tx).stream().filter(t -> t.threshold() <= points).reduce((a, b) -> b.rank() > a.rank() ? b : a);
    }

    /** Points that count for tiers: lifetime earned, or earned by bills in the rolling window. */
    static long qualifying(Tx tx, LoyaltyConfig config, long customerId, long lifetimeEarned, Instant now) {
        if (!config.rollingTiers()) {
            return lifetimeEarned;
        }
        Instant since = ZonedDateTime.ofInstant(now, config.zone()).minusMonths(config.tierWindowMonths()).toInstant();
        return tx.sql().one("SELECT COALESCE(SUM(points_earned), 0) FROM loyalty_bill WHERE customer_id = ? "
                + "AND billed_at >= ? AND reversed_at IS NULL", rs -> rs.getLong(1), customerId, since).orElse(0L);
    }

    /** Moves the customer up at once if the qualifying points reach a higher tier. */
    static void upgradeIfEarned(Tx tx, LoyaltyConfig config, long customerId, String currentCode, long lifetimeEarned,
                                Instant now) {
        long q = qualifying(tx, config, customerId, lifetimeEarned, now);
        Optional<Tier> target = reached(tx, q);
        int currentRank = currentCode == null ? 0 : byCode(tx, currentCode).map(Tier::rank).orElse(0);
        if (target.isPresent() && target.get().rank() > currentRank) {
            change(tx, customerId, currentCode, target.get().code(), "qualified with " + q + " points",
                    currentCode != null, now);
        }
    }

    static void change(Tx tx, long customerId, String from, String to, String reason, boolean upgrade, Instant now) {
        tx.sql().update("UPDATE loyalty_customer SET tier_code = ?, tier_since = ?, updated_at = ? WHERE id = ?",
                to, now, now, customerId);
        tx.sql().update("INSERT INTO loyalty_tier_change (customer_id, from_tier, to_tier, reason, changed_at) "
                + "VALUES (?, ?, ?, ?, ?)", customerId, from, to, reason, now);
        tx.publish(new TierChanged(customerId, from, to, reason, upgrade), String.valueOf(customerId));
        Badges.unlock(tx, customerId, "TIER_" + to);
    }
}
