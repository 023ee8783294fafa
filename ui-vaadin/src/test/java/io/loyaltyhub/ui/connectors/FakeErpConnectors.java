package io.loyaltyhub.ui.connectors;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ConnectorDraft;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ConnectorType;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.api.erp.MappingSchema;
import io.loyaltyhub.api.erp.PreviewRow;
import io.loyaltyhub.api.erp.RejectInfo;
import io.loyaltyhub.api.erp.RunInfo;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingsSchema;
import io.loyaltyhub.api.platform.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connectors in memory, recording what the views asked. */
class FakeErpConnectors implements ErpConnectors {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static final MappingSchema CSV_MAPPING = new MappingSchema(columns(
            BillField.BILL_NUMBER, "invoice_no", BillField.BILLED_AT, "invoice_date",
            BillField.CUSTOMER_MOBILE, "mobile", BillField.CUSTOMER_NAME, "customer_name",
            BillField.AMOUNT, "net_amount", BillField.CURRENCY, "currency", BillField.STORE_ID, "store_code",
            BillField.ROW_TYPE, "type"));

    static final ConnectorType CSV = new ConnectorType("csv", "CSV files", "erp-csv", SettingsSchema.of(
            SettingDefinition.of("folder", SettingType.STRING, null, "Where the files are dropped."),
            SettingDefinition.of("delimiter", SettingType.STRING, ",", ""),
            SettingDefinition.of("currency", SettingType.STRING, "INR", "")), CSV_MAPPING);

    static final ConnectorType JDBC = new ConnectorType("jdbc", "SQL database (JDBC)", "erp-jdbc", SettingsSchema.of(
            SettingDefinition.of("url", SettingType.STRING, null, "The database address."),
            SettingDefinition.of("password-env", SettingType.STRING, "", "The password."),
            SettingDefinition.of("api-token", SettingType.SECRET, "", "")),
            new MappingSchema(columns(BillField.BILL_NUMBER, "bill_no", BillField.BILLED_AT, "bill_time",
                    BillField.CUSTOMER_MOBILE, "mobile", BillField.AMOUNT, "amount")));

    List<ConnectorType> types = new ArrayList<>(List.of(CSV, JDBC));
    final List<ConnectorInfo> connectors = new ArrayList<>();
    final List<RunInfo> runs = new ArrayList<>();
    final List<RejectInfo> rejects = new ArrayList<>();
    List<PreviewRow> preview = List.of();
    final List<String> calls = new ArrayList<>();
    ConnectorDraft lastDraft;
    ConnectionCheck check = ConnectionCheck.ok("2 files waiting");
    RuntimeException refuse;
    int resolveOnRetry;
    List<Long> lastRetry;

    static Map<BillField, String> columns(Object... pairs) {
        Map<BillField, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((BillField) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    static ConnectorInfo connector(long id, String name, String state, RunInfo lastRun, String health) {
        return new ConnectorInfo(id, name, "csv", state, Map.of("folder", "/data/in"), CSV_MAPPING.defaults(),
                "c", lastRun, lastRun == null ? null : 120L, 0, health, 1, T0);
    }

    static RunInfo run(long id, String status, long posted, long duplicates, long rejected) {
        return new RunInfo(id, 1, "POLL", status, T0.plusSeconds(id * 60), "RUNNING".equals(status) ? null
                : T0.plusSeconds(id * 60 + 5), posted + duplicates + rejected, posted, duplicates, rejected, 0, 0,
                "RUNNING".equals(status) ? 1000 : -1, 50, "RUNNING".equals(status) ? 30L : null, 60L, null);
    }

    ConnectorInfo add(ConnectorInfo c) {
        connectors.add(c);
        return c;
    }

    private void maybeRefuse() {
        if (refuse != null) {
            RuntimeException r = refuse;
            refuse = null;
            throw r;
        }
    }

    @Override
    public List<ConnectorType> types() {
        return types;
    }

    @Override
    public List<ConnectorInfo> list() {
        return connectors;
    }

    @Override
    public ConnectorInfo get(long id) {
        return connectors.stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> Rejected.notFound("unknown-connector", "There is no connector " + id + "."));
    }

    @Override
    public ConnectorInfo create(Actor actor, ConnectorDraft draft) {
        calls.add("create");
        lastDraft = draft;
        maybeRefuse();
        return add(new ConnectorInfo(connectors.size() + 1, draft.name(), draft.type(), "PAUSED", draft.settings(),
                draft.mapping(), null, null, null, 0, null, 0, T0));
    }

    @Override
    public ConnectorInfo update(Actor actor, long id, ConnectorDraft draft) {
        calls.add("update " + id);
        lastDraft = draft;
        maybeRefuse();
        ConnectorInfo old = get(id);
        ConnectorInfo updated = new ConnectorInfo(id, draft.name(), old.type(), old.state(), draft.settings(),
                draft.mapping(), old.cursor(), old.lastRun(), old.lagSeconds(), 0, old.health(), old.openRejects(),
                old.createdAt());
        connectors.set(connectors.indexOf(old), updated);
        return updated;
    }

    @Override
    public ConnectionCheck test(long id) {
        calls.add("test " + id);
        return check;
    }

    @Override
    public ConnectionCheck test(ConnectorDraft draft) {
        calls.add("test draft");
        lastDraft = draft;
        return check;
    }

    @Override
    public List<PreviewRow> preview(long id) {
        calls.add("preview " + id);
        return preview;
    }

    @Override
    public RunInfo runNow(Actor actor, long id) {
        calls.add("run " + id);
        maybeRefuse();
        RunInfo r = run(runs.size() + 1, "RUNNING", 0, 0, 0);
        runs.add(0, r);
        return r;
    }

    @Override
    public void pause(Actor actor, long id) {
        calls.add("pause " + id);
        setState(id, "PAUSED");
    }

    @Override
    public void resume(Actor actor, long id) {
        calls.add("resume " + id);
        setState(id, "RUNNING");
    }

    private void setState(long id, String state) {
        ConnectorInfo o = get(id);
        connectors.set(connectors.indexOf(o), new ConnectorInfo(id, o.name(), o.type(), state, o.settings(),
                o.mapping(), o.cursor(), o.lastRun(), o.lagSeconds(), 0, o.health(), o.openRejects(), o.createdAt()));
    }

    @Override
    public RunInfo backfill(Actor actor, long id, LocalDate from) {
        calls.add("backfill " + id + " " + from);
        return run(runs.size() + 1, "RUNNING", 0, 0, 0);
    }

    @Override
    public List<RunInfo> runs(long id, int limit) {
        return runs;
    }

    @Override
    public List<RejectInfo> rejects(long id, boolean openOnly, int limit) {
        return rejects;
    }

    @Override
    public int retry(Actor actor, long id, List<Long> rejectIds) {
        calls.add("retry " + id);
        lastRetry = rejectIds;
        return resolveOnRetry;
    }

    @Override
    public List<ConnectorInfo> unhealthy() {
        return connectors.stream().filter(c -> c.health() != null).toList();
    }
}
