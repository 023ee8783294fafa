package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import org.pf4j.Extension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reminds customers of a voucher they have not used, {@code voucher-reminder-days} (3) before it expires: once per
 * voucher (the key is its code), so a re-run or two instances write one reminder.
 */
@Extension
public class VoucherReminderJob implements ScheduledJob {
    private static final int BATCH = 500;

    private final Notifications notifications;

    public VoucherReminderJob(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String id() {
        return "notifications.voucher-reminders";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(15));
    }

    @Override
    public void run(JobRun run) {
        remindDue();
    }

    /** @return how many vouchers were due (each reminded once, if the trigger is on) */
    int remindDue() {
        var context = notifications.context();
        long days = context.settings().number(NotificationSettings.VOUCHER_DAYS);
        boolean on = NotificationSettings.on(context.settings(), Trigger.VOUCHER_EXPIRING);
        int written = 0;
        while (true) {
            int n = context.transactions().inTransaction(tx -> {
                Instant now = tx.now();
                record Due(String code, long customerId, String reward, Instant expiresAt) {
                }
                List<Due> due = tx.sql().query("SELECT code, customer_id, reward_name, expires_at FROM notify_voucher "
                                + "WHERE reminded_at IS NULL AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE",
                        rs -> new Due(rs.getString(1), rs.getLong(2), rs.getString(3),
                                io.loyaltyhub.api.data.SqlRunner.instant(rs, "expires_at")),
                        now.plus(Duration.ofDays(days)), BATCH);
                for (Due d : due) {
                    if (on && d.expiresAt().isAfter(now)) {
                        notifications.log().record(tx.sql(), new NotificationIntent(Trigger.VOUCHER_EXPIRING,
                                d.customerId(), null, Map.of("reward", d.reward(), "voucherCode", d.code(),
                                "expiresAt", d.expiresAt().toString()), null, "voucher-expiring:" + d.code()), null, now);
                    }
                    tx.sql().update("UPDATE notify_voucher SET reminded_at = ? WHERE code = ?", now, d.code());
                }
                return due.size();
            });
            written += n;
            if (n < BATCH) {
                return written;
            }
        }
    }
}
