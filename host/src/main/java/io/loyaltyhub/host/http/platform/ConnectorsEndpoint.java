package io.loyaltyhub.host.http.platform;

import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ConnectorDraft;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ConnectorType;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.api.erp.PreviewRow;
import io.loyaltyhub.api.erp.RejectInfo;
import io.loyaltyhub.api.erp.RunInfo;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/connectors}: ERP connector instances, their runs and rejects (docs/adr/0016-erp-connectors.md). */
public final class ConnectorsEndpoint implements ApiEndpoint {

    /** A connector type: its settings and the bill fields it maps, with default columns. */
    public record TypeView(String type, String title, String plugin, List<PluginsEndpoint.SettingView> settings,
                           Map<String, String> defaultColumns) {
        static TypeView of(ConnectorType t) {
            Map<String, String> columns = new java.util.LinkedHashMap<>();
            t.mapping().defaultColumns().forEach((f, c) -> columns.put(f.name(), c));
            return new TypeView(t.type(), t.title(), t.pluginId(), t.settings().settings().stream()
                    .map(PluginsEndpoint.SettingView::of).toList(), columns);
        }
    }

    public record BackfillRequest(LocalDate from) {
    }

    public record RetryRequest(List<Long> rejectIds) {
    }

    public record RetryResult(int resolved) {
    }

    private final ErpConnectors connectors;

    public ConnectorsEndpoint(ErpConnectors connectors) {
        this.connectors = connectors;
    }

    @Override
    public String area() {
        return "connectors";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/types", "connectors:read", "Connector types the started plugins offer",
                        TypeView[].class, r -> ApiResponse.ok(connectors.types().stream().map(TypeView::of).toList())),
                ApiRoute.get("/", "connectors:read", "List connectors with state, last run, lag and open rejects",
                        ConnectorInfo[].class, r -> ApiResponse.ok(connectors.list())),
                ApiRoute.post("/", "connectors:write", "Create a connector (paused until resumed)", ConnectorDraft.class,
                        ConnectorInfo.class, r -> {
                            ConnectorInfo created = connectors.create(r.actor(), r.body(ConnectorDraft.class));
                            return ApiResponse.created("/api/v1/connectors/" + created.id(), created);
                        }).created(),
                ApiRoute.get("/{id}", "connectors:read", "Get one connector", ConnectorInfo.class,
                        r -> ApiResponse.ok(connectors.get(r.idParam("id")))),
                ApiRoute.put("/{id}", "connectors:write", "Change a connector's name, settings and mapping",
                        ConnectorDraft.class, ConnectorInfo.class,
                        r -> ApiResponse.ok(connectors.update(r.actor(), r.idParam("id"), r.body(ConnectorDraft.class)))),
                ApiRoute.post("/test", "connectors:write", "Test settings not yet saved", ConnectorDraft.class,
                        ConnectionCheck.class, r -> ApiResponse.ok(connectors.test(r.body(ConnectorDraft.class)))),
                ApiRoute.post("/{id}/test", "connectors:write", "Test the connection (the source's own message on failure)",
                        null, ConnectionCheck.class, r -> ApiResponse.ok(connectors.test(r.idParam("id")))),
                ApiRoute.post("/{id}/preview", "connectors:read", "The next rows mapped, with a check per field; writes nothing",
                        null, PreviewRow[].class, r -> ApiResponse.ok(connectors.preview(r.idParam("id")))),
                ApiRoute.post("/{id}/run", "connectors:write", "Read the source now", null, RunInfo.class,
                        r -> ApiResponse.ok(connectors.runNow(r.actor(), r.idParam("id")))),
                ApiRoute.post("/{id}/pause", "connectors:write", "Stop polling", null, ConnectorInfo.class, r -> {
                    connectors.pause(r.actor(), r.idParam("id"));
                    return ApiResponse.ok(connectors.get(r.idParam("id")));
                }),
                ApiRoute.post("/{id}/resume", "connectors:write", "Poll on the connector's interval", null,
                        ConnectorInfo.class, r -> {
                            connectors.resume(r.actor(), r.idParam("id"));
                            return ApiResponse.ok(connectors.get(r.idParam("id")));
                        }),
                ApiRoute.post("/{id}/backfill", "connectors:write", "Read again from a day, in the background",
                        BackfillRequest.class, RunInfo.class, this::backfill),
                ApiRoute.get("/{id}/runs", "connectors:read", "Runs, newest first", RunInfo[].class,
                        r -> ApiResponse.ok(connectors.runs(r.idParam("id"), r.queryInt("limit", 50))))
                        .query(QueryParam.integer("limit", "At most this many runs (default 50, at most 500)")),
                ApiRoute.get("/{id}/rejects", "connectors:read", "Rejected rows with reasons (open=true for open only)",
                        RejectInfo[].class, r -> ApiResponse.ok(connectors.rejects(r.idParam("id"),
                                r.query("open").map(Boolean::parseBoolean).orElse(false), r.queryInt("limit", 200))))
                        .query(QueryParam.bool("open", "Only rows still waiting (default false: resolved ones too)"),
                                QueryParam.integer("limit", "At most this many rows (default 200, at most 1000)")),
                ApiRoute.post("/{id}/rejects/retry", "connectors:write",
                        "Map and post rejected rows again (rejectIds empty: all open)", RetryRequest.class,
                        RetryResult.class, r -> {
                            RetryRequest body = r.hasBody() ? r.body(RetryRequest.class) : new RetryRequest(List.of());
                            return ApiResponse.ok(new RetryResult(connectors.retry(r.actor(), r.idParam("id"),
                                    body.rejectIds() == null ? List.of() : body.rejectIds())));
                        }).optionalBody());
    }

    private ApiResponse backfill(ApiRequest r) {
        BackfillRequest body = r.body(BackfillRequest.class);
        if (body == null || body.from() == null) {
            throw ApiProblem.badRequest("invalid-body", "from (a day, e.g. 2026-01-01) is required");
        }
        return ApiResponse.ok(connectors.backfill(r.actor(), r.idParam("id"), body.from()));
    }
}
