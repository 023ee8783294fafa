package io.loyaltyhub.ui.rewards;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.loyalty.CouponBatch;
import io.loyaltyhub.api.loyalty.CouponCheck;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.common.Rejections;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;

/** Promo code batches, creating them ({@code coupons:write}), and checking a code against a bill amount. */
@Route(value = "coupons", layout = MainLayout.class)
@PageTitle("Coupons | Loyalty admin")
@RequiredScope("coupons:read")
public class CouponsView extends VerticalLayout implements BeforeEnterObserver {

    static final String WRITE_SCOPE = "coupons:write";

    private final transient RewardsService rewards;
    private final Grid<CouponBatch> grid = new Grid<>();
    private final Button create = new Button("New coupons", VaadinIcon.PLUS.create());
    private final TextField checkCode = new TextField("Code");
    private final BigDecimalField checkAmount = new BigDecimalField("Bill amount");
    private final TextField checkMobile = new TextField("Customer mobile (optional)");
    private final Span checkResult = new Span();
    private final ErrorText checkError = new ErrorText("coupon-check-error");

    public CouponsView(RewardsService rewards) {
        this.rewards = rewards;
        create.setId("coupon-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());

        grid.setId("coupons-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CouponBatch::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(b -> CouponForm.discount(b.kind(), b.value())).setHeader("Discount").setAutoWidth(true);
        grid.addColumn(b -> Formats.number(b.minBill())).setHeader("Min bill").setAutoWidth(true);
        grid.addColumn(CouponBatch::codes).setHeader("Codes").setAutoWidth(true);
        grid.addColumn(CouponBatch::maxUses).setHeader("Uses per code").setAutoWidth(true);
        grid.addColumn(CouponBatch::uses).setHeader("Used").setAutoWidth(true);
        grid.addColumn(b -> Times.formatDate(b.validFrom())).setHeader("From").setAutoWidth(true);
        grid.addColumn(b -> Times.formatDate(b.validTo())).setHeader("To").setAutoWidth(true);
        grid.addColumn(b -> Formats.text(b.issuedTo())).setHeader("Issued to").setAutoWidth(true);
        grid.addColumn(b -> Times.format(b.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(b -> {
            Button codes = new Button("Codes", e -> showCodes(b));
            codes.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            codes.addClassName("coupon-codes");
            return codes;
        }).setHeader("").setFlexGrow(0).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        checkCode.setId("coupon-check-code");
        checkAmount.setId("coupon-check-amount");
        checkMobile.setId("coupon-check-mobile");
        Button check = new Button("Check", e -> check());
        check.setId("coupon-check");
        checkResult.setId("coupon-check-result");
        HorizontalLayout checkRow = new HorizontalLayout(checkCode, checkAmount, checkMobile, check);
        checkRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        checkRow.setWrap(true);

        add(new H2("Coupons"), new HorizontalLayout(create), grid, new H3("Check a code"), checkRow, checkResult,
                checkError);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        create.setVisible(CurrentActor.may(WRITE_SCOPE));
        refresh();
    }

    private void refresh() {
        grid.setItems(rewards.couponBatches());
    }

    private void check() {
        checkError.clear();
        checkResult.setText("");
        if (checkCode.getValue().isBlank() || checkAmount.getValue() == null) {
            checkError.show("Enter the code and the bill amount.");
            return;
        }
        String mobile = checkMobile.getValue().isBlank() ? null : checkMobile.getValue().trim();
        try {
            checkResult.setText(describe(rewards.checkCoupon(checkCode.getValue().trim(), checkAmount.getValue(), mobile)));
        } catch (Rejected e) {
            checkError.show(Rejections.message(e));
        }
    }

    /** "Valid: 10 % off, discount 50" or "Not valid: <reason>". */
    static String describe(CouponCheck c) {
        if (c.valid()) {
            return "Valid: " + CouponForm.discount(c.kind(), c.value()) + " off, discount "
                    + Formats.number(c.discount()) + ".";
        }
        return "Not valid: " + Rejections.forCode(c.reason());
    }

    private void showCodes(CouponBatch batch) {
        List<String> codes;
        try {
            codes = rewards.couponCodes(batch.id());
        } catch (Rejected e) {
            Notifications.error(Rejections.message(e));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Codes of " + batch.name() + " (" + codes.size() + ")");
        TextArea text = new TextArea();
        text.setId("coupon-codes-text");
        text.setReadOnly(true);
        text.setValue(String.join("\n", codes));
        text.setWidth("24em");
        text.setMaxHeight("30em");
        dialog.add(text);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void openCreate() {
        CouponForm form = new CouponForm();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New coupons");
        dialog.setWidth("40em");
        dialog.add(form);
        Button save = new Button("Create", e -> form.values().ifPresent(values -> {
            try {
                CouponBatch batch = rewards.createCoupons(CurrentActor.require(), values.toDraft());
                dialog.close();
                Notifications.success(batch.codes() + (batch.codes() == 1 ? " code" : " codes") + " created");
                refresh();
            } catch (Rejected ex) {
                form.showRejection(ex);
            }
        }));
        save.setId("coupon-create");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
