package io.loyaltyhub.ui.connectors;

import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.RunInfo;
import io.loyaltyhub.ui.common.Times;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How connectors, their runs and their waiting times read for store staff (no technical words). */
public final class ConnectorTexts {

    /** Shown where there is nothing yet (no bill read, no run). */
    public static final String NONE = "—";

    private ConnectorTexts() {
    }

    /** "Running" or "Paused" (other states as words). */
    public static String state(String state) {
        if (state == null || state.isBlank()) {
            return "";
        }
        return switch (state.strip().toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> "Running";
            case "PAUSED" -> "Paused";
            default -> words(state);
        };
    }

    public static boolean paused(String state) {
        return state != null && state.strip().equalsIgnoreCase("PAUSED");
    }

    /** A run's status: "Running", "Finished", "Failed". */
    public static String runStatus(String status) {
        if (status == null || status.isBlank()) {
            return "";
        }
        return switch (status.strip().toUpperCase(Locale.ROOT)) {
            case "RUNNING" -> "Running";
            case "QUEUED" -> "About to start";
            case "OK" -> "Finished";
            case "FAILED" -> "Failed";
            default -> words(status);
        };
    }

    public static boolean running(RunInfo run) {
        return run != null && "RUNNING".equalsIgnoreCase(run.status());
    }

    /** What started a run: "Regular check", "Run now", "Read again from a date", "Retry of rejected rows". */
    public static String runKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return "";
        }
        return switch (kind.strip().toUpperCase(Locale.ROOT)) {
            case "POLL", "SCHEDULED" -> "Regular check";
            case "MANUAL", "RUN_NOW", "NOW" -> "Run now";
            case "BACKFILL" -> "Read again from a date";
            case "RETRY", "RETRY_REJECTS" -> "Retry of rejected rows";
            default -> words(kind);
        };
    }

    /**
     * How far behind the newest bill is: "45 s", "2 min", "3 h", "2 days"; {@link #NONE} before the first bill.
     */
    public static String lag(Long seconds) {
        if (seconds == null) {
            return NONE;
        }
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h";
        }
        return s / 86400 + " days";
    }

    /** How long something took: "4 s", "2 min 5 s", "1 h 4 min"; "" without a start. */
    public static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(start, end).getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        return h + " h" + (m == 0 ? "" : " " + m + " min");
    }

    /** How long a run took, or has been going for if it still runs. */
    public static String runDuration(RunInfo run, Instant now) {
        return duration(run.startedAt(), run.finishedAt() != null ? run.finishedAt() : now);
    }

    /** "about 2 min left", "less than a minute left"; "" when unknown. */
    public static String timeLeft(Long seconds) {
        if (seconds == null || seconds < 0) {
            return "";
        }
        if (seconds < 60) {
            return "less than a minute left";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return "about " + h + " h" + (m == 0 ? "" : " " + m + " min") + " left";
    }

    /** "1,234" */
    public static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** "850 rows/s", "0.5 rows/s"; "" for nothing measured yet. */
    public static String rate(double rowsPerSecond) {
        if (!(rowsPerSecond > 0) || Double.isInfinite(rowsPerSecond)) {
            return "";
        }
        if (rowsPerSecond < 10) {
            return String.format(Locale.ENGLISH, "%.1f rows/s", rowsPerSecond);
        }
        return number(Math.round(rowsPerSecond)) + " rows/s";
    }

    /**
     * A running run's progress: "1,234 of 5,000 rows · 850 rows/s · about 2 min left" (parts left out when unknown).
     */
    public static String progress(RunInfo run) {
        List<String> parts = new ArrayList<>();
        parts.add(run.expected() > 0
                ? number(run.rowsRead()) + " of " + number(run.expected()) + " rows"
                : number(run.rowsRead()) + (run.rowsRead() == 1 ? " row" : " rows"));
        String rate = rate(run.rowsPerSecond());
        if (!rate.isEmpty()) {
            parts.add(rate);
        }
        String left = timeLeft(run.etaSeconds());
        if (!left.isEmpty()) {
            parts.add(left);
        }
        return String.join(" · ", parts);
    }

    /** How full the progress bar is (0 to 1), or -1 when the number of rows waiting is not known. */
    public static double progressFraction(RunInfo run) {
        if (run.expected() <= 0) {
            return -1;
        }
        return Math.min(1.0, Math.max(0.0, (double) run.rowsRead() / run.expected()));
    }

    /** "12 posted · 3 duplicates · 1 rejected" (returns added when there were any). */
    public static String counts(RunInfo run) {
        List<String> parts = new ArrayList<>();
        parts.add(number(run.billsPosted()) + " posted");
        parts.add(number(run.duplicates()) + (run.duplicates() == 1 ? " duplicate" : " duplicates"));
        parts.add(number(run.rejected()) + " rejected");
        if (run.reversals() > 0) {
            parts.add(number(run.reversals()) + (run.reversals() == 1 ? " return" : " returns"));
        }
        return String.join(" · ", parts);
    }

    /** The last run in one line: "2026-03-01 10:00:00 · Finished · 12 posted · 3 duplicates · 1 rejected". */
    public static String lastRun(RunInfo run) {
        if (run == null) {
            return "Not run yet";
        }
        String text = Times.format(run.startedAt()) + " · " + runStatus(run.status());
        if (running(run)) {
            return text + " · " + progress(run);
        }
        return text + " · " + counts(run);
    }

    /** What a connection test found, for people: the message, or what kind of problem and the source's words. */
    public static String check(ConnectionCheck check) {
        String message = check.message() == null ? "" : check.message().strip();
        if (check.ok()) {
            return message.isEmpty() ? "The connection works." : "The connection works: " + message;
        }
        String summary = check.problem().summary();
        String text = "The connection failed: " + summary + ".";
        return message.isEmpty() ? text : text + "\n" + message;
    }

    /** "BACKFILL_DONE" -> "Backfill done". */
    static String words(String code) {
        String w = code.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
