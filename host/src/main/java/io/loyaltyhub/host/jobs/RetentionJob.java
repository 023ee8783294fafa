package io.loyaltyhub.host.jobs;

import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The host's housekeeping, daily: delivered events (their deliveries, the events once no delivery is left, and the
 * applied records of events that are gone) after {@code retention.delivered-events}, and answered messages after
 * {@code retention.inbound-messages}. Deletes in small batches, each its own transaction, so nothing waits long on
 * its locks. Pending and dead deliveries, and unanswered messages, are never deleted.
 */
public final class RetentionJob implements ScheduledJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 5_000;

    private final TransactionRunner tx;
    private final ServerConfig.OpsConfig config;
    private final Clock clock;

    public RetentionJob(TransactionRunner tx, ServerConfig.OpsConfig config, Clock clock) {
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "host.retention";
    }

    @Override
    public Schedule schedule() {
        return Schedule.dailyAt(LocalTime.of(4, 15), ZoneOffset.UTC);
    }

    @Override
    public void run(JobRun run) {
        purge();
    }

    /** Deletes what is past its retention; returns the rows deleted. */
    public long purge() {
        Instant now = clock.instant();
        long deleted = 0;
        if (!config.eventRetention().isZero()) {
            Instant before = now.minus(config.eventRetention());
            deleted += repeat("DELETE FROM event_delivery WHERE status = 'DONE' AND updated_at < ? LIMIT " + BATCH, before);
            deleted += repeat("DELETE FROM outbox_event WHERE occurred_at < ? AND NOT EXISTS (SELECT 1 FROM event_delivery d "
                    + "WHERE d.event_id = outbox_event.event_id) LIMIT " + BATCH, before);
            deleted += repeat("DELETE FROM applied_event WHERE applied_at < ? AND NOT EXISTS (SELECT 1 FROM outbox_event e "
                    + "WHERE e.event_id = applied_event.event_id) LIMIT " + BATCH, before);
        }
        if (!config.inboundRetention().isZero()) {
            deleted += repeat("DELETE FROM chat_inbound WHERE status IN ('DONE', 'DIRECT') AND received_at < ? LIMIT " + BATCH,
                    now.minus(config.inboundRetention()));
        }
        if (deleted > 0) {
            LOG.info("Retention: {} rows past their retention deleted", deleted);
        }
        return deleted;
    }

    private long repeat(String sql, Instant before) {
        long total = 0;
        while (true) {
            int n = tx.inHostTransaction(t -> Sql.update(t.connection(), sql, before));
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }
}
