package io.loyaltyhub.api.job;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of a job.
 *
 * @param dueAt             the due time this run is for (not the wall-clock start)
 * @param lastSucceededDueAt the due time of the last run that succeeded, if any: after downtime
 *                           or failures a job can cover the whole window since then
 */
public record JobRun(Instant dueAt, Optional<Instant> lastSucceededDueAt) {
}
