package io.loyaltyhub.api.erp;

/** A source failed; the message is the source's own (the database's words), the problem says what kind. */
public class ErpSourceException extends Exception {
    private final ErpProblem problem;

    public ErpSourceException(ErpProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public ErpSourceException(ErpProblem problem, String message) {
        this(problem, message, null);
    }

    public ErpProblem problem() {
        return problem;
    }
}
