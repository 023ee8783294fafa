package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import org.pf4j.Extension;

import java.util.List;

/** {@code /api/v1/notifications}: the delivery log with filters, counts per trigger, and sending again. */
@Extension
public class NotificationsEndpoint implements ApiEndpoint {
    private static final List<String> STATUSES = List.of("PENDING", "DISPATCHING", "QUEUED", "HELD", "SENT",
            "DELIVERED", "READ", "FAILED", "REFUSED", "SKIPPED");

    private final Notifications notifications;

    public NotificationsEndpoint(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String area() {
        return "notifications";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "notifications:read", "The delivery log, newest first", NotificationView[].class,
                        this::search).query(
                        QueryParam.text("trigger", "a trigger id, e.g. points-earned"),
                        QueryParam.text("status", "one of " + STATUSES),
                        QueryParam.text("channel", "whatsapp or telegram"),
                        QueryParam.integer("customerId", "one customer's notifications"),
                        QueryParam.date("from", "created at or after (a date or an instant)"),
                        QueryParam.date("to", "created before (a date: that day included)"),
                        QueryParam.integer("beforeId", "the next page: notifications older than this id"),
                        QueryParam.integer("limit", "at most this many (1-500, default 100)")),
                ApiRoute.get("/counts", "notifications:read",
                        "Per trigger: sent, delivered, read, failed, held back, refused over the last days",
                        TriggerCounts[].class, r -> ApiResponse.ok(notifications.counts(days(r))))
                        .query(QueryParam.integer("days", "how many days back (1-90, default 7)")),
                ApiRoute.get("/{id}", "notifications:read", "One notification", NotificationView.class,
                        r -> ApiResponse.ok(visible(r, notifications.find(r.idParam("id")).orElseThrow(() ->
                                Rejected.notFound("not-found", "No notification " + r.pathParam("id")))))),
                ApiRoute.post("/{id}/retry", "notifications:write",
                        "Send a failed or refused notification again (checked anew: consent, window, template)",
                        null, NotificationView.class, r -> ApiResponse.ok(visible(r, notifications.retry(r.actor(),
                                r.idParam("id"))))).optionalBody());
    }

    private ApiResponse search(ApiRequest r) {
        String status = r.query("status").map(String::trim).map(s -> s.toUpperCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty()).orElse(null);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.badRequest("invalid-query", "status must be one of " + STATUSES);
        }
        String trigger = r.query("trigger").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (trigger != null && Trigger.byId(trigger).isEmpty()) {
            throw ApiProblem.badRequest("invalid-query", "trigger must be a trigger id, e.g. points-earned");
        }
        int customer = r.queryInt("customerId", 0);
        boolean full = r.actor().may("customers:read");
        int before = r.queryInt("beforeId", 0);
        return ApiResponse.ok(notifications.search(new NotificationFilter(trigger, status,
                r.query("channel").map(String::trim).filter(s -> !s.isEmpty()).orElse(null),
                customer > 0 ? (long) customer : null, r.queryTime("from", false).orElse(null),
                r.queryTime("to", true).orElse(null), before > 0 ? (long) before : null, r.queryInt("limit", 100)))
                .stream().map(n -> full ? n : n.redacted()).toList());
    }

    /** The phone number and the text (voucher codes) only for who may read customers. */
    private static NotificationView visible(ApiRequest r, NotificationView n) {
        return r.actor().may("customers:read") ? n : n.redacted();
    }

    private static int days(ApiRequest r) {
        int days = r.queryInt("days", 7);
        if (days < 1 || days > 90) {
            throw ApiProblem.badRequest("invalid-query", "days must be 1 to 90");
        }
        return days;
    }
}
