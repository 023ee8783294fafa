package io.loyaltyhub.bots.whatsapp;

import java.util.Set;

/** What the queue does with the Graph API's answer to a send, by Meta's error code. */
enum SendOutcome {
    SENT,
    /** 5xx, timeouts, Meta's "something went wrong" / "service unavailable": try again later. */
    RETRY,
    /** 130429 and other throughput or app rate limits: slow the whole number down. */
    THROTTLED,
    /** 131056: too many messages to this one user; wait before the next. */
    PAIR_RATE,
    /** 131047: more than 24 hours since the user wrote; only a template may go out. */
    OUTSIDE_WINDOW,
    /**
     * 131049: WhatsApp held a marketing message back to keep the user's experience healthy (its per-user
     * marketing limit). Tried once more after 24 hours, never in a loop.
     */
    HELD_BACK,
    /** 131050: the user stopped marketing messages from this business. Never retried; their preference turns off. */
    MARKETING_STOPPED,
    /** 190 (token expired) or 401/403: nothing can be sent until someone fixes the token. */
    AUTH,
    /** Anything else: the message cannot be sent (e.g. 131026 not on WhatsApp, 100 bad parameter). */
    PERMANENT;

    private static final Set<String> RETRYABLE = Set.of("timeout", "io", "1", "2", "131000", "131016", "133004");
    private static final Set<String> THROTTLING = Set.of("130429", "80007", "4", "613");

    static SendOutcome of(GraphApiClient.Result r) {
        if (r.accepted()) {
            return SENT;
        }
        String code = r.code() == null ? "" : r.code();
        if (code.equals("131047")) {
            return OUTSIDE_WINDOW;
        }
        if (code.equals("131049")) {
            return HELD_BACK;
        }
        if (code.equals("131050")) {
            return MARKETING_STOPPED;
        }
        if (code.equals("131056")) {
            return PAIR_RATE;
        }
        if (THROTTLING.contains(code) || r.httpStatus() == 429) {
            return THROTTLED;
        }
        if (code.equals("190") || r.httpStatus() == 401 || r.httpStatus() == 403) {
            return AUTH;
        }
        if (RETRYABLE.contains(code) || r.httpStatus() == 0 || r.httpStatus() >= 500) {
            return RETRY;
        }
        return PERMANENT;
    }

    /** For statuses reported later by webhook: the same codes, without an HTTP status. */
    static SendOutcome ofCode(String code) {
        return of(new GraphApiClient.Result(null, 200, code, null));
    }
}
