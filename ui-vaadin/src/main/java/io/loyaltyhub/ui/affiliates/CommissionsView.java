package io.loyaltyhub.ui.affiliates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Commissions, filtered by status (pending by default) and affiliate; approving several at once
 * ("Approve selected", one {@code approveCommissions} call), approving or rejecting one (with a
 * reason). Changes need {@code affiliates:write}. The address may carry {@code ?status=approved}
 * (or {@code all}) and {@code ?affiliate=<id>}.
 */
@Route(value = "commissions", layout = MainLayout.class)
@PageTitle("Commissions | Loyalty admin")
@RequiredScope(Interactions.READ)
public class CommissionsView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 500;
    static final String STATUS_PARAM = "status";
    static final String AFFILIATE_PARAM = "affiliate";

    private final transient AffiliateService service;
    final transient Interactions ui = new Interactions();
    private final transient AffiliateNames names;
    final Select<CommissionStatus> statusFilter = new Select<>();
    final ComboBox<Affiliate> affiliateFilter = new ComboBox<>("Affiliate");
    final Grid<Commission> grid = new Grid<>();
    final Button selectPending = new Button("Select all pending");
    final Button approveSelected = new Button("Approve selected", VaadinIcon.CHECK.create());
    final Span selection = new Span();
    final ErrorText error = new ErrorText("commissions-error");
    private boolean selectable;
    private boolean loading;

    public CommissionsView(AffiliateService service) {
        this.service = service;
        this.names = new AffiliateNames(service);
        setSizeFull();

        statusFilter.setId("commissions-status-filter");
        statusFilter.setLabel("Status");
        statusFilter.setItems(CommissionStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All");
        statusFilter.setItemLabelGenerator(Queues::statusLabel);
        statusFilter.setValue(CommissionStatus.PENDING);
        statusFilter.addValueChangeListener(e -> refresh());

        affiliateFilter.setId("commissions-affiliate-filter");
        affiliateFilter.setPlaceholder("All affiliates");
        affiliateFilter.setClearButtonVisible(true);
        affiliateFilter.setItemLabelGenerator(Queues::affiliateLabel);
        affiliateFilter.setWidth("18em");
        affiliateFilter.addValueChangeListener(e -> refresh());

        selectPending.setId("commissions-select-pending");
        selectPending.addClickListener(e -> selectAllPending());
        approveSelected.setId("commissions-approve-selected");
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approveSelected.addClickListener(e -> approveSelected());
        selection.setId("commissions-selection");
        selection.getStyle().set("color", "var(--lumo-secondary-text-color)");

        grid.setId("commissions-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(c -> affiliateLink(c.affiliateId())).setHeader("Affiliate").setAutoWidth(true);
        addCommissionColumns(grid);
        grid.addComponentColumn(this::rowActions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setSelectionMode(Grid.SelectionMode.NONE);

        HorizontalLayout filters = new HorizontalLayout(statusFilter, affiliateFilter);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout bulk = new HorizontalLayout(selectPending, approveSelected, selection);
        bulk.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bulk.setWrap(true);
        add(new H2("Commissions"), filters, bulk, error, grid);
        setFlexGrow(1, grid);
        updateSelection();
    }

    /** The columns every commission grid has (not the affiliate's). */
    static void addCommissionColumns(Grid<Commission> grid) {
        grid.addColumn(c -> Times.format(c.createdAt())).setHeader("Created").setAutoWidth(true)
                .setComparator(Comparator.comparing(Commission::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
        grid.addColumn(Commission::billNumber).setHeader("Bill").setAutoWidth(true);
        grid.addColumn(c -> c.level() == 1 ? "referral" : "level " + c.level()).setHeader("Level").setAutoWidth(true);
        grid.addColumn(c -> MoneyText.format(c.billAmount())).setHeader("Bill amount").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> MoneyText.format(c.amount())).setHeader("Commission").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparing(c -> c.amount().amount()));
        grid.addColumn(c -> Formats.label(c.status())).setHeader("Status").setAutoWidth(true)
                .setClassNameGenerator(c -> "status-" + c.status().name().toLowerCase(Locale.ROOT));
        grid.addColumn(c -> Times.format(c.holdUntil())).setHeader("Hold until").setAutoWidth(true);
        grid.addColumn(c -> c.heldBy() == null ? "" : "alert #" + c.heldBy()).setHeader("Held by").setAutoWidth(true);
        grid.addColumn(c -> Formats.text(c.reason())).setHeader("Reason").setAutoWidth(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String status = params.getOrDefault(STATUS_PARAM, List.of()).stream().findFirst().orElse(null);
        String affiliate = params.getOrDefault(AFFILIATE_PARAM, List.of()).stream().findFirst().orElse(null);
        load(status, affiliate);
    }

    /** Sets the filters from the address's texts (either may be null) and shows the commissions. */
    void load(String status, String affiliate) {
        loading = true;
        try {
            List<Affiliate> affiliates = ui.call(() -> service.list(null, LIMIT), error::show).orElse(List.of());
            names.clear();
            names.remember(affiliates);
            List<Affiliate> items = new ArrayList<>(affiliates);
            OptionalLong wanted = AffiliateDetailView.parseId(affiliate);
            Affiliate chosen = null;
            if (wanted.isPresent()) {
                chosen = items.stream().filter(a -> a.id() == wanted.getAsLong()).findFirst()
                        .or(() -> names.get(wanted.getAsLong())).orElse(null);
                if (chosen != null && !items.contains(chosen)) {
                    items.add(chosen);
                }
            }
            items.sort(Comparator.comparing(Queues::affiliateLabel, String.CASE_INSENSITIVE_ORDER));
            affiliateFilter.setItems(items);
            affiliateFilter.setValue(chosen);
            statusFilter.setValue(parseStatus(status, CommissionStatus.PENDING).orElse(null));
        } finally {
            loading = false;
        }
        refresh();
    }

    /**
     * The status filter from the address: a status name (any case), "all" (empty), or
     * {@code fallback} for nothing or anything else.
     */
    static Optional<CommissionStatus> parseStatus(String text, CommissionStatus fallback) {
        if (text == null || text.isBlank()) {
            return Optional.ofNullable(fallback);
        }
        if (text.trim().equalsIgnoreCase("all")) {
            return Optional.empty();
        }
        try {
            return Optional.of(CommissionStatus.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.ofNullable(fallback);
        }
    }

    /** Reads the commissions for the filters again; the selection is cleared. */
    void refresh() {
        if (loading) {
            return;
        }
        error.clear();
        boolean write = ui.mayWrite();
        if (write != selectable) {
            // a selection listener belongs to the selection model: add it again to the new one
            grid.setSelectionMode(write ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
            if (write) {
                grid.addSelectionListener(e -> updateSelection());
            }
            selectable = write;
        }
        Long affiliateId = affiliateFilter.getValue() == null ? null : affiliateFilter.getValue().id();
        CommissionStatus status = statusFilter.getValue();
        List<Commission> found = ui.call(() -> service.commissions(affiliateId, status, LIMIT), error::show)
                .orElse(List.of());
        if (selectable) {
            grid.deselectAll();
        }
        grid.setItems(found).setIdentifierProvider(Commission::id);
        grid.getElement().setAttribute("data-count", String.valueOf(found.size()));
        grid.getElement().setAttribute("data-pending",
                String.valueOf(found.stream().filter(c -> c.status() == CommissionStatus.PENDING).count()));
        selectPending.setVisible(write);
        approveSelected.setVisible(write);
        updateSelection();
    }

    private Set<Commission> selected() {
        return selectable ? grid.getSelectedItems() : Set.of();
    }

    private void updateSelection() {
        Set<Commission> sel = selected();
        int approvable = Queues.approvable(sel).size();
        approveSelected.setText(approvable == 0 ? "Approve selected" : "Approve selected (" + approvable + ")");
        approveSelected.setEnabled(approvable > 0);
        selection.setText(Queues.selectionSummary(sel));
        grid.getElement().setAttribute("data-selected", String.valueOf(sel.size()));
    }

    /** Selects every pending commission shown. */
    void selectAllPending() {
        if (!selectable) {
            return;
        }
        grid.asMultiSelect().select(grid.getListDataView().getItems()
                .filter(c -> c.status() == CommissionStatus.PENDING).toList());
    }

    /** Approves the selected pending commissions in one call and says how many went through. */
    void approveSelected() {
        if (!ui.mayWrite()) {
            ui.error.accept("Your role may not approve commissions.");
            return;
        }
        Set<Commission> sel = selected();
        List<Long> ids = Queues.approvable(sel);
        if (ids.isEmpty()) {
            ui.error.accept("Select pending commissions first.");
            return;
        }
        int notPending = sel.size() - ids.size();
        ui.call(() -> service.approveCommissions(ui.requireActor(), ids), ui.error).ifPresent(n -> {
            ui.success.accept(Queues.bulkResult(n, ids.size(), notPending));
            refresh();
        });
    }

    /** One row's approve and reject buttons, for pending (approve, reject) and approved (reject) commissions. */
    Component rowActions(Commission c) {
        boolean write = ui.mayWrite();
        Button approve = new Button("Approve", e -> approveOne(c));
        approve.setId("commission-approve-" + c.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        approve.setVisible(write && c.status() == CommissionStatus.PENDING);
        approve.setDisableOnClick(true);
        Button reject = new Button("Reject", e -> openReject(c));
        reject.setId("commission-reject-" + c.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        reject.setVisible(write && (c.status() == CommissionStatus.PENDING || c.status() == CommissionStatus.APPROVED));
        HorizontalLayout actions = new HorizontalLayout(approve, reject);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    void approveOne(Commission c) {
        if (!ui.mayWrite()) {
            ui.error.accept("Your role may not approve commissions.");
            return;
        }
        ui.call(() -> service.approveCommission(ui.requireActor(), c.id()), ui.error).ifPresentOrElse(done -> {
            ui.success.accept("Commission on bill " + done.billNumber() + " approved");
            refresh();
        }, this::refresh); // refused: show what is true now (and re-enable the row's button)
    }

    void openReject(Commission c) {
        ui.open(new ReasonDialog("commission-reject", "Reject the commission on bill " + c.billNumber(),
                MoneyText.format(c.amount()) + " for " + names.label(c.affiliateId()) + ".", "Reason", "Reject", true,
                (reason, showError) -> {
                    if (!ui.mayWrite()) {
                        showError.accept("Your role may not reject commissions.");
                        return false;
                    }
                    Optional<Commission> done = ui.call(
                            () -> service.rejectCommission(ui.requireActor(), c.id(), reason), showError);
                    done.ifPresent(d -> {
                        ui.success.accept("Commission on bill " + d.billNumber() + " rejected");
                        refresh();
                    });
                    return done.isPresent();
                }));
    }

    private Component affiliateLink(long affiliateId) {
        return new Anchor(AffiliateDetailView.path(affiliateId), names.label(affiliateId));
    }
}
