package io.loyaltyhub.ui.connectors;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.PreviewRow;
import io.loyaltyhub.api.erp.RejectInfo;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.loyaltyhub.ui.connectors.FakeErpConnectors.T0;
import static io.loyaltyhub.ui.connectors.FakeErpConnectors.connector;
import static io.loyaltyhub.ui.connectors.FakeErpConnectors.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The connector pages without a browser: a fake service, buttons pressed on the server side. */
class ConnectorViewsTest {

    static final Actor MANAGER = Actor.staff(2, "maria", Role.MANAGER);
    static final Actor SUPPORT = Actor.staff(3, "sam", Role.SUPPORT);

    final FakeErpConnectors service = new FakeErpConnectors();
    final List<String> successes = new ArrayList<>();

    void as(Actor actor, ConnectorCalls calls) {
        calls.actor = () -> Optional.ofNullable(actor);
        calls.success = successes::add;
        calls.error = m -> {
            throw new AssertionError("unexpected error notification: " + m);
        };
        calls.clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    }

    ConnectorView view(Actor actor, String id) {
        ConnectorView view = new ConnectorView(service);
        as(actor, view.calls);
        view.show(id);
        return view;
    }

    @Test
    void theListSaysWhenThereAreNoConnectors() {
        ConnectorsView list = new ConnectorsView(service);
        as(MANAGER, list.calls);
        list.refresh();
        assertThat(list.empty.isVisible()).isTrue();
        assertThat(list.empty.getText()).isEqualTo("No connectors yet. Create one to bring bills in from your ERP.");
        assertThat(list.add.isVisible()).isTrue();

        service.add(connector(1, "Head office", "RUNNING", run(1, "OK", 12, 3, 1), "3 runs failed in a row"));
        as(SUPPORT, list.calls);
        list.refresh();
        assertThat(list.empty.isVisible()).isFalse();
        assertThat(list.grid.getElement().getAttribute("data-count")).isEqualTo("1");
        assertThat(list.add.isVisible()).as("support only looks").isFalse();
    }

    @Test
    void creatingAConnectorSendsTheDraft() {
        ConnectorView view = view(MANAGER, "new");
        assertThat(view.title.getText()).isEqualTo("New connector");
        assertThat(view.tabs.isVisible()).isFalse();
        assertThat(view.runNow.isVisible()).isFalse();
        assertThat(view.test.isVisible()).isTrue();
        view.form.choose(FakeErpConnectors.CSV);
        view.form.name.setValue("Till exports");

        view.testConnection();
        assertThat(service.calls).containsExactly("test draft");
        assertThat(view.checkResult.getText()).isEqualTo("The connection works: 2 files waiting");

        view.form.save.click();
        assertThat(service.calls).containsExactly("test draft", "create");
        assertThat(service.lastDraft.name()).isEqualTo("Till exports");
        assertThat(service.lastDraft.mapping().column(BillField.BILL_NUMBER)).hasValue("invoice_no");
        assertThat(successes).anyMatch(s -> s.startsWith("Connector Till exports saved. It is paused"));
    }

    @Test
    void aRefusedSaveMarksTheFields() {
        ConnectorView view = view(MANAGER, "new");
        view.form.choose(FakeErpConnectors.CSV);
        service.refuse = Rejected.invalid("Not saved.", Map.of("settings.folder", "The folder does not exist."));
        view.form.save.click();
        assertThat(view.form.settings.field("folder").orElseThrow().hasError()).isTrue();
        assertThat(view.form.error.message()).isEqualTo("Not saved.");
    }

    @Test
    void supportMayNotAddConnectors() {
        ConnectorView view = view(SUPPORT, "new");
        assertThat(view.notFound.message()).isEqualTo("Your role may not add connectors.");
        assertThat(view.form.save.isVisible()).isFalse();
    }

