package io.loyaltyhub.api.erp;

import java.time.Instant;

/**
 * One run of a connector: a poll, a backfill or a retry of rejects.
 *
 * @param status    RUNNING, OK, FAILED
 * @param expected  rows the source said were waiting when the run began (progress); -1 if unknown
 * @param rowsPerSecond rows read per second so far
 * @param etaSeconds    seconds left at that rate; null when unknown
 * @param lagSeconds    the run's end minus the newest bill it saw
 */
public record RunInfo(long id, long connectorId, String kind, String status, Instant startedAt, Instant finishedAt,
                      long rowsRead, long billsPosted, long duplicates, long rejected, long reversals,
                      long customers, long expected, double rowsPerSecond, Long etaSeconds, Long lagSeconds,
                      String error) {
}
