package io.loyaltyhub.api.job;

import org.pf4j.ExtensionPoint;

/**
 * A job the host runs when it is due, once per due time across the cluster, never two runs of
 * one job at the same time. A run that throws is logged and the job runs again at its next due
 * time; a run cut short by a crash is not repeated, so jobs must be safe to re-run over a window
 * (see {@link JobRun#lastSucceededDueAt()}).
 */
public interface ScheduledJob extends ExtensionPoint {

    /** Stable id starting with the plugin id, e.g. {@code loyalty.expiry}; the lock and history are keyed by it. */
    String id();

    Schedule schedule();

    void run(JobRun run) throws Exception;
}