    @Test
    void aConnectorsPageShowsItsStateRunsAndActions() {
        service.add(connector(1, "Head office", "PAUSED", run(1, "OK", 12, 3, 1), null));
        service.runs.add(run(1, "OK", 12, 3, 1));
        ConnectorView view = view(MANAGER, "1");
        assertThat(view.title.getText()).isEqualTo("Head office");
        assertThat(view.state.getText()).isEqualTo("Paused");
        assertThat(view.lag.getText()).isEqualTo("2 min");
        assertThat(view.health.getText()).isEqualTo("OK");
        assertThat(view.resume.isVisible()).isTrue();
        assertThat(view.pause.isVisible()).isFalse();
        assertThat(view.tabs.getSelectedTab()).isSameAs(view.runsTab);
        assertThat(view.runs.grid.getElement().getAttribute("data-count")).isEqualTo("1");
        assertThat(view.runs.live.isVisible()).isFalse();
        assertThat(view.runs.chart.getElement().getProperty("innerHTML")).contains("<svg", "data-value='12'");

        view.pauseOrResume(false);
        assertThat(service.calls).contains("resume 1");
        assertThat(view.state.getText()).isEqualTo("Running");
        assertThat(view.pause.isVisible()).isTrue();

        view.runNow();
        assertThat(view.runs.live.isVisible()).as("the new run is going").isTrue();
        assertThat(view.runs.progressText.getText()).isEqualTo("Regular check: 0 of 1,000 rows · 50 rows/s · "
                + "less than a minute left");
        assertThat(view.runs.progress.isIndeterminate()).isFalse();
    }

    @Test
    void aConnectionProblemShowsWhatKindAndTheSourcesWords() {
        service.add(connector(1, "Db", "PAUSED", null, null));
        service.check = new ConnectionCheck(ErpProblem.UNREACHABLE, "Folder /data/in does not exist");
        ConnectorView view = view(MANAGER, "1");
        assertThat(view.tabs.getSelectedTab()).as("no runs yet").isSameAs(view.settingsTab);
        view.testConnection();
        assertThat(service.calls).containsExactly("test 1");
        assertThat(view.checkResult.getText())
                .isEqualTo("The connection failed: cannot reach the source.\nFolder /data/in does not exist");
        assertThat(view.checkResult.getElement().getAttribute("data-ok")).isEqualTo("false");
    }

    @Test
    void previewShowsMappedRowsAndProblems() {
        service.add(connector(1, "Files", "PAUSED", null, null));
        service.preview = List.of(
                new PreviewRow("invoices.csv:2", "BILL", Map.of("BILL_NUMBER", "INV-1", "CUSTOMER_MOBILE",
                        "+919800000001"), Map.of(), "would earn 12 points", true),
                new PreviewRow("invoices.csv:4", "BILL", Map.of("BILL_NUMBER", "INV-3"),
                        Map.of("CUSTOMER_MOBILE", "is empty"), "refused", false));
        ConnectorView view = view(MANAGER, "1");
        view.preview();
        assertThat(view.tabs.getSelectedTab()).isSameAs(view.previewTab);
        assertThat(view.previewGrid.grid.getColumns()).extracting(c -> c.getHeaderText())
                .containsExactly("Row", "Kind", "Bill number", "Customer mobile", "Check");
        assertThat(PreviewGrid.checkText(service.preview.get(0))).isEqualTo("✓ would earn 12 points");
        assertThat(PreviewGrid.checkText(service.preview.get(1))).isEqualTo("Customer mobile: is empty; refused");

        view.form.name.setValue("Changed");
        view.preview();
        assertThat(view.error.message()).startsWith("Save the changes first");
    }

