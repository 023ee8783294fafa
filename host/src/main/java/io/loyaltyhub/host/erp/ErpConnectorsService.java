package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ConnectorDraft;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ConnectorType;
import io.loyaltyhub.api.erp.ErpConnector;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.PreviewRow;
import io.loyaltyhub.api.erp.RejectInfo;
import io.loyaltyhub.api.erp.RunInfo;
import io.loyaltyhub.api.loyalty.BillResult;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.host.plugins.SettingsValidation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ErpConnectors}: the connector instances, for the admin UI and REST. Checks drafts against the type's settings
 * schema and the mapping rules, keeps every change in the audit log, and leaves the running to {@link
 * ConnectorRunner}.
 */
public final class ErpConnectorsService implements ErpConnectors, AutoCloseable {
    static final int PREVIEW_ROWS = 20;
    private static final String MASK = "********";

    private final Transactions tx;
    private final ConnectorStore store;
    private final ConnectorTypes types;
    private final ConnectorRunner runner;
    private final Supplier<Optional<LoyaltyService>> loyalty;
    private final Clock clock;
    private final Map<String, String> env;
    private final Health health;

    /** When a connector needs a person: failed runs in a row, or bills older than the lag threshold. */
    public record Health(int failuresInARow, Duration maxLag) {
    }

    public ErpConnectorsService(Transactions tx, io.loyaltyhub.api.plugin.JsonCodec json,
                                Supplier<Map<String, List<ErpConnector>>> types,
                                Supplier<Optional<LoyaltyService>> loyalty, Clock clock, String instanceId,
                                Map<String, String> env, Health health) {
        this.tx = tx;
        this.store = new ConnectorStore(json);
        this.types = new ConnectorTypes(types);
        this.loyalty = loyalty;
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.health = health;
        this.runner = new ConnectorRunner(tx, store, this.types, loyalty, clock, instanceId, this.env);
    }

    public void start() {
        runner.start();
    }

    @Override
    public void close() {
        runner.close();
    }

    @Override
    public List<ConnectorType> types() {
        return types.all();
    }

    @Override
    public List<ConnectorInfo> list() {
        Instant now = clock.instant();
        return tx.inTransaction(t -> store.all(t.sql()).stream().map(c -> info(t.sql(), c, now)).toList());
    }

    @Override
    public ConnectorInfo get(long id) {
        Instant now = clock.instant();
        return tx.inTransaction(t -> info(t.sql(), stored(t.sql(), id), now));
    }

    @Override
    public ConnectorInfo create(Actor actor, ConnectorDraft draft) {
        ErpConnector type = checkType(draft.type());
        Checked ok = check(type, draft, 0);
        long id = tx.inTransaction(t -> {
            if (store.nameTaken(t.sql(), ok.name(), 0)) {
                throw nameTaken(ok.name());
            }
            long created = store.create(t.sql(), ok.name(), type.type(), ok.settings(), ok.mapping(), t.now());
            t.audit(actor, "connector.create", "connector", String.valueOf(created), null,
                    redacted(type, ok.name(), ok.settings(), ok.mapping()));
            return created;
        });
        return get(id);
    }

    @Override
    public ConnectorInfo update(Actor actor, long id, ConnectorDraft draft) {
        ConnectorStore.Stored before = tx.inTransaction(t -> stored(t.sql(), id));
        if (draft.type() != null && !draft.type().isBlank() && !draft.type().equals(before.type())) {
            throw Rejected.invalid("Validation failed.", Map.of("type",
                    "The type of a connector cannot change; create a new connector instead."));
        }
        ErpConnector type = types.require(before.type());
        // a secret shown back masked and sent again unchanged keeps its stored value
        Map<String, String> settings = new LinkedHashMap<>(draft.settings());
        for (SettingDefinition d : type.settings().settings()) {
            if (d.type() == SettingType.SECRET && MASK.equals(settings.get(d.key()))) {
                settings.put(d.key(), before.settings().getOrDefault(d.key(), ""));
            }
        }
        Checked ok = check(type, new ConnectorDraft(draft.name(), before.type(), settings, draft.mapping()), id);
        tx.run(t -> {
            if (store.nameTaken(t.sql(), ok.name(), id)) {
                throw nameTaken(ok.name());
            }
            store.update(t.sql(), id, ok.name(), ok.settings(), ok.mapping(), t.now());
            t.audit(actor, "connector.update", "connector", String.valueOf(id),
                    redacted(type, before.name(), before.settings(), before.mapping()),
                    redacted(type, ok.name(), ok.settings(), ok.mapping()));
            return null;
        });
        return get(id);
    }

