package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Daily: customers whose tier is due for review (tier-window months after they reached it or were
 * last reviewed) keep it if they still qualify, else move down to the tier they qualify for.
 * Upgrades never wait for this: they happen with the bill that earns them.
 */
@Extension
public class TierReviewJob implements ScheduledJob {
    private final PluginContext context;

    public TierReviewJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "loyalty.tier-review";
    }

    @Override
    public Schedule schedule() {
        return Schedule.dailyAt(LocalTime.of(3, 0), LoyaltyConfig.from(context.settings()).zone());
    }

    @Override
    public void run(JobRun run) {
        review();
    }

    /** Returns how many customers moved down. */
    int review() {
        LoyaltyConfig config = LoyaltyConfig.from(context.settings());
        Instant due = ZonedDateTime.ofInstant(context.clock().instant(), config.zone())
                .minusMonths(config.tierWindowMonths()).toInstant();
        List<Long> customers = context.transactions().inTransaction(tx -> tx.sql().query(
                "SELECT id FROM loyalty_customer WHERE tier_since <= ? ORDER BY id", rs -> rs.getLong(1), due));
        int moved = 0;
        for (long id : customers) {
            moved += context.transactions().inTransaction(tx -> {
                Ledger.Balances b = Ledger.lock(tx.sql(), id);
                Instant now = tx.now();
                long q = Tiers.qualifying(tx, config, id, b.lifetimeEarned(), now);
                Tiers.Tier target = Tiers.reached(tx, q).orElseGet(() -> Tiers.lowest(tx));
                int currentRank = b.tier() == null ? 0 : Tiers.byCode(tx, b.tier()).map(Tiers.Tier::rank).orElse(0);
                if (target.rank() < currentRank) {
                    Tiers.change(tx, id, b.tier(), target.code(), "review: " + q + " qualifying points", false, now);
                    return 1;
                }
                tx.sql().update("UPDATE loyalty_customer SET tier_since = ? WHERE id = ?", now, id); // next review in a window
                return 0;
            });
        }
        return moved;
    }
}