    @Test
    void retryingRejectsSaysHowManyWerePosted() {
        service.add(connector(1, "Files", "RUNNING", null, null));
        service.rejects.add(new RejectInfo(7, 1, 1, "invoices.csv:4", "INV-3", "no customer mobile",
                Map.of("invoice_no", "INV-3", "mobile", ""), "OPEN", 1, T0, null));
        service.rejects.add(new RejectInfo(8, 1, 1, "invoices.csv:5", "INV-4", "unknown store",
                Map.of("invoice_no", "INV-4"), "RESOLVED", 2, T0, T0));
        ConnectorView view = view(MANAGER, "1");
        view.tabs.setSelectedTab(view.rejectsTab);
        assertThat(view.rejects.retryAll.isEnabled()).isTrue();
        assertThat(view.rejects.retrySelected.isEnabled()).as("nothing selected").isFalse();
        service.resolveOnRetry = 0;
        view.rejects.retry(false);
        assertThat(service.lastRetry).as("empty: every open one").isEmpty();
        assertThat(successes).contains("0 of 1 row posted now; 1 is still refused (see the reason).");

        view.rejects.grid.select(service.rejects.get(0));
        service.resolveOnRetry = 1;
        view.rejects.retry(true);
        assertThat(service.lastRetry).containsExactly(7L);
        assertThat(successes).contains("1 of 1 row posted now.");
    }

    @Test
    void rejectTexts() {
        assertThat(RejectsPanel.retried(3, 4))
                .isEqualTo("3 of 4 rows posted now; 1 is still refused (see the reason).");
        java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("invoice_no", "INV-3");
        row.put("mobile", "");
        row.put("lines", List.of(Map.of("sku", "A1"), Map.of("sku", "B2")));
        assertThat(RejectsPanel.rowText(row))
                .isEqualTo("invoice_no: INV-3\nmobile: \nLines:\n  1. sku: A1\n  2. sku: B2");
    }

    @Test
    void readingAgainFromADate() {
        service.add(connector(1, "Files", "RUNNING", null, null));
        ConnectorView view = view(MANAGER, "1");
        view.backfill.confirm();
        assertThat(view.error.message()).isEqualTo("Choose the date to read again from.");
        view.backfill.backfill(java.time.LocalDate.of(2026, 2, 1));
        assertThat(service.calls).containsExactly("backfill 1 2026-02-01");
        assertThat(successes).contains("Reading again from 1 Feb 2026.");
        assertThat(view.tabs.getSelectedTab()).isSameAs(view.runsTab);
        assertThat(view.backfill.isVisible()).isTrue();
        assertThat(view(SUPPORT, "1").backfill.isVisible()).as("support only looks").isFalse();
    }

    @Test
    void anUnknownConnectorSaysSo() {
        ConnectorView view = view(MANAGER, "99");
        assertThat(view.title.getText()).isEqualTo("Connector not found");
        assertThat(view.notFound.message()).isEqualTo("There is no connector 99.");
        assertThat(view.tabs.isVisible()).isFalse();
    }

    @Test
    void bannersForUnhealthyConnectors() {
        ConnectorInfo sick = service.add(connector(4, "Store 12", "RUNNING", null, "3 runs failed in a row"));
        service.add(connector(5, "Fine", "RUNNING", null, null));
        ConnectorBanners banners = new ConnectorBanners();
        banners.refresh(service);
        assertThat(banners.isVisible()).isTrue();
        assertThat(banners.getChildren()).hasSize(1);
        assertThat(ConnectorBanners.text(sick)).isEqualTo("Connector Store 12: 3 runs failed in a row");
        assertThat(banners.getChildren().findFirst().orElseThrow().getElement().getAttribute("href"))
                .isEqualTo("connectors/4");
    }

    @Test
    void chartRowsAreTheLastRunsOldestFirst() {
        List<io.loyaltyhub.api.erp.RunInfo> newestFirst = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            newestFirst.add(run(i, "OK", i, 0, 0));
        }
        String svg = RunsPanel.chart(newestFirst).svg();
        assertThat(svg.split("class='segment'", -1)).hasSize(RunsPanel.CHART_RUNS + 1);
        assertThat(svg.indexOf("data-value='9'")).isLessThan(svg.indexOf("data-value='20'"));
    }
}
