package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlProblemsTest {

    private static ErpProblem of(String state, int code) {
        return SqlProblems.classify(new SQLException("message", state, code));
    }

    @Test
    void connectionStatesAreUnreachable() {
        assertThat(of("08001", 0)).isEqualTo(ErpProblem.UNREACHABLE); // PostgreSQL: connection refused
        assertThat(of("08S01", 0)).isEqualTo(ErpProblem.UNREACHABLE); // SQL Server, MariaDB: link failure
        assertThat(of("08000", 0)).isEqualTo(ErpProblem.UNREACHABLE);
    }

    @Test
    void networkCausesAreUnreachable() {
        assertThat(SqlProblems.classify(new SQLException("could not connect", null, 0, new ConnectException("refused"))))
                .isEqualTo(ErpProblem.UNREACHABLE);
        assertThat(SqlProblems.classify(new SQLException("x", "HY000", 0, new UnknownHostException("erp-host"))))
                .isEqualTo(ErpProblem.UNREACHABLE);
        assertThat(SqlProblems.classify(new SQLException("wrapped", null, 0,
                new SQLException("inner", "08001", 0)))).isEqualTo(ErpProblem.UNREACHABLE);
    }

    @Test
    void sqlServersTcpMessageIsUnreachable() {
        assertThat(SqlProblems.classify(new SQLException("The TCP/IP connection to the host erp-host, port 1433 has"
                + " failed. Error: \"Connection refused\".", null, 0))).isEqualTo(ErpProblem.UNREACHABLE);
    }

    @Test
    void refusedLoginsAreLoginFailed() {
        assertThat(of("28P01", 0)).isEqualTo(ErpProblem.LOGIN_FAILED); // PostgreSQL: password authentication failed
        assertThat(of("28000", 1045)).isEqualTo(ErpProblem.LOGIN_FAILED); // MariaDB: Access denied
        assertThat(of("S0001", 18456)).isEqualTo(ErpProblem.LOGIN_FAILED); // SQL Server: Login failed for user
        assertThat(of("42000", 1044)).isEqualTo(ErpProblem.LOGIN_FAILED); // MariaDB: Access denied to database
    }

    @Test
    void missingTablesAndColumnsAreMissingObjects() {
        assertThat(of("42S02", 1146)).isEqualTo(ErpProblem.MISSING_OBJECT); // MariaDB: Table doesn't exist
        assertThat(of("42S22", 1054)).isEqualTo(ErpProblem.MISSING_OBJECT); // MariaDB: Unknown column
        assertThat(of("42P01", 0)).isEqualTo(ErpProblem.MISSING_OBJECT); // PostgreSQL: relation does not exist
        assertThat(of("42703", 0)).isEqualTo(ErpProblem.MISSING_OBJECT); // PostgreSQL: column does not exist
        assertThat(of("S0002", 208)).isEqualTo(ErpProblem.MISSING_OBJECT); // SQL Server: Invalid object name
        assertThat(of("S0001", 207)).isEqualTo(ErpProblem.MISSING_OBJECT); // SQL Server: Invalid column name
        assertThat(of("42S02", 0)).isEqualTo(ErpProblem.MISSING_OBJECT);
    }

    @Test
    void syntaxErrorsAreSyntax() {
        assertThat(of("42000", 1064)).isEqualTo(ErpProblem.SYNTAX); // MariaDB
        assertThat(of("42601", 0)).isEqualTo(ErpProblem.SYNTAX); // PostgreSQL
        assertThat(of("S0001", 102)).isEqualTo(ErpProblem.SYNTAX); // SQL Server: Incorrect syntax near
        assertThat(of("S0001", 156)).isEqualTo(ErpProblem.SYNTAX); // SQL Server: near the keyword
    }

    @Test
    void mariaDbs42000IsNotAlwaysSyntax() {
        assertThat(of("42000", 1142)).isEqualTo(ErpProblem.OTHER); // SELECT command denied to user for table
        assertThat(of("42000", 0)).isEqualTo(ErpProblem.OTHER);
    }

    @Test
    void theRestIsOther() {
        assertThat(of("22012", 0)).isEqualTo(ErpProblem.OTHER); // division by zero
        assertThat(of(null, 0)).isEqualTo(ErpProblem.OTHER);
        assertThat(of("57014", 0)).isEqualTo(ErpProblem.OTHER); // query cancelled (timeout)
    }

    @Test
    void theExceptionKeepsTheDatabasesWordsAfterTheQueryName() {
        SQLException e = new SQLSyntaxErrorException("(conn=12) Table 'erp.invoicez' doesn't exist", "42S02", 1146);

        ErpSourceException ex = SqlProblems.exception("bills query", e);

        assertThat(ex.problem()).isEqualTo(ErpProblem.MISSING_OBJECT);
        assertThat(ex.getMessage()).isEqualTo("bills query: Table 'erp.invoicez' doesn't exist");
        assertThat(ex.getCause()).isSameAs(e);
    }

    @Test
    void aDriverWithoutWordsStillSaysSomething() {
        assertThat(SqlProblems.message(new SQLException(null, "08001", 0, new ConnectException("Connection refused"))))
                .contains("Connection refused");
        assertThat(SqlProblems.message(new SQLException(null, "HY000", 0))).contains("HY000");
    }
}
