package io.loyaltyhub.api.erp;

/**
 * The answer to "test connection".
 *
 * @param problem null when it works
 * @param message the source's own words (the database's error message, the folder's problem), or what was found
 */
public record ConnectionCheck(ErpProblem problem, String message) {

    public static ConnectionCheck ok(String message) {
        return new ConnectionCheck(null, message);
    }

    public static ConnectionCheck failed(ErpSourceException e) {
        return new ConnectionCheck(e.problem(), e.getMessage());
    }

    public boolean ok() {
        return problem == null;
    }
}
