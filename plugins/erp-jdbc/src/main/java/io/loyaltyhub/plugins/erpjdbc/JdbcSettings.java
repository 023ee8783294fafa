package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;
import io.loyaltyhub.api.plugin.SettingsSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of one JDBC connector instance, as declared to the admin UI ({@link #SCHEMA}) and as a source reads
 * them ({@link #from}).
 * <p>
 * Staff write the queries: the plugin cannot know an ERP's schema, but every ERP can answer "the bills changed after
 * this point, oldest first". The point is a watermark (a modification time, or a counter such as SQL Server's
 * {@code rowversion}) and a tiebreak (the bill number) for rows with the same watermark; the query compares both,
 * {@code (w > :watermark OR (w = :watermark AND no > :tiebreak))}, and orders by both, so rows that share a watermark
 * across a batch edge are read exactly once. The watermark and tiebreak columns must not be NULL.
 * <p>
 * The password is never stored: {@code password-env} names the environment variable of the server process that
 * holds it.
 */
final class JdbcSettings {

    static final String URL = "url";
    static final String USER = "user";
    static final String PASSWORD_ENV = "password-env";
    static final String BILLS_QUERY = "bills-query";
    static final String WATERMARK_COLUMN = "watermark-column";
    static final String WATERMARK_TYPE = "watermark-type";
    static final String LINES_QUERY = "lines-query";
    static final String RETURNS_QUERY = "returns-query";
    static final String RETURNS_WATERMARK_COLUMN = "returns-watermark-column";
    static final String CUSTOMERS_QUERY = "customers-query";
    static final String CUSTOMERS_WATERMARK_COLUMN = "customers-watermark-column";
    static final String COUNT_QUERY = "count-query";
    static final String BATCH_SIZE = "batch-size";
    static final String POLL_INTERVAL = "poll-interval";
    static final String QUERY_TIMEOUT_SECONDS = "query-timeout-seconds";

    static final String TYPE_TIMESTAMP = "timestamp";
    static final String TYPE_NUMBER = "number";

    static final List<String> URL_PREFIXES =
            List.of("jdbc:sqlserver:", "jdbc:mariadb:", "jdbc:mysql:", "jdbc:postgresql:");

    /** The parameters a query that reads after a cursor may use. */
    static final Set<String> CURSOR_PARAMETERS = Set.of("watermark", "tiebreak", "batch");
    static final Set<String> LINES_PARAMETERS = Set.of("bills");
    static final Set<String> COUNT_PARAMETERS = Set.of("watermark", "tiebreak");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final SettingValidator JDBC_URL = value -> {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return URL_PREFIXES.stream().anyMatch(v::startsWith)
                ? Optional.empty()
                : Optional.of("must start with " + String.join(", ", URL_PREFIXES));
    };

    static final SettingValidator ENV_VAR_NAME = value -> value.isBlank() || ENV_NAME.matcher(value.trim()).matches()
            ? Optional.empty()
            : Optional.of("must be the NAME of an environment variable (letters, digits and _), never the password");

    static SettingValidator query(Set<String> allowed, boolean required, String mustUse) {
        return value -> {
            if (value.isBlank()) {
                return required ? Optional.of("must not be empty") : Optional.empty();
            }
            return problem(NamedParameters.parse(value), allowed, mustUse);
        };
    }

    static Optional<String> problem(NamedParameters query, Set<String> allowed, String mustUse) {
        for (String name : query.names()) {
            if (!allowed.contains(name)) {
                return Optional.of("uses the unknown parameter :" + name + "; it may use "
                        + String.join(", ", allowed.stream().sorted().map(n -> ":" + n).toList()));
            }
        }
        if (mustUse != null && !query.names().contains(mustUse)) {
            return Optional.of("must use :" + mustUse);
        }
        return Optional.empty();
    }

    static final SettingsSchema SCHEMA = SettingsSchema.of(
            SettingDefinition.of(URL, SettingType.STRING, null,
                            "The ERP database's JDBC URL, e.g. jdbc:sqlserver://erp-host:1433;databaseName=LOGIC;encrypt=false"
                                    + " or jdbc:mariadb://erp-host:3306/erp or jdbc:postgresql://erp-host/erp.")
                    .label("JDBC URL").validatedBy(JDBC_URL),
            SettingDefinition.of(USER, SettingType.STRING, "",
                            "The database user; ask the ERP's administrator for one that may only read.")
                    .label("User"),
            SettingDefinition.of(PASSWORD_ENV, SettingType.STRING, "",
                            "The NAME of the server's environment variable that holds the password (e.g. ERP_DB_PASSWORD),"
                                    + " never the password itself; empty when the user needs none.")
                    .label("Password environment variable").validatedBy(ENV_VAR_NAME),
            SettingDefinition.of(BILLS_QUERY, SettingType.STRING, null,
                            "SQL returning the bills changed after :watermark (and after bill :tiebreak at that same"
                                    + " watermark), ordered by watermark then bill number, at most :batch rows, e.g."
                                    + " SELECT * FROM invoices WHERE (modified_at > :watermark OR (modified_at = :watermark"
                                    + " AND invoice_no > :tiebreak)) ORDER BY modified_at, invoice_no LIMIT :batch")
                    .label("Bills query").validatedBy(query(CURSOR_PARAMETERS, true, null)),
            SettingDefinition.of(WATERMARK_COLUMN, SettingType.STRING, null,
                            "The column of the bills query that grows when a bill is added or changed, e.g. modified_at"
                                    + " or a rowversion or counter column.")
                    .label("Watermark column").validatedBy(SettingValidator.notBlank()),
            SettingDefinition.choice(WATERMARK_TYPE, TYPE_TIMESTAMP,
                            "Whether the watermark columns hold a date and time or a number (a counter or rowversion).",
                            TYPE_NUMBER, TYPE_TIMESTAMP)
                    .label("Watermark type"),
            SettingDefinition.of(LINES_QUERY, SettingType.STRING, "",
                            "Optional SQL returning the lines of the bills in :bills (their numbers), with the bill number"
                                    + " column and the line columns, e.g. SELECT * FROM invoice_lines WHERE invoice_no IN (:bills).")
                    .label("Lines query").validatedBy(query(LINES_PARAMETERS, false, "bills")),
            SettingDefinition.of(RETURNS_QUERY, SettingType.STRING, "",
                            "Optional SQL returning returns and cancellations after :watermark / :tiebreak (the returned"
                                    + " bill's number), like the bills query.")
                    .label("Returns query").validatedBy(query(CURSOR_PARAMETERS, false, null)),
            SettingDefinition.of(RETURNS_WATERMARK_COLUMN, SettingType.STRING, "",
                            "The watermark column of the returns query; needed when there is a returns query.")
                    .label("Returns watermark column"),
            SettingDefinition.of(CUSTOMERS_QUERY, SettingType.STRING, "",
                            "Optional SQL returning customers (mobile, name, birthday) changed after :watermark / :tiebreak"
                                    + " (the mobile), like the bills query.")
                    .label("Customers query").validatedBy(query(CURSOR_PARAMETERS, false, null)),
            SettingDefinition.of(CUSTOMERS_WATERMARK_COLUMN, SettingType.STRING, "",
                            "The watermark column of the customers query; needed when there is a customers query.")
                    .label("Customers watermark column"),
            SettingDefinition.of(COUNT_QUERY, SettingType.STRING, "",
                            "Optional SQL counting the bills after :watermark, for the progress bar of a backfill, e.g."
                                    + " SELECT COUNT(*) FROM invoices WHERE modified_at > :watermark.")
                    .label("Count query").validatedBy(query(COUNT_PARAMETERS, false, null)),
            SettingDefinition.of(BATCH_SIZE, SettingType.INTEGER, "500",
                            "How many rows one query reads at most at a time.")
                    .label("Batch size").validatedBy(SettingValidator.range(1, 10_000)),
            SettingDefinition.of(POLL_INTERVAL, SettingType.DURATION, "PT30S",
                            "How often the database is asked for new bills, e.g. 30s or 5m.")
                    .label("Poll interval"),
            SettingDefinition.of(QUERY_TIMEOUT_SECONDS, SettingType.INTEGER, "60",
                            "Seconds a query may run before it is cancelled.")
                    .label("Query timeout (seconds)").validatedBy(SettingValidator.range(1, 3600)));

    final String url;
    final String user;
    final String passwordEnv;
    final String billsQuery;
    final String watermarkColumn;
    final boolean timestampWatermark;
    final String linesQuery;
    final String returnsQuery;
    final String returnsWatermarkColumn;
    final String customersQuery;
    final String customersWatermarkColumn;
    final String countQuery;
    final int batchSize;
    final int queryTimeoutSeconds;

    private JdbcSettings(ErpSourceConfig config) throws ErpSourceException {
        List<String> wrong = new ArrayList<>();
        url = value(config, URL, wrong);
        user = value(config, USER, wrong);
        passwordEnv = value(config, PASSWORD_ENV, wrong);
        billsQuery = value(config, BILLS_QUERY, wrong);
        watermarkColumn = value(config, WATERMARK_COLUMN, wrong).toLowerCase(Locale.ROOT);
        String type = value(config, WATERMARK_TYPE, wrong);
        timestampWatermark = !TYPE_NUMBER.equalsIgnoreCase(type);
        linesQuery = value(config, LINES_QUERY, wrong);
        returnsQuery = value(config, RETURNS_QUERY, wrong);
        returnsWatermarkColumn = value(config, RETURNS_WATERMARK_COLUMN, wrong).toLowerCase(Locale.ROOT);
        customersQuery = value(config, CUSTOMERS_QUERY, wrong);
        customersWatermarkColumn = value(config, CUSTOMERS_WATERMARK_COLUMN, wrong).toLowerCase(Locale.ROOT);
        countQuery = value(config, COUNT_QUERY, wrong);
        batchSize = (int) number(value(config, BATCH_SIZE, wrong), 500);
        queryTimeoutSeconds = (int) number(value(config, QUERY_TIMEOUT_SECONDS, wrong), 60);
        if (!returnsQuery.isBlank() && returnsWatermarkColumn.isBlank()) {
            wrong.add(RETURNS_WATERMARK_COLUMN + " must name the returns query's watermark column");
        }
        if (!customersQuery.isBlank() && customersWatermarkColumn.isBlank()) {
            wrong.add(CUSTOMERS_WATERMARK_COLUMN + " must name the customers query's watermark column");
        }
        if (!wrong.isEmpty()) {
            throw new ErpSourceException(ErpProblem.SETTINGS, "The settings cannot work: " + String.join("; ", wrong));
        }
    }

    /** The instance's settings with the schema's defaults, each checked as the host would. */
    static JdbcSettings from(ErpSourceConfig config) throws ErpSourceException {
        return new JdbcSettings(config);
    }

    private static String value(ErpSourceConfig config, String key, List<String> wrong) {
        SettingDefinition d = SCHEMA.find(key).orElseThrow();
        String v = config.setting(key);
        if (v == null || (v.isBlank() && d.defaultValue() != null)) {
            v = d.defaultValue();
        }
        if (v == null || (v.isBlank() && d.required())) {
            wrong.add(key + " is required");
            return "";
        }
        v = v.trim();
        if (d.type() == SettingType.INTEGER) {
            try {
                Long.parseLong(v);
            } catch (NumberFormatException e) {
                wrong.add(key + " must be a whole number");
                return d.defaultValue();
            }
        }
        if (d.type() == SettingType.CHOICE && !d.choices().contains(v)) {
            wrong.add(key + " must be one of " + String.join(", ", d.choices()));
            return d.defaultValue();
        }
        Optional<String> problem = d.validator().check(v);
        problem.ifPresent(p -> wrong.add(key + " " + p));
        return v;
    }

    private static long number(String v, long fallback) {
        try {
            return Long.parseLong(v.trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
