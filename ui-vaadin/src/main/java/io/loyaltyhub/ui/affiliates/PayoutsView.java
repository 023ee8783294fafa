package io.loyaltyhub.ui.affiliates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Requested payouts with the affiliate's payout details, "Mark paid" (method, reference, optional
 * proof; {@code affiliates:write}), and the history of paid and rejected payouts. Each requested
 * row's button has id {@code payout-pay-<id>}.
 */
@Route(value = "payouts", layout = MainLayout.class)
@PageTitle("Payouts | Loyalty admin")
@RequiredScope(Interactions.READ)
public class PayoutsView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 500;
    static final List<String> METHODS = List.of("UPI", "Bank transfer", "Cash", "Cheque");

    private final transient AffiliateService service;
    final transient Interactions ui = new Interactions();
    private final transient AffiliateNames names;
    final Grid<Payout> requested = new Grid<>();
    final Grid<Payout> history = new Grid<>();
    final Span requestedTotal = new Span();
    final ErrorText error = new ErrorText("payouts-error");

    public PayoutsView(AffiliateService service) {
        this.service = service;
        this.names = new AffiliateNames(service);

        requested.setId("payouts-grid");
        requested.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        requested.addColumn(p -> Times.format(p.requestedAt())).setHeader("Requested").setAutoWidth(true);
        requested.addComponentColumn(p -> affiliateLink(p.affiliateId())).setHeader("Affiliate").setAutoWidth(true);
        requested.addColumn(p -> payoutDetails(p.affiliateId())).setHeader("Pay to").setAutoWidth(true)
                .setFlexGrow(1);
        requested.addColumn(p -> MoneyText.format(p.amount())).setHeader("Amount").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        requested.addComponentColumn(this::payButton).setHeader("Actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        requested.setAllRowsVisible(true);
        requestedTotal.setId("payouts-requested-total");
        requestedTotal.getStyle().set("color", "var(--lumo-secondary-text-color)");

        history.setId("payouts-history-grid");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.addColumn(p -> Times.format(p.requestedAt())).setHeader("Requested").setAutoWidth(true);
        history.addColumn(p -> Times.format(p.paidAt())).setHeader("Paid").setAutoWidth(true);
        history.addComponentColumn(p -> affiliateLink(p.affiliateId())).setHeader("Affiliate").setAutoWidth(true);
        history.addColumn(p -> MoneyText.format(p.amount())).setHeader("Amount").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        history.addColumn(p -> Formats.label(p.status())).setHeader("Status").setAutoWidth(true);
        history.addColumn(p -> Formats.text(p.method())).setHeader("Method").setAutoWidth(true);
        history.addColumn(p -> Formats.text(p.reference())).setHeader("Reference").setAutoWidth(true);
        history.addColumn(p -> Formats.text(p.proofFile())).setHeader("Proof").setAutoWidth(true);
        history.addColumn(p -> Formats.text(p.paidBy())).setHeader("Paid by").setAutoWidth(true);
        history.setHeight("24em");

        add(new H2("Payouts"), error, new H3("Requested"), requestedTotal, requested, new H3("History"), history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        error.clear();
        names.clear();
        List<Payout> open = ui.call(() -> service.payouts(null, PayoutStatus.REQUESTED, LIMIT), error::show)
                .orElse(List.of());
        List<Payout> done = new ArrayList<>();
        ui.call(() -> service.payouts(null, PayoutStatus.PAID, LIMIT), error::show).ifPresent(done::addAll);
        ui.call(() -> service.payouts(null, PayoutStatus.REJECTED, LIMIT), error::show).ifPresent(done::addAll);
        requested.setItems(open);
        requested.getElement().setAttribute("data-count", String.valueOf(open.size()));
        requestedTotal.setText(open.isEmpty() ? "No payouts waiting."
                : open.size() + (open.size() == 1 ? " payout" : " payouts") + " waiting, "
                + MoneyText.formatTotals(open.stream().map(Payout::amount).toList()) + " in all.");
        history.setItems(Queues.history(done));
    }

    private String payoutDetails(long affiliateId) {
        return names.get(affiliateId).map(a -> Formats.text(a.payoutDetails())).orElse("");
    }

    private Component affiliateLink(long affiliateId) {
        return new Anchor(AffiliateDetailView.path(affiliateId), names.label(affiliateId));
    }

    Component payButton(Payout p) {
        Button pay = new Button("Mark paid…", e -> openMarkPaid(p));
        pay.setId("payout-pay-" + p.id());
        pay.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        pay.setVisible(ui.mayWrite() && p.status() == PayoutStatus.REQUESTED);
        return pay;
    }

    /** The "Mark paid" dialog: method and reference required, proof optional. */
    MarkPaidDialog openMarkPaid(Payout p) {
        MarkPaidDialog dialog = new MarkPaidDialog(p, names.label(p.affiliateId()), payoutDetails(p.affiliateId()));
        ui.open(dialog);
        return dialog;
    }

    /** Records the payment; whether it went through (refusals shown in the dialog). */
    boolean markPaid(Payout p, String method, String reference, String proof, MarkPaidDialog dialog) {
        if (!ui.mayWrite()) {
            dialog.error.show("Your role may not pay out.");
            return false;
        }
        Optional<Payout> paid = ui.call(() -> service.markPaid(ui.requireActor(), p.id(), method, reference, proof),
                dialog.error::show);
        paid.ifPresent(done -> {
            ui.success.accept(MoneyText.format(done.amount()) + " to " + names.label(done.affiliateId())
                    + " marked paid");
            refresh();
        });
        if (paid.isEmpty()) {
            refresh(); // it may have been paid by someone else meanwhile
        }
        return paid.isPresent();
    }

    /** Method, reference and proof for one payout. Ids {@code payout-method}, {@code payout-reference}, {@code payout-proof}, {@code payout-confirm}. */
    final class MarkPaidDialog extends Dialog {
        final ComboBox<String> method = new ComboBox<>("Method");
        final TextField reference = new TextField("Reference (transaction id)");
        final TextField proof = new TextField("Proof (file name or link, optional)");
        final ErrorText error = new ErrorText("payout-error");
        final Button confirm = new Button("Mark paid");

        MarkPaidDialog(Payout p, String affiliate, String payTo) {
            setId("payout-pay-dialog");
            setHeaderTitle("Pay " + MoneyText.format(p.amount()) + " to " + affiliate);
            setWidth("min(34em, 95vw)");
            method.setId("payout-method");
            method.setItems(METHODS);
            method.setAllowCustomValue(true);
            method.addCustomValueSetListener(e -> method.setValue(e.getDetail()));
            method.setRequiredIndicatorVisible(true);
            reference.setId("payout-reference");
            reference.setRequiredIndicatorVisible(true);
            reference.setMaxLength(200);
            proof.setId("payout-proof");
            proof.setMaxLength(500);
            confirm.setId("payout-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(e -> confirm(p));
            Button cancel = new Button("Cancel", e -> close());
            cancel.setId("payout-cancel");
            FormLayout form = new FormLayout(method, reference, proof, error);
            form.setColspan(proof, 2);
            form.setColspan(error, 2);
            VerticalLayout body = new VerticalLayout(new Paragraph("Pay to: " + (payTo.isBlank() ? "(no payout details)"
                    : payTo)), form);
            body.setPadding(false);
            add(body);
            getFooter().add(cancel, confirm);
        }

        void confirm(Payout p) {
            error.clear();
            method.setInvalid(false);
            reference.setInvalid(false);
            String m = method.getValue() == null ? "" : method.getValue().trim();
            String ref = reference.getValue().trim();
            if (m.isEmpty() || ref.isEmpty()) {
                if (m.isEmpty()) {
                    method.setErrorMessage("How was it paid?");
                    method.setInvalid(true);
                }
                if (ref.isEmpty()) {
                    reference.setErrorMessage("Enter the payment's reference");
                    reference.setInvalid(true);
                }
                return;
            }
            if (markPaid(p, m, ref, AffiliateForm.blankToNull(proof.getValue()), this)) {
                close();
            }
        }

        String errorText() {
            return error.message();
        }
    }
}
