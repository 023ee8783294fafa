package io.loyaltyhub.ui.rewards;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.loyalty.Voucher;
import io.loyaltyhub.api.loyalty.VoucherStatus;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.customers.CustomerDetailView;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.common.Rejections;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

/** The cashier's counter: check a voucher code, then mark it used ({@code vouchers:write}). */
@Route(value = "vouchers", layout = MainLayout.class)
@PageTitle("Voucher counter | Loyalty admin")
@RequiredScope("vouchers:read")
public class VoucherCounterView extends VerticalLayout implements BeforeEnterObserver {

    static final String WRITE_SCOPE = "vouchers:write";

    private final transient RewardsService rewards;
    private final TextField code = new TextField("Voucher code");
    private final TextField store = new TextField("Store id (optional)");
    private final Button check = new Button("Check");
    private final Button use = new Button("Mark used");
    private final ErrorText message = new ErrorText("voucher-message");
    private final FormLayout result = new FormLayout();
    private final Span reward = value("voucher-reward");
    private final Span customer = value("voucher-customer");
    private final Span status = value("voucher-status");
    private final Span expires = value("voucher-expires");
    private final Span used = value("voucher-used-at");
    private final HorizontalLayout customerLink = new HorizontalLayout();
    private String checkedCode;

    public VoucherCounterView(RewardsService rewards) {
        this.rewards = rewards;
        code.setId("voucher-code");
        code.setClearButtonVisible(true);
        code.addKeyPressListener(Key.ENTER, e -> check());
        code.addValueChangeListener(e -> {
            if (checkedCode != null && !checkedCode.equals(normalised(e.getValue()))) {
                clearResult();
            }
        });
        check.setId("voucher-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> check());
        store.setId("voucher-store");
        use.setId("voucher-use");
        use.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        use.setDisableOnClick(true);
        use.addClickListener(e -> use());

        result.setId("voucher-result");
        result.addFormItem(reward, "Reward");
        result.addFormItem(customer, "Customer id");
        result.addFormItem(status, "Status");
        result.addFormItem(expires, "Expires");
        result.addFormItem(used, "Used");
        result.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        result.setMaxWidth("30em");

        HorizontalLayout checkRow = new HorizontalLayout(code, check);
        checkRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout useRow = new HorizontalLayout(store, use);
        useRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        useRow.setId("voucher-use-row");
        add(new H2("Voucher counter"), checkRow, message, result, customerLink, useRow);
        clearResult();
    }

    private static Span value(String id) {
        Span s = new Span();
        s.setId(id);
        return s;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        store.setVisible(CurrentActor.may(WRITE_SCOPE));
        use.setVisible(CurrentActor.may(WRITE_SCOPE));
    }

    static String normalised(String text) {
        return text == null ? "" : text.strip();
    }

    private void clearResult() {
        checkedCode = null;
        result.setVisible(false);
        customerLink.removeAll();
        use.setEnabled(false);
    }

    private void check() {
        message.clear();
        clearResult();
        String c = normalised(code.getValue());
        if (c.isEmpty()) {
            message.show("Enter the voucher code.");
            return;
        }
        try {
            show(rewards.validateVoucher(c));
            checkedCode = c;
        } catch (Rejected e) {
            message.show(Rejections.message(e));
        }
    }

    private void show(Voucher v) {
        reward.setText(v.rewardName() + " (" + v.pointsCost() + " points)");
        customer.setText(String.valueOf(v.customerId()));
        status.setText(Formats.label(v.status()));
        expires.setText(Times.format(v.expiresAt()));
        used.setText(v.usedAt() == null ? "" : Times.format(v.usedAt())
                + (v.usedAtStore() == null ? "" : " at " + v.usedAtStore()));
        result.setVisible(true);
        customerLink.removeAll();
        if (CurrentActor.may("customers:read")) {
            customerLink.add(new RouterLink("Open customer " + v.customerId(),
                    CustomerDetailView.class,
                    new RouteParameters(CustomerDetailView.ID, String.valueOf(v.customerId()))));
        }
        use.setEnabled(v.status() == VoucherStatus.ISSUED);
        if (v.status() != VoucherStatus.ISSUED) {
            message.show(statusMessage(v.status()));
        }
    }

    /** Why a checked voucher cannot be used. */
    static String statusMessage(VoucherStatus status) {
        return switch (status) {
            case ISSUED -> "";
            case USED -> Rejections.forCode("voucher-used");
            case EXPIRED -> Rejections.forCode("voucher-expired");
            case CANCELLED -> Rejections.forCode("voucher-cancelled");
        };
    }

    private void use() {
        message.clear();
        if (!CurrentActor.may(WRITE_SCOPE)) {
            message.show("Your role may not mark vouchers used.");
            return;
        }
        String c = checkedCode != null ? checkedCode : normalised(code.getValue());
        String storeId = store.getValue().isBlank() ? null : store.getValue().trim();
        try {
            Voucher v = rewards.useVoucher(CurrentActor.require(), c, storeId);
            show(v);
            Notifications.success("Voucher " + v.code() + " marked used");
        } catch (Rejected e) {
            message.show(Rejections.message(e));
            use.setEnabled(false);
        }
    }
}
