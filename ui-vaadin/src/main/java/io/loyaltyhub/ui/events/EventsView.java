package io.loyaltyhub.ui.events;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.platform.DeadLetter;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.ui.common.Json;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.StatCard;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

/** The outbox backlog and the dead letters, each with a Retry button ({@code events:write}). */
@Route(value = "events", layout = MainLayout.class)
@PageTitle("Events | Loyalty admin")
@RequiredScope("events:read")
public class EventsView extends VerticalLayout implements BeforeEnterObserver {

    static final String WRITE_SCOPE = "events:write";
    static final int LIMIT = 500;

    private final transient EventAdmin events;
    private final StatCard backlog = new StatCard("event-backlog", "Events waiting for their listeners", "-");
    private final Grid<DeadLetter> grid = new Grid<>();

    public EventsView(EventAdmin events) {
        this.events = events;
        setSizeFull();
        grid.setId("dead-letters-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(DeadLetter::eventId).setHeader("Event").setAutoWidth(true);
        grid.addColumn(DeadLetter::eventType).setHeader("Type").setAutoWidth(true);
        grid.addColumn(DeadLetter::listenerId).setHeader("Listener").setAutoWidth(true);
        grid.addColumn(DeadLetter::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> Json.abbreviate(d.lastError(), 80)).setHeader("Last error").setFlexGrow(1)
                .setTooltipGenerator(d -> d.lastError() == null ? "" : d.lastError());
        grid.addColumn(d -> Times.format(d.failedAt())).setHeader("Failed at").setAutoWidth(true);
        grid.addComponentColumn(this::retryButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(EventsView::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setSizeFull();

        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("events-refresh");
        HorizontalLayout top = new HorizontalLayout(backlog, refresh);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new H2("Events"), top, new H3("Dead letters"), grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        backlog.setValue(String.valueOf(events.backlog()));
        grid.setItems(events.deadLetters(LIMIT));
    }

    private Component retryButton(DeadLetter letter) {
        Button retry = new Button("Retry", e -> retry(letter));
        retry.addClassName("retry-dead-letter");
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.setEnabled(CurrentActor.may(WRITE_SCOPE));
        return retry;
    }

    private void retry(DeadLetter letter) {
        if (!CurrentActor.may(WRITE_SCOPE)) {
            Notifications.error("Your role may not retry events.");
            return;
        }
        try {
            events.retry(CurrentActor.require(), letter.eventId(), letter.listenerId());
            Notifications.success("Event " + letter.eventId() + " queued again for " + letter.listenerId());
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            Notifications.error("Could not retry: " + e.getMessage());
        }
        refresh();
    }

    private static Component details(DeadLetter letter) {
        Pre error = new Pre(letter.lastError() == null ? "" : letter.lastError());
        Pre payload = new Pre(Json.pretty(letter.payload()));
        for (Pre pre : new Pre[] {error, payload}) {
            pre.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        }
        return new Div(new H3("Error"), error, new H3("Payload"), payload);
    }
}