    @Override
    public ConnectionCheck test(long id) {
        ConnectorStore.Stored c = tx.inTransaction(t -> stored(t.sql(), id));
        return test(types.require(c.type()), c.id(), c.settings(), c.mapping());
    }

    @Override
    public ConnectionCheck test(ConnectorDraft draft) {
        ErpConnector type = checkType(draft.type());
        Checked ok = check(type, draft.name() == null || draft.name().isBlank()
                ? new ConnectorDraft("unsaved", draft.type(), draft.settings(), draft.mapping()) : draft, -1);
        return test(type, 0, ok.settings(), ok.mapping());
    }

    private ConnectionCheck test(ErpConnector type, long id, Map<String, String> settings, Mapping mapping) {
        try (ErpSource source = type.open(config(type, id, settings, mapping))) {
            return source.test();
        } catch (ErpSourceException e) {
            return ConnectionCheck.failed(e);
        } catch (RuntimeException e) {
            return new ConnectionCheck(ErpProblem.OTHER, e.toString());
        }
    }

    @Override
    public List<PreviewRow> preview(long id) {
        ConnectorStore.Stored c = tx.inTransaction(t -> stored(t.sql(), id));
        ErpConnector type = types.require(c.type());
        LoyaltyService service = loyalty.get().orElseThrow(() -> Rejected.conflict("loyalty-unavailable",
                "The loyalty plugin is not started, so bills cannot be checked."));
        RowMapper mapper = new RowMapper(c.mapping());
        List<PreviewRow> out = new ArrayList<>();
        try (ErpSource source = type.open(config(type, c.id(), c.settings(), c.mapping()))) {
            List<io.loyaltyhub.api.erp.SourceRow> rows = new ArrayList<>();
            String cursor = c.cursor();
            while (rows.size() < PREVIEW_ROWS) { // a source reads at most its batch size at a time
                io.loyaltyhub.api.erp.SourceBatch batch = source.read(cursor, PREVIEW_ROWS - rows.size());
                rows.addAll(batch.rows());
                if (!batch.more() || batch.rows().isEmpty()) {
                    break;
                }
                cursor = batch.cursor();
            }
            for (var row : rows) {
                Map<String, String> fields = new LinkedHashMap<>();
                mapper.fields(row).forEach((f, v) -> fields.put(f.name(), v));
                MappedRow m = mapper.map(row);
                out.add(switch (m) {
                    case MappedRow.Unmapped u -> {
                        Map<String, String> problems = new LinkedHashMap<>();
                        u.problems().forEach((f, p) -> problems.put(f.name(), p));
                        yield new PreviewRow(row.ref(), row.kind().name(), fields, problems, "would be rejected: "
                                + u.reason(), false);
                    }
                    case MappedRow.ToPost p -> {
                        try {
                            BillResult r = service.preview(p.bill());
                            yield new PreviewRow(row.ref(), row.kind().name(), fields, Map.of(), "would earn "
                                    + r.pointsEarned() + " points", true);
                        } catch (Rejected r) {
                            yield new PreviewRow(row.ref(), row.kind().name(), fields, Map.of(),
                                    "would be rejected: " + BatchPoster.reason(r), false);
                        }
                    }
                    case MappedRow.Reversal r -> new PreviewRow(row.ref(), row.kind().name(), fields, Map.of(),
                            "would reverse bill " + r.billNumber(), true);
                    case MappedRow.CustomerRecord cr -> new PreviewRow(row.ref(), row.kind().name(), fields, Map.of(),
                            "would enrol or complete customer " + cr.mobile(), true);
                });
            }
        } catch (ErpSourceException e) {
            throw Rejected.conflict("source-failed", e.problem().summary() + ": " + e.getMessage());
        }
        return out;
    }

    @Override
    public RunInfo runNow(Actor actor, long id) {
        return request(actor, id, "RUN", "connector.run", null);
    }

