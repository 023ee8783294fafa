package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceException;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instance's settings, read once when its source is opened.
 *
 * @param encoding  {@code auto} or a charset name of {@link #ENCODINGS}
 * @param delimiter {@code auto} or the delimiter character
 */
record CsvSettings(Path folder, Path doneFolder, Path rejectsFolder, String filePattern, PathMatcher matcher,
                   String encoding, String delimiter, boolean header, long settleSeconds, Duration pollInterval,
                   int batchSize) {

    static final String FOLDER = "folder";
    static final String DONE_FOLDER = "done-folder";
    static final String REJECTS_FOLDER = "rejects-folder";
    static final String FILE_PATTERN = "file-pattern";
    static final String ENCODING = "encoding";
    static final String DELIMITER = "delimiter";
    static final String HEADER = "header";
    static final String SETTLE_SECONDS = "settle-seconds";
    static final String POLL_INTERVAL = "poll-interval";
    static final String BATCH_SIZE = "batch-size";

    static final String AUTO = "auto";
    static final List<String> ENCODINGS = List.of(AUTO, "UTF-8", "windows-1252", "ISO-8859-1", "UTF-16");
    static final List<String> DELIMITERS = List.of(AUTO, ",", ";", "tab", "|");

    static final String DEFAULT_PATTERN = "*.csv";
    static final String DEFAULT_SETTLE = "5";
    static final String DEFAULT_POLL = "PT30S";
    static final String DEFAULT_BATCH = "500";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    /** Reads the settings; a missing or blank optional setting takes its default. */
    static CsvSettings from(Map<String, String> settings) throws ErpSourceException {
        String folderText = value(settings, FOLDER, "");
        if (folderText.isEmpty()) {
            throw settings("The setting '" + FOLDER + "' (the inbox folder) is required");
        }
        Path folder = path(FOLDER, folderText);
        String doneText = value(settings, DONE_FOLDER, "");
        String rejectsText = value(settings, REJECTS_FOLDER, "");
        Path done = doneText.isEmpty() ? folder.resolve("done") : path(DONE_FOLDER, doneText);
        Path rejects = rejectsText.isEmpty() ? folder.resolve("rejects") : path(REJECTS_FOLDER, rejectsText);

        String pattern = value(settings, FILE_PATTERN, DEFAULT_PATTERN);
        Optional<String> badGlob = checkGlob(pattern);
        if (badGlob.isPresent()) {
            throw settings("The setting '" + FILE_PATTERN + "' " + badGlob.get());
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toLowerCase(Locale.ROOT));

        String encoding = choice(ENCODING, value(settings, ENCODING, AUTO), ENCODINGS);
        String delimiter = choice(DELIMITER, value(settings, DELIMITER, AUTO), DELIMITERS);
        boolean header = bool(HEADER, value(settings, HEADER, "true"));
        long settle = number(SETTLE_SECONDS, value(settings, SETTLE_SECONDS, DEFAULT_SETTLE), 0, 86_400);
        Duration poll = duration(POLL_INTERVAL, value(settings, POLL_INTERVAL, DEFAULT_POLL));
        int batch = (int) number(BATCH_SIZE, value(settings, BATCH_SIZE, DEFAULT_BATCH), 1, 100_000);
        return new CsvSettings(folder, done, rejects, pattern, matcher, encoding, delimiter, header, settle, poll,
                batch);
    }

    /** The delimiter character the setting names, or null for {@code auto}. */
    Character fixedDelimiter() {
        return switch (delimiter) {
            case "tab" -> '\t';
            case AUTO -> null;
            default -> delimiter.charAt(0);
        };
    }

    /** Whether a file name matches the pattern (case-insensitive: ERPs on Windows write {@code SALES.CSV}). */
    boolean matches(String fileName) {
        try {
            return matcher.matches(Path.of(fileName.toLowerCase(Locale.ROOT)));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static Optional<String> checkGlob(String pattern) {
        if (pattern.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (pattern.contains("/") || pattern.contains("\\")) {
            return Optional.of("is a file name pattern such as *.csv, without folders");
        }
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            return Optional.empty();
        } catch (IllegalArgumentException e) { // PatternSyntaxException among them
            return Optional.of("is not a valid file name pattern (such as *.csv or sales-*.txt): " + e.getMessage());
        }
    }

    static Optional<String> checkDuration(String text) {
        try {
            parseDuration(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be a duration such as PT30S, 30s, 5m or 1h");
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim();
        Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }

    private static String value(Map<String, String> settings, String key, String fallback) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static Path path(String key, String text) throws ErpSourceException {
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw settings("The setting '" + key + "' is not a valid path: " + e.getMessage());
        }
    }

    private static String choice(String key, String text, List<String> allowed) throws ErpSourceException {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(text)) {
                return a;
            }
        }
        if (text.equals("\t") && allowed.contains("tab")) {
            return "tab";
        }
        throw settings("The setting '" + key + "' must be one of " + String.join(", ", allowed) + ", not '" + text
                + "'");
    }

    private static boolean bool(String key, String text) throws ErpSourceException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw settings("The setting '" + key + "' must be true or false, not '" + text + "'");
        };
    }

    private static long number(String key, String text, long min, long max) throws ErpSourceException {
        try {
            long v = Long.parseLong(text);
            if (v < min || v > max) {
                throw settings("The setting '" + key + "' must be between " + min + " and " + max + ", not " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw settings("The setting '" + key + "' must be a whole number, not '" + text + "'");
        }
    }

    private static Duration duration(String key, String text) throws ErpSourceException {
        try {
            return parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw settings("The setting '" + key + "' must be a duration such as PT30S or 5m, not '" + text + "'");
        }
    }

    private static ErpSourceException settings(String message) {
        return new ErpSourceException(ErpProblem.SETTINGS, message);
    }
}
