package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells what kind of failure a database reported, so the connector's page can say whom to ask (network, the
 * database's admin, whoever wrote the query), while the message stays the database's own words.
 * <p>
 * The SQLState class decides where it is reliable ({@code 08} connection, {@code 28} authorization); the vendor code
 * where it is not: MariaDB/MySQL report many different errors as {@code 42000}, and Microsoft's driver reports the
 * old X/Open states {@code S0001}/{@code S0002} for almost everything. Vendor codes below 1000 are SQL Server's
 * (MariaDB's start at 1000, PostgreSQL's are always 0).
 */
final class SqlProblems {

    private static final Set<String> MISSING_STATES = Set.of(
            "42S02", // table or view not found (ODBC; MariaDB 1146)
            "42S22", // column not found (ODBC; MariaDB 1054)
            "42P01", // PostgreSQL undefined_table
            "42703", // PostgreSQL undefined_column
            "3F000", // PostgreSQL invalid_schema_name
            "3D000"); // PostgreSQL invalid_catalog_name: the URL's database does not exist

    private static final Set<String> SYNTAX_STATES = Set.of(
            "42601"); // PostgreSQL syntax_error

    private static final Set<Integer> MISSING_CODES = Set.of(
            1146, // MariaDB: Table 'x.y' doesn't exist
            1054, // MariaDB: Unknown column
            1049, // MariaDB: Unknown database
            208,  // SQL Server: Invalid object name
            207,  // SQL Server: Invalid column name
            4060); // SQL Server: Cannot open database requested by the login

    private static final Set<Integer> SYNTAX_CODES = Set.of(
            1064, // MariaDB: You have an error in your SQL syntax
            102,  // SQL Server: Incorrect syntax near
            156); // SQL Server: Incorrect syntax near the keyword

    private static final Set<Integer> LOGIN_CODES = Set.of(
            1045,  // MariaDB: Access denied for user (using password: YES)
            1044,  // MariaDB: Access denied for user to database
            1698,  // MariaDB: Access denied (unix_socket / no password)
            18456); // SQL Server: Login failed for user

    /** MariaDB's connector starts messages with the connection's id: "(conn=42) Table ...". */
    private static final Pattern CONN_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");

    private SqlProblems() {
    }

    static ErpProblem classify(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                ErpProblem p = classifyOne(sql);
                if (p != null) {
                    return p;
                }
            } else if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return ErpProblem.UNREACHABLE;
            }
        }
        return ErpProblem.OTHER;
    }

    private static ErpProblem classifyOne(SQLException e) {
        int code = e.getErrorCode();
        String state = e.getSQLState() == null ? "" : e.getSQLState().toUpperCase(Locale.ROOT);
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (LOGIN_CODES.contains(code) || state.startsWith("28")) {
            return ErpProblem.LOGIN_FAILED;
        }
        if (state.startsWith("08") || message.contains("The TCP/IP connection to the host")) {
            return ErpProblem.UNREACHABLE;
        }
        if (MISSING_CODES.contains(code) || MISSING_STATES.contains(state)) {
            return ErpProblem.MISSING_OBJECT;
        }
        if (SYNTAX_CODES.contains(code) || SYNTAX_STATES.contains(state)) {
            return ErpProblem.SYNTAX;
        }
        return null;
    }

    /**
     * The failure as the source's exception: the problem kind, and the database's message after what was being done
     * ({@code bills query: Table 'erp.invoicez' doesn't exist}).
     */
    static ErpSourceException exception(String doing, SQLException e) {
        return new ErpSourceException(classify(e), doing + ": " + message(e), e);
    }

    /** The database's own words, without a driver's noise; falls back to the cause's when a driver says nothing. */
    static String message(SQLException e) {
        String m = e.getMessage();
        if ((m == null || m.isBlank()) && e.getCause() != null) {
            m = e.getCause().toString();
        }
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName() + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")");
        }
        return CONN_PREFIX.matcher(m.strip()).replaceFirst("");
    }
}