    @Override
    public RunInfo backfill(Actor actor, long id, LocalDate from) {
        if (from == null) {
            throw Rejected.invalid("Validation failed.", Map.of("from", "Choose the day to read from."));
        }
        ConnectorStore.Stored c = tx.inTransaction(t -> stored(t.sql(), id));
        if (c.backfillCursor() != null) {
            throw Rejected.conflict("backfill-running", "A backfill from " + c.backfillFrom()
                    + " is still going; wait for it to finish.");
        }
        ErpConnector type = types.require(c.type());
        String cursor;
        try (ErpSource source = type.open(config(type, c.id(), c.settings(), c.mapping()))) {
            cursor = source.cursorFrom(from.atStartOfDay(ZoneId.of(c.mapping().timeZone())).toInstant());
        } catch (ErpSourceException e) {
            throw Rejected.conflict("source-failed", e.problem().summary() + ": " + e.getMessage());
        }
        return request(actor, id, "BACKFILL", "connector.backfill", new Object[]{cursor, from});
    }

    private RunInfo request(Actor actor, long id, String what, String action, Object[] backfill) {
        long lastRun = tx.inTransaction(t -> {
            stored(t.sql(), id);
            if (backfill != null) {
                store.startBackfill(t.sql(), id, (String) backfill[0], (LocalDate) backfill[1], t.now());
            }
            store.request(t.sql(), id, what, t.now());
            t.audit(actor, action, "connector", String.valueOf(id), null,
                    backfill == null ? Map.of() : Map.of("from", backfill[1].toString()));
            return store.runs(t.sql(), id, 1, t.now()).stream().mapToLong(RunInfo::id).findFirst().orElse(0);
        });
        runner.wake();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) { // the runner picks it up within a second; show the run when it does
            Optional<RunInfo> started = tx.inTransaction(t -> store.runs(t.sql(), id, 1, t.now())).stream()
                    .filter(r -> r.id() > lastRun).findFirst();
            if (started.isPresent()) {
                return started.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new RunInfo(0, id, what.equals("RUN") ? "POLL" : what, "QUEUED", clock.instant(), null, 0, 0, 0, 0,
                0, 0, -1, 0, null, null, null);
    }

    @Override
    public void pause(Actor actor, long id) {
        setState(actor, id, "PAUSED", "connector.pause");
        runner.stop(id);
    }

    @Override
    public void resume(Actor actor, long id) {
        setState(actor, id, "RUNNING", "connector.resume");
        runner.wake();
    }

    private void setState(Actor actor, long id, String state, String action) {
        tx.run(t -> {
            ConnectorStore.Stored c = store.lock(t.sql(), id).orElseThrow(() -> notFound(id));
            store.setState(t.sql(), id, state, t.now());
            if (state.equals("PAUSED")) {
                store.clearRequest(t.sql(), id);
            }
            t.audit(actor, action, "connector", String.valueOf(id), Map.of("state", c.state()), Map.of("state", state));
            return null;
        });
    }

    @Override
    public List<RunInfo> runs(long id, int limit) {
        Instant now = clock.instant();
        return tx.inTransaction(t -> {
            stored(t.sql(), id);
            return store.runs(t.sql(), id, Math.max(1, Math.min(limit, 500)), now);
        });
    }

    @Override
    public List<RejectInfo> rejects(long id, boolean openOnly, int limit) {
        return tx.inTransaction(t -> {
            stored(t.sql(), id);
            return store.rejects(t.sql(), id, openOnly, Math.max(1, Math.min(limit, 1000)));
        });
    }

    @Override
    public int retry(Actor actor, long id, List<Long> rejectIds) {
        ConnectorStore.Stored c = tx.inTransaction(t -> stored(t.sql(), id));
        LoyaltyService service = loyalty.get().orElseThrow(() -> Rejected.conflict("loyalty-unavailable",
                "The loyalty plugin is not started, so bills cannot be posted."));
        RowMapper mapper = new RowMapper(c.mapping());
        BatchPoster poster = new BatchPoster(service, ConnectorRunner.ACTOR);
        List<ConnectorStore.StoredReject> rejects = tx.inTransaction(t -> store.openRejects(t.sql(), id,
                rejectIds == null ? List.of() : rejectIds));
        int resolved = 0;
        for (ConnectorStore.StoredReject r : rejects) {
            BatchPoster.Result result = poster.post(List.of(mapper.map(r.row())), false, clock.instant());
            String reason = result.refusals().isEmpty() ? null : result.refusals().get(0).reason();
            tx.run(t -> {
                store.retried(t.sql(), r.id(), reason, t.now());
                return null;
            });
            if (reason == null) {
                resolved++;
            }
        }
        int done = resolved;
        tx.run(t -> {
            t.audit(actor, "connector.retry-rejects", "connector", String.valueOf(id), null,
                    Map.of("tried", rejects.size(), "resolved", done));
            return null;
        });
        return resolved;
    }

    @Override
    public List<ConnectorInfo> unhealthy() {
        return list().stream().filter(c -> c.health() != null).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Checked(String name, Map<String, String> settings, Mapping mapping) {
    }

    private ErpConnector checkType(String type) {
        if (type == null || type.isBlank()) {
            throw Rejected.invalid("Validation failed.", Map.of("type", "Choose a connector type."));
        }
        return types.find(type).orElseThrow(() -> Rejected.invalid("Validation failed.", Map.of("type",
                "Unknown connector type '" + type + "'; available: " + types.all().stream().map(ConnectorType::type)
                        .toList())));
    }

    private Checked check(ErpConnector type, ConnectorDraft draft, long id) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty()) {
            errors.put("name", "A name is required (e.g. the store or database it reads).");
        } else if (name.length() > 100) {
            errors.put("name", "At most 100 characters.");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        draft.settings().forEach((k, v) -> settings.put(k, v == null ? "" : v.trim()));
        SettingsValidation.errors(type.settings(), settings).forEach((k, v) -> errors.put("settings." + k, v));
        Mapping mapping = draft.mapping() == null ? type.mapping().defaults() : draft.mapping();
        RowMapper.problems(mapping).forEach((k, v) -> errors.put("mapping." + k, v));
        if (!errors.isEmpty()) {
            throw Rejected.invalid("The connector cannot be saved: " + String.join("; ", errors.values()), errors);
        }
        return new Checked(name, settings, mapping);
    }

    private ErpSourceConfig config(ErpConnector type, long id, Map<String, String> settings, Mapping mapping) {
        return new ErpSourceConfig(id, SettingsValidation.effective(type.settings(), settings), mapping, env);
    }

    private ConnectorStore.Stored stored(io.loyaltyhub.api.data.SqlRunner sql, long id) {
        return store.find(sql, id).orElseThrow(() -> notFound(id));
    }

    private ConnectorInfo info(io.loyaltyhub.api.data.SqlRunner sql, ConnectorStore.Stored c, Instant now) {
        RunInfo last = store.runs(sql, c.id(), 1, now).stream().findFirst().orElse(null);
        Long lag = c.newestBillAt() == null ? null : Math.max(0, Duration.between(c.newestBillAt(), now).toSeconds());
        String problem = null;
        if (c.consecutiveFailures() >= health.failuresInARow()) {
            problem = c.consecutiveFailures() + " runs failed in a row" + (last != null && last.error() != null
                    ? ": " + last.error() : "");
        } else if (c.running() && lag != null && lag > health.maxLag().toSeconds()) {
            problem = "the newest bill read is " + Durations.human(Duration.ofSeconds(lag)) + " old";
        }
        ErpConnector type = types.find(c.type()).orElse(null);
        return new ConnectorInfo(c.id(), c.name(), c.type(), c.state(),
                type == null ? c.settings() : redacted(type, c.settings()), c.mapping(), c.cursor(), last, lag,
                c.consecutiveFailures(), problem, store.openRejects(sql, c.id()), c.createdAt());
    }

    private static Map<String, Object> redacted(ErpConnector type, String name, Map<String, String> settings,
                                                Mapping mapping) {
        return Map.of("name", name, "settings", redacted(type, settings), "mapping", mapping);
    }

    /** SECRET settings are never shown back. */
    private static Map<String, String> redacted(ErpConnector type, Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>(settings);
        for (SettingDefinition d : type.settings().settings()) {
            if (d.type() == SettingType.SECRET && out.containsKey(d.key()) && !out.get(d.key()).isEmpty()) {
                out.put(d.key(), MASK);
            }
        }
        return out;
    }

    private static Rejected notFound(long id) {
        return Rejected.notFound("connector-not-found", "No connector " + id + ".");
    }

    private static Rejected nameTaken(String name) {
        return Rejected.invalid("Validation failed.", Map.of("name", "Another connector is called '" + name + "'."));
    }

    /** Lag in words for the dashboard. */
    static final class Durations {
        private Durations() {
        }

        static String human(Duration d) {
            long s = d.toSeconds();
            if (s < 120) {
                return s + " seconds";
            }
            if (s < 7200) {
                return s / 60 + " minutes";
            }
            if (s < 172_800) {
                return s / 3600 + " hours";
            }
            return s / 86_400 + " days";
        }
    }
}
