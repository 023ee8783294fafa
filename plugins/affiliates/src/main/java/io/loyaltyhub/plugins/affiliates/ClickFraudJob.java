package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Duration;

/**
 * Runs the CLICK fraud rules over the clicks recorded since the last run (a cursor advanced in the same transaction
 * as the alerts), so the redirect itself does no fraud work and no click is checked twice or skipped.
 */
@Extension
public class ClickFraudJob implements ScheduledJob {
    private final FraudChecks fraud;

    public ClickFraudJob(PluginContext context) {
        this.fraud = new FraudChecks(context);
    }

    @Override
    public String id() {
        return "affiliates.click-fraud";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(1));
    }

    @Override
    public void run(JobRun run) {
        fraud.scanClicks();
    }
}
