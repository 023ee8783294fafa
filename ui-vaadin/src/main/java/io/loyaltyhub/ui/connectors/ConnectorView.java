package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ConnectorDraft;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ConnectorType;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.api.erp.RunInfo;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One connector ({@code connectors/<id>}) or a new one ({@code connectors/new}): what it is doing, test, preview,
 * run, pause or resume, read again from a date, its runs (live while one is going), its rejected rows, and its
 * settings and mapping. Changes need {@code connectors:write}.
 */
@Route(value = "connectors/:" + ConnectorView.ID, layout = MainLayout.class)
@PageTitle("Connector | Loyalty admin")
@RequiredScope(ConnectorCalls.READ)
public class ConnectorView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ID = "id";
    public static final String NEW = "new";
    static final int POLL_MILLIS = 1000;
    static final int AWAIT_POLLS = 10;

    private final transient ErpConnectors connectors;
    final transient ConnectorCalls calls = new ConnectorCalls();
    private List<ConnectorType> types = List.of();
    ConnectorInfo connector;
    private UI ui;
    private Registration poll;
    private boolean wasRunning;
    /** Polls to wait for a run just asked for to show up (the server starts it within a few seconds). */
    private int awaitingRun;

    final H2 title = new H2();
    final ErrorText notFound = new ErrorText("connector-not-found");
    final Span state = new Span();
    final Span lastRun = new Span();
    final Span lag = new Span();
    final Span openRejects = new Span();
    final HealthBadge health = new HealthBadge(null);
    final FlexLayout facts;
    final Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create());
    final Button test = new Button("Test connection", VaadinIcon.CONNECT.create());
    final Button preview = new Button("Preview", VaadinIcon.EYE.create());
    final Button runNow = new Button("Run now", VaadinIcon.PLAY.create());
    final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    final Button resume = new Button("Resume", VaadinIcon.PLAY_CIRCLE.create());
    final BackfillControl backfill;
    final Div checkResult = new Div();
    final ErrorText error = new ErrorText("connector-action-error");
    final TabSheet tabs = new TabSheet();
    final Div formBox = new Div();
    /** A new connector has only its form: no runs, rejects or preview yet. */
    final Div newBox = new Div();
    ConnectorForm form;
    final PreviewGrid previewGrid = new PreviewGrid();
    final RunsPanel runs = new RunsPanel();
    final RejectsPanel rejects;
    Tab runsTab;
    Tab rejectsTab;
    Tab settingsTab;
    Tab previewTab;

    public ConnectorView(ErpConnectors connectors) {
        this.connectors = connectors;
        this.rejects = new RejectsPanel(connectors, calls, this::refreshRuns);
        title.setId("connector-title");
        state.setId("connector-state");
        lastRun.setId("connector-last-run");
        lag.setId("connector-lag");
        openRejects.setId("connector-open-rejects");
        health.setId("connector-health");
        facts = new FlexLayout(labelled("State", state), labelled("Last run", lastRun),
                labelled("Newest bill is behind by", lag), labelled("Rejected rows waiting", openRejects),
                labelled("Health", health));
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-l)");

        refresh.setId("connector-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        refresh.addClickListener(e -> {
            refreshRuns();
            rejects.load(connector.id());
        });
        test.setId("connector-test");
        test.addClickListener(e -> testConnection());
        preview.setId("connector-preview");
        preview.addClickListener(e -> preview());
        runNow.setId("connector-run-now");
        runNow.addClickListener(e -> runNow());
        pause.setId("connector-pause");
        pause.addClickListener(e -> pauseOrResume(true));
        resume.setId("connector-resume");
        resume.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        resume.addClickListener(e -> pauseOrResume(false));
        backfill = new BackfillControl(connectors, calls, () -> connector.id(), error, () -> {
            tabs.setSelectedTab(runsTab);
            awaitingRun = AWAIT_POLLS;
            refreshRuns();
        });
        HorizontalLayout actions = new HorizontalLayout(test, preview, runNow, pause, resume, refresh);
        actions.setWrap(true);
        checkResult.setId("connection-check");
        checkResult.getStyle().set("white-space", "pre-line");
        checkResult.setVisible(false);

        formBox.setWidthFull();
        newBox.setWidthFull();
        newBox.setVisible(false);
        runsTab = tabs.add("Runs", runs);
        runsTab.setId("tab-runs");
        rejectsTab = tabs.add("Rejected rows", rejects);
        rejectsTab.setId("tab-rejects");
        settingsTab = tabs.add("Settings and mapping", formBox);
        settingsTab.setId("tab-settings");
        previewTab = tabs.add("Preview", previewGrid);
        previewTab.setId("tab-preview");
        tabs.setWidthFull();
        tabs.setId("connector-tabs");
        tabs.addSelectedChangeListener(e -> {
            if (e.isFromClient() && e.getSelectedTab() == rejectsTab && connector != null) {
                rejects.load(connector.id());
            }
        });
        add(new Anchor("connectors", "← Connectors"), title, notFound, facts, actions, backfill, checkResult,
                error, newBox, tabs);
    }

    private static Component labelled(String label, Component value) {
        Span caption = new Span(label + ": ");
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(caption, value);
    }

    /** The address of a connector's page, relative to the admin UI's base. */
    public static String path(long connectorId) {
        return "connectors/" + connectorId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ui = event.getUI();
        show(event.getRouteParameters().get(ID).orElse(""));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
        super.onDetach(event);
    }

    void show(String idText) {
        types = calls.call(connectors::types, error::show).orElse(List.of());
        stopPolling();
        wasRunning = false;
        awaitingRun = 0;
        connector = null;
        checkResult.setVisible(false);
        error.clear();
        notFound.clear();
        newBox.removeAll();
        newBox.setVisible(false);
        formBox.removeAll();
        previewGrid.clear();
        if (NEW.equals(idText)) {
            showNew();
            return;
        }
        OptionalLong id = parseId(idText);
        Optional<ConnectorInfo> found = id.isPresent()
                ? calls.call(() -> connectors.get(id.getAsLong()), notFound::show) : Optional.empty();
        if (found.isEmpty()) {
            title.setText("Connector not found");
            if (notFound.message().isEmpty()) {
                notFound.show("There is no connector " + idText + ".");
            }
            facts.setVisible(false);
            setActionsVisible(false);
            tabs.setVisible(false);
            return;
        }
        connector = found.get();
        form = new ConnectorForm(types, this::save);
        form.show(connector, typeOf(connector.type()));
        form.setEditable(calls.mayWrite() && typeOf(connector.type()) != null);
        formBox.add(form);
        tabs.setVisible(true);
        rejects.load(connector.id());
        showConnector(connector);
        List<RunInfo> all = loadRuns();
        tabs.setSelectedTab(all.isEmpty() ? settingsTab : runsTab);
    }

    private void showNew() {
        title.setText("New connector");
        facts.setVisible(false);
        setActionsVisible(false);
        test.setVisible(calls.mayWrite());
        form = new ConnectorForm(types, this::save);
        form.showNew();
        boolean write = calls.mayWrite();
        form.setEditable(write);
        if (!write) {
            notFound.show("Your role may not add connectors.");
        }
        tabs.setVisible(false);
        newBox.add(form);
        newBox.setVisible(true);
    }

    private ConnectorType typeOf(String type) {
        return types.stream().filter(t -> t.type().equals(type)).findFirst().orElse(null);
    }

    static OptionalLong parseId(String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.strip());
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void setActionsVisible(boolean visible) {
        boolean write = visible && calls.mayWrite();
        test.setVisible(write);
        preview.setVisible(visible);
        refresh.setVisible(visible);
        runNow.setVisible(write);
        pause.setVisible(write);
        resume.setVisible(write);
        backfill.setVisible(write);
    }

    void showConnector(ConnectorInfo c) {
        connector = c;
        title.setText(c.name());
        facts.setVisible(true);
        setActionsVisible(true);
        boolean paused = ConnectorTexts.paused(c.state());
        pause.setVisible(pause.isVisible() && !paused);
        resume.setVisible(resume.isVisible() && paused);
        state.setText(ConnectorTexts.state(c.state()));
        state.getElement().setAttribute("data-state", c.state() == null ? "" : c.state());
        lastRun.setText(ConnectorTexts.lastRun(c.lastRun()));
        lag.setText(ConnectorTexts.lag(c.lagSeconds()));
        openRejects.setText(ConnectorTexts.number(c.openRejects()));
        health.show(c.health());
        rejectsTab.setLabel("Rejected rows (" + ConnectorTexts.number(c.openRejects()) + ")");
        long shown = rejects.openCount();
        if (shown != c.openRejects() && !(shown >= RejectsPanel.LIMIT && c.openRejects() >= RejectsPanel.LIMIT)) {
            // rows were refused or posted since the list was read
            rejects.load(c.id());
        }
    }

    /** Reads the runs again; keeps polling while one is going. */
    List<RunInfo> loadRuns() {
        List<RunInfo> all = calls.call(() -> connectors.runs(connector.id(), RunsPanel.LIMIT), error::show)
                .orElse(List.of());
        runs.show(all, calls.clock.instant());
        boolean running = runs.anyRunning() || ConnectorTexts.running(connector.lastRun());
        if (running) {
            awaitingRun = 0;
        } else if (awaitingRun > 0) {
            awaitingRun--;
        }
        if (wasRunning && !running) {
            // a run just ended: what it refused is in the rejects now
            rejects.load(connector.id());
            all.stream().findFirst().ifPresent(r -> calls.success.accept("The run has finished: "
                    + ConnectorTexts.counts(r)));
        }
        wasRunning = running;
        if (running || awaitingRun > 0) {
            startPolling();
        } else {
            stopPolling();
        }
        return all;
    }

    /** The connector's facts and its runs, again (the poll, and after every action). */
    void refreshRuns() {
        if (connector == null) {
            return;
        }
        calls.call(() -> connectors.get(connector.id()), error::show).ifPresent(this::showConnector);
        loadRuns();
    }

    private void startPolling() {
        UI current = ui != null ? ui : UI.getCurrent();
        if (current == null || poll != null) {
            return;
        }
        current.setPollInterval(POLL_MILLIS);
        poll = current.addPollListener(e -> refreshRuns());
    }

    private void stopPolling() {
        if (poll != null) {
            poll.remove();
            poll = null;
            UI current = ui != null ? ui : UI.getCurrent();
            if (current != null) {
                current.setPollInterval(-1);
            }
        }
    }

    /** Saves the form: creates the connector (then opens its page) or changes it. */
    void save(ConnectorForm f) {
        f.clearErrors();
        if (!calls.mayWrite()) {
            f.error.show("Your role may not change connectors.");
            return;
        }
        ConnectorDraft draft = f.draft();
        if (draft.type() == null) {
            f.error.show("Choose the type first.");
            return;
        }
        try {
            if (connector == null) {
                ConnectorInfo created = connectors.create(calls.requireActor(), draft);
                calls.success.accept("Connector " + created.name() + " saved. It is paused: test it, look at the "
                        + "preview, then resume it.");
                if (ui != null) {
                    ui.navigate(ConnectorView.class, new RouteParameters(ID, String.valueOf(created.id())));
                    // the save button is at the bottom of a long form: show the connector's page from its top
                    title.getElement().executeJs("this.scrollIntoView({block: 'start'})");
                }
            } else {
                ConnectorInfo updated = connectors.update(calls.requireActor(), connector.id(), draft);
                f.markSaved();
                calls.success.accept("Connector " + updated.name() + " saved.");
                showConnector(updated);
            }
        } catch (Rejected e) {
            f.showRejected(e);
        } catch (RuntimeException e) {
            f.error.show(ConnectorCalls.failure(e));
        }
    }

    void testConnection() {
        error.clear();
        boolean unsaved = connector == null || form.changed();
        if (unsaved && form.draft().type() == null) {
            error.show("Choose the type first.");
            return;
        }
        calls.call(() -> unsaved ? connectors.test(form.draft()) : connectors.test(connector.id()), error::show)
                .ifPresent(this::showCheck);
    }

    void showCheck(ConnectionCheck check) {
        checkResult.setText(ConnectorTexts.check(check));
        checkResult.getElement().setAttribute("data-ok", String.valueOf(check.ok()));
        checkResult.getStyle().set("color", check.ok() ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)");
        checkResult.setVisible(true);
    }

    void preview() {
        error.clear();
        if (form.changed()) {
            error.show("Save the changes first: the preview reads with the saved settings and mapping.");
            return;
        }
        calls.call(() -> connectors.preview(connector.id()), error::show).ifPresent(rows -> {
            previewGrid.show(rows);
            tabs.setSelectedTab(previewTab);
        });
    }

    void runNow() {
        error.clear();
        calls.call(() -> connectors.runNow(calls.requireActor(), connector.id()), error::show).ifPresent(run -> {
            calls.success.accept("Reading new bills now.");
            tabs.setSelectedTab(runsTab);
            awaitingRun = AWAIT_POLLS;
        });
        // also when refused (a run already going): show the run that is going
        refreshRuns();
    }

    void pauseOrResume(boolean pausing) {
        error.clear();
        boolean done = calls.run(() -> {
            if (pausing) {
                connectors.pause(calls.requireActor(), connector.id());
            } else {
                connectors.resume(calls.requireActor(), connector.id());
            }
        }, error::show);
        if (done) {
            calls.success.accept(pausing ? "Paused: no bills are read until you resume it."
                    : "Resumed: the connector reads new bills on its own now.");
            awaitingRun = pausing ? 0 : AWAIT_POLLS;
            refreshRuns();
        }
    }
}
