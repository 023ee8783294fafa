package io.loyaltyhub.api.erp;

/** What kind of failure a source met, so staff know whom to ask. */
public enum ErpProblem {
    /** The host or folder cannot be reached (network, DNS, port, missing folder). */
    UNREACHABLE("cannot reach the source"),
    /** The user or password was refused. */
    LOGIN_FAILED("login refused"),
    /** A table, view, column or file named in the settings does not exist. */
    MISSING_OBJECT("a table, column or file is missing"),
    /** A query does not parse. */
    SYNTAX("a query has a syntax error"),
    /** The settings cannot work as they are (an unset environment variable, an unknown driver). */
    SETTINGS("the settings are incomplete"),
    /** Anything else the source said. */
    OTHER("the source refused");

    private final String summary;

    ErpProblem(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }
}
