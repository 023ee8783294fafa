package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Keeps clicks past {@code click-retention-days} (never less than the attribution window) only as daily counts per
 * link: each UTC day is aggregated into {@code affiliate_click_day} and its rows deleted in one transaction, so a
 * crash never counts a day twice or loses it. Clicks the fraud scan has not reached yet are left alone.
 */
@Extension
public class ClickRetentionJob implements ScheduledJob {
    private static final Logger LOG = LoggerFactory.getLogger(ClickRetentionJob.class);
    private final PluginContext context;

    public ClickRetentionJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "affiliates.click-retention";
    }

    @Override
    public Schedule schedule() {
        return Schedule.dailyAt(LocalTime.of(3, 30), ZoneOffset.UTC);
    }

    @Override
    public void run(JobRun run) {
        archive();
    }

    /** Aggregates and deletes every day past the retention; returns the click rows it replaced. */
    long archive() {
        int keepDays = (int) context.settings().number(AffiliatesSettings.CLICK_RETENTION_DAYS);
        if (keepDays == 0) {
            return 0;
        }
        int window = (int) context.settings().number(AffiliatesSettings.ATTRIBUTION_WINDOW_DAYS);
        LocalDate firstKept = LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC)
                .minusDays(Math.max(keepDays, window + 1L));
        long replaced = 0;
        while (true) {
            Optional<LocalDate> oldest = context.transactions().inTransaction(tx -> tx.sql().one(
                    "SELECT MIN(clicked_at) FROM affiliate_click", rs -> SqlRunner.instant(rs, "MIN(clicked_at)")))
                    .map(ClickArchive::day);
            if (oldest.isEmpty() || !oldest.get().isBefore(firstKept)) {
                break;
            }
            long n = context.transactions().inTransaction(tx -> archiveDay(tx.sql(), oldest.get()));
            if (n == 0) {
                break; // the fraud scan has not passed that day yet
            }
            replaced += n;
        }
        if (replaced > 0) {
            LOG.info("Click retention: {} clicks before {} kept as daily counts", replaced, firstKept);
        }
        return replaced;
    }

    private static long archiveDay(SqlRunner sql, LocalDate day) {
        long scanned = sql.one("SELECT last_id FROM affiliate_fraud_cursor WHERE name = 'clicks' FOR UPDATE",
                rs -> rs.getLong(1)).orElse(0L);
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        sql.update("INSERT INTO affiliate_click_day (day, link_id, affiliate_id, visits, clicks, uniq, bots) "
                + "SELECT ?, COALESCE(link_id, 0), COALESCE(MAX(affiliate_id), 0), COUNT(*), SUM(counted), "
                + "COUNT(DISTINCT CASE WHEN counted THEN CONCAT(visitor_id, ':', hour_bucket) END), SUM(bot) "
                + "FROM affiliate_click WHERE clicked_at >= ? AND clicked_at < ? AND id <= ? GROUP BY COALESCE(link_id, 0) "
                + "ON DUPLICATE KEY UPDATE visits = visits + VALUES(visits), clicks = clicks + VALUES(clicks), "
                + "uniq = uniq + VALUES(uniq), bots = bots + VALUES(bots)", day, from, to, scanned);
        return sql.update("DELETE FROM affiliate_click WHERE clicked_at >= ? AND clicked_at < ? AND id <= ?",
                from, to, scanned);
    }
}
