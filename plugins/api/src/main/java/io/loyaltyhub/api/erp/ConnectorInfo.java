package io.loyaltyhub.api.erp;

import java.time.Instant;
import java.util.Map;

/**
 * A connector instance and how it is doing.
 *
 * @param state               RUNNING (polls on its interval) or PAUSED
 * @param lastRun             the newest run, if any
 * @param lagSeconds          now minus the newest bill seen; null before the first bill
 * @param consecutiveFailures runs failed in a row
 * @param health              null when healthy, else why not (for the dashboard's banner)
 * @param openRejects         rows waiting in the rejects queue
 */
public record ConnectorInfo(long id, String name, String type, String state, Map<String, String> settings,
                            Mapping mapping, String cursor, RunInfo lastRun, Long lagSeconds,
                            int consecutiveFailures, String health, long openRejects, Instant createdAt) {
}
