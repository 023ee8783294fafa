package io.loyaltyhub.ui.affiliates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fraud review queue: open alerts first, each with its evidence (key and value; click a row
 * for the full list), resolved as confirmed fraud (what it held is rejected) or a false alarm
 * (released), with a note ({@code affiliates:write}). Row buttons: {@code alert-confirm-<id>},
 * {@code alert-dismiss-<id>}.
 */
@Route(value = "fraud-alerts", layout = MainLayout.class)
@PageTitle("Fraud alerts | Loyalty admin")
@RequiredScope(Interactions.READ)
public class FraudAlertsView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 500;

    private final transient AffiliateService service;
    final transient Interactions ui = new Interactions();
    private final transient AffiliateNames names;
    final Checkbox openOnly = new Checkbox("Open alerts only");
    final Grid<FraudAlert> grid = new Grid<>();
    final Span count = new Span();
    final ErrorText error = new ErrorText("alerts-error");

    public FraudAlertsView(AffiliateService service) {
        this.service = service;
        this.names = new AffiliateNames(service);
        setSizeFull();

        openOnly.setId("alerts-open-only");
        openOnly.addValueChangeListener(e -> refresh());
        count.setId("alerts-count");
        count.getStyle().set("color", "var(--lumo-secondary-text-color)");

        grid.setId("alerts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(a -> Times.format(a.raisedAt())).setHeader("Raised").setAutoWidth(true);
        grid.addColumn(Queues::alertState).setHeader("State").setAutoWidth(true)
                .setClassNameGenerator(a -> a.resolvedAt() == null ? "alert-open" : "alert-resolved");
        grid.addColumn(FraudAlert::rule).setHeader("Rule").setAutoWidth(true);
        grid.addComponentColumn(this::affiliateLink).setHeader("Affiliate").setAutoWidth(true);
        grid.addColumn(a -> a.customerId() == null ? "" : "#" + a.customerId()).setHeader("Customer").setAutoWidth(true);
        grid.addColumn(a -> Formats.text(a.subject())).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(a -> Formats.text(a.summary())).setHeader("Summary").setWidth("16em").setFlexGrow(1);
        grid.addColumn(a -> Queues.evidenceInline(a.evidence())).setHeader("Evidence").setWidth("18em").setFlexGrow(1)
                .setTooltipGenerator(a -> String.join("\n", Queues.evidenceLines(a.evidence())));
        grid.addColumn(FraudAlertsView::resolution).setHeader("Resolved").setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(FraudAlertsView::evidence));
        grid.setDetailsVisibleOnClick(true);

        HorizontalLayout top = new HorizontalLayout(openOnly, count);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Fraud alerts"), top, error, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        error.clear();
        names.clear();
        List<FraudAlert> alerts = Queues.alertQueue(ui.call(() -> service.alerts(openOnly.getValue(), LIMIT),
                error::show).orElse(List.of()));
        grid.setItems(alerts).setIdentifierProvider(FraudAlert::id);
        long open = alerts.stream().filter(a -> a.resolvedAt() == null).count();
        grid.getElement().setAttribute("data-open", String.valueOf(open));
        count.setText(open + (open == 1 ? " open alert" : " open alerts"));
    }

    /** "by alice at 2026-03-01 10:00:00", or "" while open. */
    static String resolution(FraudAlert a) {
        if (a.resolvedAt() == null) {
            return "";
        }
        return "by " + Formats.text(a.resolvedBy()) + " at " + Times.format(a.resolvedAt());
    }

    /** The evidence as a key/value list (keys in alphabetical order). */
    static Component evidence(FraudAlert a) {
        Div list = new Div();
        list.addClassName("alert-evidence");
        list.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "0 var(--lumo-space-m)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        Map<String, String> sorted = new TreeMap<>(a.evidence() == null ? Map.of() : a.evidence());
        if (sorted.isEmpty()) {
            list.add(new Span("No evidence recorded."));
        }
        sorted.forEach((k, v) -> {
            Span key = new Span(k);
            key.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Span value = new Span(Formats.text(v));
            value.getStyle().set("word-break", "break-all");
            list.add(key, value);
        });
        return list;
    }

    private Component affiliateLink(FraudAlert a) {
        if (a.affiliateId() == null) {
            return new Span();
        }
        return new Anchor(AffiliateDetailView.path(a.affiliateId()), names.label(a.affiliateId()));
    }

    /** Buttons for an open alert: confirm fraud or dismiss as a false alarm. */
    Component rowActions(FraudAlert a) {
        boolean show = ui.mayWrite() && a.resolvedAt() == null;
        Button fraud = new Button("Fraud", e -> openResolve(a, true));
        fraud.setId("alert-confirm-" + a.id());
        fraud.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        fraud.setVisible(show);
        Button falseAlarm = new Button("False alarm", e -> openResolve(a, false));
        falseAlarm.setId("alert-dismiss-" + a.id());
        falseAlarm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        falseAlarm.setVisible(show);
        HorizontalLayout actions = new HorizontalLayout(fraud, falseAlarm);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    void openResolve(FraudAlert a, boolean confirmed) {
        String explanation = confirmed
                ? (a.holding() ? "What this alert holds is rejected." : "The alert is closed as fraud.")
                : (a.holding() ? "What this alert holds is released." : "The alert is closed as a false alarm.");
        ui.open(new ReasonDialog("alert-resolve", (confirmed ? "Confirm fraud: " : "False alarm: ")
                + Formats.text(a.summary()), explanation, "Note", confirmed ? "Confirm fraud" : "Close as false alarm",
                true, (note, showError) -> {
                    if (!ui.mayWrite()) {
                        showError.accept("Your role may not resolve fraud alerts.");
                        return false;
                    }
                    Optional<FraudAlert> done = ui.call(
                            () -> service.resolveAlert(ui.requireActor(), a.id(), confirmed, note), showError);
                    done.ifPresent(d -> {
                        ui.success.accept("Alert " + (confirmed ? "confirmed as fraud" : "closed as a false alarm"));
                        refresh();
                    });
                    return done.isPresent();
                }));
    }
}
