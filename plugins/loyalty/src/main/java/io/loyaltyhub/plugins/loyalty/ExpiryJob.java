package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.event.PointsExpiring;
import io.loyaltyhub.api.loyalty.event.PointsExpired;
import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Daily: expires what is left of lots past their expiry (events {@code loyalty.points-expired}),
 * and tells customers ahead of time ({@code loyalty.points-expiring}, once per lot).
 */
@Extension
public class ExpiryJob implements ScheduledJob {
    private final PluginContext context;

    public ExpiryJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "loyalty.expire-points";
    }

    @Override
    public Schedule schedule() {
        return Schedule.dailyAt(LocalTime.of(2, 0), LoyaltyConfig.from(context.settings()).zone());
    }

    @Override
    public void run(JobRun run) {
        runNow();
    }

    /** Everything the daily run does; returns the points expired. */
    long runNow() {
        long expired = expireDue();
        warnExpiring();
        context.transactions().inTransaction(tx -> tx.sql().update("UPDATE loyalty_voucher SET status = 'EXPIRED' "
                + "WHERE status = 'ISSUED' AND expires_at <= ?", tx.now()));
        return expired;
    }

    /** Expires every lot whose time has come, one customer per transaction; returns points expired. */
    long expireDue() {
        long total = 0;
        List<long[]> customers = context.transactions().inTransaction(tx -> tx.sql().query(
                "SELECT DISTINCT customer_id FROM loyalty_lot WHERE pending = FALSE AND remaining > 0 AND expires_at <= ?",
                rs -> new long[]{rs.getLong(1)}, tx.now()));
        for (long[] c : customers) {
            total += context.transactions().inTransaction(tx -> {
                Ledger.lock(tx.sql(), c[0]);
                Instant now = tx.now();
                List<long[]> lots = tx.sql().query("SELECT id, remaining FROM loyalty_lot WHERE customer_id = ? "
                                + "AND pending = FALSE AND remaining > 0 AND expires_at <= ? FOR UPDATE",
                        rs -> new long[]{rs.getLong(1), rs.getLong(2)}, c[0], now);
                long sum = 0;
                for (long[] lot : lots) {
                    Ledger.expire(tx.sql(), c[0], lot[0], lot[1], now);
                    sum += lot[1];
                }
                if (sum > 0) {
                    tx.publish(new PointsExpired(c[0], sum), String.valueOf(c[0]));
                }
                return sum;
            });
        }
        return total;
    }

    /** One event per customer for lots expiring within the warning period that were not warned of. */
    int warnExpiring() {
        int warned = 0;
        LoyaltyConfig config = LoyaltyConfig.from(context.settings());
        List<long[]> customers = context.transactions().inTransaction(tx -> tx.sql().query(
                "SELECT DISTINCT customer_id FROM loyalty_lot WHERE pending = FALSE AND remaining > 0 AND warned_at IS NULL "
                        + "AND expires_at <= ?", rs -> new long[]{rs.getLong(1)},
                tx.now().plus(Duration.ofDays(config.warningDays()))));
        for (long[] c : customers) {
            warned += context.transactions().inTransaction(tx -> {
                Ledger.lock(tx.sql(), c[0]);
                Instant by = tx.now().plus(Duration.ofDays(config.warningDays()));
                record Lot(long id, long remaining, Instant expiresAt) {
                }
                List<Lot> lots = tx.sql().query("SELECT id, remaining, expires_at FROM loyalty_lot WHERE customer_id = ? "
                                + "AND pending = FALSE AND remaining > 0 AND warned_at IS NULL AND expires_at <= ? FOR UPDATE",
                        rs -> new Lot(rs.getLong(1), rs.getLong(2), io.loyaltyhub.api.data.SqlRunner.instant(rs, "expires_at")),
                        c[0], by);
                if (lots.isEmpty()) {
                    return 0;
                }
                long points = lots.stream().mapToLong(Lot::remaining).sum();
                Instant first = lots.stream().map(Lot::expiresAt).min(Instant::compareTo).orElseThrow();
                for (Lot lot : lots) {
                    tx.sql().update("UPDATE loyalty_lot SET warned_at = ? WHERE id = ?", tx.now(), lot.id());
                }
                tx.publish(new PointsExpiring(c[0], points, first), String.valueOf(c[0]));
                return 1;
            });
        }
        return warned;
    }
}
