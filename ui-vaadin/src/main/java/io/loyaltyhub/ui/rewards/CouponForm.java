package io.loyaltyhub.ui.rewards;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.loyaltyhub.api.loyalty.CouponKind;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.FieldErrors;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.common.Rejections;

import java.math.BigDecimal;
import java.util.Optional;

/** New promo codes: one code or a generated batch. Passive: the view creates them. */
public class CouponForm extends FormLayout {

    final TextField name = new TextField("Name");
    final RadioButtonGroup<CouponBean.Mode> mode = new RadioButtonGroup<>("Codes");
    final TextField code = new TextField("Code");
    final TextField prefix = new TextField("Prefix");
    final IntegerField count = new IntegerField("How many codes");
    final Select<CouponKind> kind = new Select<>();
    final BigDecimalField value = new BigDecimalField("Value (% or amount)");
    final BigDecimalField minBill = new BigDecimalField("Minimum bill");
    final IntegerField maxUses = new IntegerField("Uses of each code");
    final DatePicker validFrom = new DatePicker("Valid from");
    final DatePicker validTo = new DatePicker("Valid to");
    final TextField issuedTo = new TextField("Issued to mobile (empty: anyone)");
    private final ErrorText error = new ErrorText("coupon-error");
    private final Binder<CouponBean> binder = new Binder<>(CouponBean.class);
    private final FieldErrors fieldErrors = new FieldErrors();

    public CouponForm() {
        setId("coupon-form");
        name.setId("coupon-name");
        mode.setId("coupon-mode");
        mode.setItems(CouponBean.Mode.values());
        mode.setItemLabelGenerator(m -> m == CouponBean.Mode.SINGLE ? "One code" : "Generate a batch");
        code.setId("coupon-code");
        prefix.setId("coupon-prefix");
        count.setId("coupon-count");
        kind.setId("coupon-kind");
        kind.setLabel("Discount");
        kind.setItems(CouponKind.values());
        kind.setItemLabelGenerator(k -> k == CouponKind.PERCENT ? "percent" : "fixed amount");
        value.setId("coupon-value");
        minBill.setId("coupon-min-bill");
        maxUses.setId("coupon-max-uses");
        validFrom.setId("coupon-valid-from");
        validTo.setId("coupon-valid-to");
        issuedTo.setId("coupon-issued-to");

        binder.forField(name).asRequired("Enter a name").bind(CouponBean::getName, CouponBean::setName);
        binder.forField(mode).asRequired().bind(CouponBean::getMode, CouponBean::setMode);
        binder.forField(code)
                .withValidator(c -> mode.getValue() != CouponBean.Mode.SINGLE || !c.isBlank(), "Enter the code")
                .bind(CouponBean::getCode, CouponBean::setCode);
        binder.forField(prefix)
                .withValidator(p -> mode.getValue() != CouponBean.Mode.BATCH || !p.isBlank(), "Enter a prefix")
                .bind(CouponBean::getPrefix, CouponBean::setPrefix);
        binder.forField(count)
                .withValidator(c -> mode.getValue() != CouponBean.Mode.BATCH || (c != null && c > 0), "How many?")
                .bind(CouponBean::getCount, CouponBean::setCount);
        binder.forField(kind).asRequired("Choose the discount").bind(CouponBean::getKind, CouponBean::setKind);
        binder.forField(value).asRequired("Enter the value")
                .withValidator(v -> v.signum() > 0, "More than 0")
                .withValidator(v -> kind.getValue() != CouponKind.PERCENT || v.compareTo(BigDecimal.valueOf(100)) <= 0,
                        "At most 100 %")
                .bind(CouponBean::getValue, CouponBean::setValue);
        binder.forField(minBill).withValidator(v -> v == null || v.signum() >= 0, "0 or more")
                .bind(CouponBean::getMinBill, CouponBean::setMinBill);
        binder.forField(maxUses).asRequired("How often each code may be used")
                .withValidator(u -> u > 0, "More than 0").bind(CouponBean::getMaxUses, CouponBean::setMaxUses);
        binder.forField(validFrom).bind(CouponBean::getValidFrom, CouponBean::setValidFrom);
        binder.forField(validTo)
                .withValidator(to -> to == null || validFrom.getValue() == null || !to.isBefore(validFrom.getValue()),
                        "Not before valid from")
                .bind(CouponBean::getValidTo, CouponBean::setValidTo);
        binder.forField(issuedTo).bind(CouponBean::getIssuedTo, CouponBean::setIssuedTo);
        binder.readBean(new CouponBean());

        mode.addValueChangeListener(e -> showModeFields());
        showModeFields();

        fieldErrors.field("name", name).field("code", code).field("prefix", prefix).field("count", count)
                .field("kind", kind).field("value", value).field("minBill", minBill).field("maxUses", maxUses)
                .field("validFrom", validFrom).field("validTo", validTo).field("issuedTo", issuedTo);

        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        add(name, 2);
        add(mode, 2);
        add(code, prefix, count, kind, value, minBill, maxUses, validFrom, validTo, issuedTo);
        add(error, 2);
    }

    private void showModeFields() {
        boolean single = mode.getValue() != CouponBean.Mode.BATCH;
        code.setVisible(single);
        prefix.setVisible(!single);
        count.setVisible(!single);
    }

    /** The values if valid, else empty with the fields marked. */
    public Optional<CouponBean> values() {
        CouponBean bean = new CouponBean();
        if (!binder.writeBeanIfValid(bean)) {
            return Optional.empty();
        }
        error.clear();
        fieldErrors.clear();
        return Optional.of(bean);
    }

    public void showRejection(Rejected e) {
        error.show(Rejections.message(e, fieldErrors.show(e.fieldErrors())));
    }

    /** For a label: "10 %" or "50". */
    static String discount(CouponKind kind, BigDecimal value) {
        return kind == CouponKind.PERCENT ? Formats.number(value) + " %" : Formats.number(value);
    }
}
