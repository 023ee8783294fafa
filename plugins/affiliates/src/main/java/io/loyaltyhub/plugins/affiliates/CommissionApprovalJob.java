package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.job.JobRun;
import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Duration;

/**
 * Approves pending commissions whose hold period has passed (not held by a fraud alert, not above the manual-approval
 * amount, of an approved affiliate). Safe to re-run: each approval is a conditional update from PENDING.
 */
@Extension
public class CommissionApprovalJob implements ScheduledJob {
    private final Commissions commissions;

    public CommissionApprovalJob(PluginContext context) {
        this.commissions = new Commissions(context, new FraudChecks(context));
    }

    @Override
    public String id() {
        return "affiliates.approve-commissions";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(5));
    }

    @Override
    public void run(JobRun run) {
        commissions.approveDue();
    }
}
