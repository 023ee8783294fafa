package io.loyaltyhub.ui.affiliates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.NewAffiliate;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;
import java.util.Optional;

/**
 * The affiliates and their approval queue: pending applications first (filter by status),
 * approve, reject or suspend ({@code affiliates:write}; reject and suspend with a reason), and
 * registering an affiliate. Each row's buttons have ids {@code approve-<id>}, {@code reject-<id>},
 * {@code suspend-<id>}; the toolbar's {@code affiliate-approve} approves the selected row.
 */
@Route(value = "affiliates", layout = MainLayout.class)
@PageTitle("Affiliates | Loyalty admin")
@RequiredScope(Interactions.READ)
public class AffiliatesView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 500;

    private final transient AffiliateService service;
    final transient Interactions ui = new Interactions();
    final Select<AffiliateStatus> statusFilter = new Select<>();
    final Grid<Affiliate> grid = new Grid<>();
    final Button approveSelected = new Button("Approve", VaadinIcon.CHECK.create());
    final Button rejectSelected = new Button("Reject…");
    final Button suspendSelected = new Button("Suspend…");
    final Button register = new Button("Register affiliate", VaadinIcon.PLUS.create());
    final Span count = new Span();
    final ErrorText error = new ErrorText("affiliates-error");

    public AffiliatesView(AffiliateService service) {
        this.service = service;
        setSizeFull();

        statusFilter.setId("affiliate-status-filter");
        statusFilter.setLabel("Status");
        statusFilter.setItems(AffiliateStatus.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All (pending first)");
        statusFilter.setItemLabelGenerator(Queues::statusLabel);
        statusFilter.addValueChangeListener(e -> refresh());

        approveSelected.setId("affiliate-approve");
        approveSelected.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approveSelected.addClickListener(e -> selected().ifPresent(this::approve));
        rejectSelected.setId("affiliate-reject");
        rejectSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        rejectSelected.addClickListener(e -> selected().ifPresent(this::openReject));
        suspendSelected.setId("affiliate-suspend");
        suspendSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        suspendSelected.addClickListener(e -> selected().ifPresent(this::openSuspend));
        register.setId("affiliate-register");
        register.addClickListener(e -> openRegister());
        count.setId("affiliates-count");
        count.getStyle().set("color", "var(--lumo-secondary-text-color)");

        grid.setId("affiliates-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::nameLink).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(Affiliate::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(Affiliate::mobile).setHeader("Mobile").setAutoWidth(true);
        grid.addColumn(a -> Formats.text(a.email())).setHeader("Email").setAutoWidth(true);
        grid.addColumn(a -> Formats.label(a.status())).setHeader("Status").setAutoWidth(true)
                .setClassNameGenerator(a -> "status-" + a.status().name().toLowerCase());
        grid.addColumn(a -> Formats.text(a.statusReason())).setHeader("Reason").setAutoWidth(true);
        grid.addColumn(a -> Times.format(a.createdAt())).setHeader("Applied").setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addSelectionListener(e -> updateToolbar());
        grid.addItemDoubleClickListener(e -> openDetail(e.getItem()));

        HorizontalLayout toolbar = new HorizontalLayout(statusFilter, approveSelected, rejectSelected, suspendSelected,
                register, count);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        add(new H2("Affiliates"), toolbar, error, grid);
        setFlexGrow(1, grid);
        updateToolbar();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    /** Reads the affiliates again (pending first unless filtered), keeping the selection when it is still there. */
    void refresh() {
        error.clear();
        Affiliate before = grid.asSingleSelect().getValue();
        AffiliateStatus status = statusFilter.getValue();
        List<Affiliate> all = ui.call(() -> service.list(status, LIMIT), error::show).orElse(List.of());
        List<Affiliate> shown = status == null ? Queues.approvalQueue(all) : all;
        grid.setItems(shown).setIdentifierProvider(Affiliate::id);
        long pending = shown.stream().filter(a -> a.status() == AffiliateStatus.PENDING).count();
        grid.getElement().setAttribute("data-pending", String.valueOf(pending));
        count.setText(shown.size() + (shown.size() == 1 ? " affiliate" : " affiliates")
                + (pending > 0 ? ", " + pending + " waiting for approval" : ""));
        if (before != null) {
            selectById(shown, before.id());
        }
        register.setVisible(ui.mayWrite());
        updateToolbar();
    }

    private void selectById(List<Affiliate> shown, long id) {
        shown.stream().filter(a -> a.id() == id).findFirst().ifPresent(grid::select);
    }

    private Optional<Affiliate> selected() {
        return Optional.ofNullable(grid.asSingleSelect().getValue());
    }

    private void updateToolbar() {
        boolean write = ui.mayWrite();
        Optional<Affiliate> s = selected();
        approveSelected.setVisible(write);
        rejectSelected.setVisible(write);
        suspendSelected.setVisible(write);
        approveSelected.setEnabled(s.map(AffiliatesView::mayApprove).orElse(false));
        rejectSelected.setEnabled(s.map(AffiliatesView::mayReject).orElse(false));
        suspendSelected.setEnabled(s.map(AffiliatesView::maySuspend).orElse(false));
    }

    static boolean mayApprove(Affiliate a) {
        return a.status() != AffiliateStatus.APPROVED; // pending, or suspended / rejected reconsidered
    }

    static boolean mayReject(Affiliate a) {
        return a.status() == AffiliateStatus.PENDING;
    }

    static boolean maySuspend(Affiliate a) {
        return a.status() == AffiliateStatus.APPROVED;
    }

    private Component nameLink(Affiliate a) {
        Anchor link = new Anchor(AffiliateDetailView.path(a.id()), a.name() == null || a.name().isBlank()
                ? "#" + a.id() : a.name());
        link.setId("open-" + a.id());
        return link;
    }

    /** The row's buttons: approve, reject, suspend, as the status allows and the role may. */
    Component rowActions(Affiliate a) {
        boolean write = ui.mayWrite();
        Button approve = new Button("Approve", e -> approve(a));
        approve.setId("approve-" + a.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        approve.setVisible(write && mayApprove(a));
        approve.setDisableOnClick(true);
        Button reject = new Button("Reject", e -> openReject(a));
        reject.setId("reject-" + a.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        reject.setVisible(write && mayReject(a));
        Button suspend = new Button("Suspend", e -> openSuspend(a));
        suspend.setId("suspend-" + a.id());
        suspend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        suspend.setVisible(write && maySuspend(a));
        HorizontalLayout actions = new HorizontalLayout(approve, reject, suspend);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    void approve(Affiliate a) {
        if (!ui.mayWrite()) {
            ui.error.accept("Your role may not approve affiliates.");
            return;
        }
        ui.call(() -> service.approve(ui.requireActor(), a.id()), ui.error).ifPresentOrElse(done -> {
            ui.success.accept(Queues.affiliateLabel(done) + " approved");
            refresh();
        }, this::refresh); // refused: show what is true now (and re-enable the row's button)
    }

    void openReject(Affiliate a) {
        ui.open(new ReasonDialog("affiliate-reject", "Reject " + Queues.affiliateLabel(a),
                "The applicant is told the reason.", "Reason", "Reject", true,
                (reason, showError) -> act(() -> service.reject(ui.requireActor(), a.id(), reason), "rejected",
                        showError)));
    }

    void openSuspend(Affiliate a) {
        ui.open(new ReasonDialog("affiliate-suspend", "Suspend " + Queues.affiliateLabel(a),
                "A suspended affiliate's links keep redirecting but earn no commission until approved again.",
                "Reason", "Suspend", true,
                (reason, showError) -> act(() -> service.suspend(ui.requireActor(), a.id(), reason), "suspended",
                        showError)));
    }

    private boolean act(java.util.function.Supplier<Affiliate> action, String done,
                        java.util.function.Consumer<String> showError) {
        if (!ui.mayWrite()) {
            showError.accept("Your role may not change affiliates.");
            return false;
        }
        Optional<Affiliate> result = ui.call(action, showError);
        result.ifPresent(a -> {
            ui.success.accept(Queues.affiliateLabel(a) + " " + done);
            refresh();
        });
        return result.isPresent();
    }

    RegisterDialog openRegister() {
        RegisterDialog dialog = new RegisterDialog();
        ui.open(dialog);
        return dialog;
    }

    /** The register form in a dialog; ids {@code affiliate-register-submit}, {@code affiliate-register-cancel}. */
    final class RegisterDialog extends Dialog {
        final AffiliateForm form = new AffiliateForm();
        final Button submit = new Button("Register");

        RegisterDialog() {
            setId("affiliate-register-dialog");
            setHeaderTitle("Register an affiliate");
            setWidth("min(40em, 95vw)");
            add(form);
            submit.setId("affiliate-register-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.addClickListener(e -> form.application().ifPresent(app -> {
                if (register(app, form)) {
                    close();
                }
            }));
            Button cancel = new Button("Cancel", e -> close());
            cancel.setId("affiliate-register-cancel");
            getFooter().add(cancel, submit);
        }
    }

    /** Registers; refusals go onto the form. Whether it went through. */
    boolean register(NewAffiliate application, AffiliateForm form) {
        if (!ui.mayWrite()) {
            form.showRejection(new Rejected(Rejected.Kind.CONFLICT, "forbidden",
                    "Your role may not register affiliates."));
            return false;
        }
        Affiliate created;
        try {
            created = service.register(ui.requireActor(), application);
        } catch (Rejected e) {
            form.showRejection(e);
            return false;
        } catch (RuntimeException e) {
            form.showRejection(new Rejected(Rejected.Kind.CONFLICT, "failed",
                    Interactions.failure(e)));
            return false;
        }
        ui.success.accept(Queues.affiliateLabel(created) + " registered (" + Formats.label(created.status()) + ")");
        refresh();
        grid.getListDataView().getItems().filter(a -> a.id() == created.id()).findFirst().ifPresent(grid::select);
        return true;
    }

    private void openDetail(Affiliate a) {
        getUI().ifPresent(u -> u.navigate(AffiliateDetailView.path(a.id())));
    }
}
