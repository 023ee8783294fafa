package io.loyaltyhub.api.job;

import org.pf4j.ExtensionPoint;

import java.time.Instant;

/**
 * A job the host runs when it is due, once per due time across the cluster. A run that throws
 * is logged and the job runs again at its next due time.
 */
public interface ScheduledJob extends ExtensionPoint {

    /** Stable id; the cluster-wide lock and the run history are keyed by it. */
    String id();

    Schedule schedule();

    /** @param dueAt the due time this run is for (not the wall-clock start) */
    void run(Instant dueAt) throws Exception;
}
