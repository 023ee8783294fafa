package io.loyaltyhub.host.http.platform;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.platform.DeadLetter;
import io.loyaltyhub.api.platform.EventAdmin;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** {@code /api/v1/events}: the delivery backlog and dead letters, and retrying one. */
public final class EventsEndpoint implements ApiEndpoint {
    public record Backlog(long pending) {
    }

    private final EventAdmin events;

    public EventsEndpoint(EventAdmin events) {
        this.events = events;
    }

    @Override
    public String area() {
        return "events";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/backlog", "events:read", "Deliveries not yet applied", Backlog.class,
                        r -> ApiResponse.ok(new Backlog(events.backlog()))),
                ApiRoute.get("/dead-letters", "events:read", "Deliveries that gave up after their last retry",
                        DeadLetter[].class, r -> ApiResponse.ok(events.deadLetters(100))),
                ApiRoute.post("/dead-letters/{eventId}/{listenerId}/retry", "events:write",
                        "Queue a dead letter again", null, null, this::retry));
    }

    private ApiResponse retry(ApiRequest r) {
        try {
            events.retry(r.actor(), r.pathParam("eventId"), r.pathParam("listenerId"));
            return ApiResponse.ok(Map.of("status", "PENDING"));
        } catch (NoSuchElementException e) {
            throw ApiProblem.notFound(e.getMessage());
        }
    }
}
