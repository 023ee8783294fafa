package io.loyaltyhub.ui.connectors;

import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.RunInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorTextsTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static RunInfo run(String status, long read, long expected, double rate, Long eta) {
        return new RunInfo(1, 1, "POLL", status, T, null, read, 12, 3, 1, 0, 0, expected, rate, eta, null, null);
    }

    @Test
    void lagReadsLikeAClock() {
        assertThat(ConnectorTexts.lag(null)).isEqualTo("—");
        assertThat(ConnectorTexts.lag(0L)).isEqualTo("0 s");
        assertThat(ConnectorTexts.lag(-5L)).as("a clock a little ahead").isEqualTo("0 s");
        assertThat(ConnectorTexts.lag(45L)).isEqualTo("45 s");
        assertThat(ConnectorTexts.lag(120L)).isEqualTo("2 min");
        assertThat(ConnectorTexts.lag(179L)).isEqualTo("2 min");
        assertThat(ConnectorTexts.lag(3 * 3600L + 59)).isEqualTo("3 h");
        assertThat(ConnectorTexts.lag(47 * 3600L)).isEqualTo("47 h");
        assertThat(ConnectorTexts.lag(3 * 86400L)).isEqualTo("3 days");
    }

    @Test
    void timeLeftIsRoundedAndNeverTechnical() {
        assertThat(ConnectorTexts.timeLeft(null)).isEmpty();
        assertThat(ConnectorTexts.timeLeft(20L)).isEqualTo("less than a minute left");
        assertThat(ConnectorTexts.timeLeft(100L)).isEqualTo("about 2 min left");
        assertThat(ConnectorTexts.timeLeft(3600L)).isEqualTo("about 1 h left");
        assertThat(ConnectorTexts.timeLeft(4500L)).isEqualTo("about 1 h 15 min left");
    }

    @Test
    void durations() {
        assertThat(ConnectorTexts.duration(T, T.plusSeconds(4))).isEqualTo("4 s");
        assertThat(ConnectorTexts.duration(T, T.plusSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(ConnectorTexts.duration(T, T.plusSeconds(120))).isEqualTo("2 min");
        assertThat(ConnectorTexts.duration(T, T.plusSeconds(3840))).isEqualTo("1 h 4 min");
        assertThat(ConnectorTexts.duration(null, T)).isEmpty();
        assertThat(ConnectorTexts.runDuration(run("RUNNING", 0, -1, 0, null), T.plusSeconds(9)))
                .as("a running run: so far").isEqualTo("9 s");
    }

    @Test
    void progressOfARunningRun() {
        assertThat(ConnectorTexts.progress(run("RUNNING", 1234, -1, 850.4, 130L)))
                .isEqualTo("1,234 rows · 850 rows/s · about 2 min left");
        assertThat(ConnectorTexts.progress(run("RUNNING", 1234, 5000, 850, 4L)))
                .isEqualTo("1,234 of 5,000 rows · 850 rows/s · less than a minute left");
        assertThat(ConnectorTexts.progress(run("RUNNING", 1, -1, 0, null))).isEqualTo("1 row");
        assertThat(ConnectorTexts.progress(run("RUNNING", 3, -1, 2.5, null))).isEqualTo("3 rows · 2.5 rows/s");
    }

    @Test
    void progressBarIsIndeterminateWithoutAnExpectedCount() {
        assertThat(ConnectorTexts.progressFraction(run("RUNNING", 10, -1, 0, null))).isEqualTo(-1);
        assertThat(ConnectorTexts.progressFraction(run("RUNNING", 10, 0, 0, null))).isEqualTo(-1);
        assertThat(ConnectorTexts.progressFraction(run("RUNNING", 250, 1000, 0, null))).isEqualTo(0.25);
        assertThat(ConnectorTexts.progressFraction(run("RUNNING", 1200, 1000, 0, null))).as("never over full")
                .isEqualTo(1.0);
    }

    @Test
    void lastRunInOneLine() {
        RunInfo done = new RunInfo(1, 1, "POLL", "OK", T, T.plusSeconds(3), 16, 12, 3, 1, 0, 0, -1, 5, null, 60L,
                null);
        assertThat(ConnectorTexts.counts(done)).isEqualTo("12 posted · 3 duplicates · 1 rejected");
        assertThat(ConnectorTexts.lastRun(done)).endsWith(" · Finished · 12 posted · 3 duplicates · 1 rejected");
        RunInfo withReturns = new RunInfo(1, 1, "POLL", "OK", T, T, 3, 1, 1, 0, 1, 0, -1, 0, null, null, null);
        assertThat(ConnectorTexts.counts(withReturns)).isEqualTo("1 posted · 1 duplicate · 0 rejected · 1 return");
        assertThat(ConnectorTexts.lastRun(null)).isEqualTo("Not run yet");
        assertThat(ConnectorTexts.lastRun(run("RUNNING", 40, -1, 0, null))).endsWith(" · Running · 40 rows");
    }

    @Test
    void wordsForStatesKindsAndStatuses() {
        assertThat(ConnectorTexts.state("RUNNING")).isEqualTo("Running");
        assertThat(ConnectorTexts.state("PAUSED")).isEqualTo("Paused");
        assertThat(ConnectorTexts.paused("PAUSED")).isTrue();
        assertThat(ConnectorTexts.runStatus("OK")).isEqualTo("Finished");
        assertThat(ConnectorTexts.runStatus("FAILED")).isEqualTo("Failed");
        assertThat(ConnectorTexts.runKind("BACKFILL")).isEqualTo("Read again from a date");
        assertThat(ConnectorTexts.runKind("POLL")).isEqualTo("Regular check");
        assertThat(ConnectorTexts.runKind("SOMETHING_NEW")).isEqualTo("Something new");
    }

    @Test
    void connectionCheckSaysWhatKindOfProblemAndTheSourcesOwnWords() {
        assertThat(ConnectorTexts.check(ConnectionCheck.ok("3 files waiting")))
                .isEqualTo("The connection works: 3 files waiting");
        assertThat(ConnectorTexts.check(new ConnectionCheck(ErpProblem.LOGIN_FAILED,
                "Access denied for user 'erp'@'10.0.0.5'")))
                .isEqualTo("The connection failed: login refused.\nAccess denied for user 'erp'@'10.0.0.5'");
    }
}
