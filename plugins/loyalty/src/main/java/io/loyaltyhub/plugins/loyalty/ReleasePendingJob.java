package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Duration;
import java.util.List;

/** Makes pending points spendable when their bill's return window has passed. */
@Extension
public class ReleasePendingJob implements ScheduledJob {
    private static final int BATCH = 500;
    private final PluginContext context;

    public ReleasePendingJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "loyalty.release-pending";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(5));
    }

    @Override
    public void run(JobRun run) {
        releaseDue();
    }

    /** Releases every due lot, one customer per transaction; returns how many lots. */
    int releaseDue() {
        int released = 0;
        while (true) {
            List<long[]> due = context.transactions().inTransaction(tx -> tx.sql().query(
                    "SELECT id, customer_id FROM loyalty_lot WHERE pending = TRUE AND available_at <= ? ORDER BY id LIMIT "
                            + BATCH, rs -> new long[]{rs.getLong(1), rs.getLong(2)}, tx.now()));
            for (long[] lot : due) {
                released += context.transactions().inTransaction(tx -> {
                    Ledger.lock(tx.sql(), lot[1]);
                    Long remaining = tx.sql().one("SELECT remaining FROM loyalty_lot WHERE id = ? AND pending = TRUE "
                            + "FOR UPDATE", rs -> rs.getLong(1), lot[0]).orElse(null);
                    if (remaining == null) {
                        return 0; // released or reversed meanwhile
                    }
                    if (remaining > 0) {
                        Ledger.release(tx.sql(), lot[1], lot[0], remaining, tx.now());
                        Ledger.settleOwed(tx.sql(), lot[1], "lot:" + lot[0], tx.now());
                    } else {
                        tx.sql().update("UPDATE loyalty_lot SET pending = FALSE WHERE id = ?", lot[0]);
                    }
                    return 1;
                });
            }
            if (due.size() < BATCH) {
                return released;
            }
        }
    }
}
