package io.loyaltyhub.ui.rewards;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.FieldErrors;
import io.loyaltyhub.ui.common.Rejections;

import java.util.List;
import java.util.Optional;

/** A reward's values with the service's field errors shown on the fields. Passive: the view saves. */
public class RewardForm extends FormLayout {

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final IntegerField pointsCost = new IntegerField("Points cost");
    final IntegerField stock = new IntegerField("Stock (empty: unlimited)");
    final DatePicker validFrom = new DatePicker("Valid from");
    final DatePicker validTo = new DatePicker("Valid to");
    final ComboBox<String> minTier = new ComboBox<>("Lowest tier (empty: everyone)");
    final IntegerField perCustomerLimit = new IntegerField("Per customer (empty: no limit)");
    final IntegerField voucherDays = new IntegerField("Voucher valid for days");
    final Checkbox active = new Checkbox("Active");
    private final ErrorText error = new ErrorText("reward-error");
    private final Binder<RewardBean> binder = new Binder<>(RewardBean.class);
    private final FieldErrors fieldErrors = new FieldErrors();
    private final Long id;

    public RewardForm(RewardBean bean, List<String> tiers) {
        this.id = bean.getId();
        setId("reward-form");
        name.setId("reward-name");
        description.setId("reward-description");
        pointsCost.setId("reward-cost");
        stock.setId("reward-stock");
        validFrom.setId("reward-valid-from");
        validTo.setId("reward-valid-to");
        minTier.setId("reward-min-tier");
        minTier.setItems(tiers);
        minTier.setClearButtonVisible(true);
        perCustomerLimit.setId("reward-limit");
        voucherDays.setId("reward-voucher-days");
        active.setId("reward-active");

        binder.forField(name).asRequired("Enter a name").bind(RewardBean::getName, RewardBean::setName);
        binder.forField(description).bind(RewardBean::getDescription, RewardBean::setDescription);
        binder.forField(pointsCost).asRequired("Enter the points cost")
                .withValidator(c -> c > 0, "More than 0").bind(RewardBean::getPointsCost, RewardBean::setPointsCost);
        binder.forField(stock).withValidator(s -> s == null || s >= 0, "0 or more")
                .bind(RewardBean::getStock, RewardBean::setStock);
        binder.forField(validFrom).bind(RewardBean::getValidFrom, RewardBean::setValidFrom);
        binder.forField(validTo)
                .withValidator(to -> to == null || validFrom.getValue() == null || !to.isBefore(validFrom.getValue()),
                        "Not before valid from")
                .bind(RewardBean::getValidTo, RewardBean::setValidTo);
        binder.forField(minTier).bind(RewardBean::getMinTier, RewardBean::setMinTier);
        binder.forField(perCustomerLimit).withValidator(l -> l == null || l > 0, "More than 0")
                .bind(RewardBean::getPerCustomerLimit, RewardBean::setPerCustomerLimit);
        binder.forField(voucherDays).asRequired("How long a voucher stays valid")
                .withValidator(d -> d > 0, "More than 0").bind(RewardBean::getVoucherDays, RewardBean::setVoucherDays);
        binder.forField(active).bind(RewardBean::isActive, RewardBean::setActive);
        binder.readBean(bean);

        fieldErrors.field("name", name).field("description", description).field("pointsCost", pointsCost)
                .field("stock", stock).field("validFrom", validFrom).field("validTo", validTo)
                .field("minTier", minTier).field("perCustomerLimit", perCustomerLimit)
                .field("voucherDays", voucherDays);

        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        add(name, 2);
        add(description, 2);
        add(pointsCost, stock, validFrom, validTo, minTier, perCustomerLimit, voucherDays, active);
        add(error, 2);
    }

    /** The values if valid (with the id of the reward being edited), else empty with the fields marked. */
    public Optional<RewardBean> values() {
        RewardBean bean = new RewardBean();
        if (!binder.writeBeanIfValid(bean)) {
            return Optional.empty();
        }
        bean.setId(id);
        error.clear();
        fieldErrors.clear();
        return Optional.of(bean);
    }

    /** The service's refusal: field errors on the fields, the rest in the message line. */
    public void showRejection(Rejected e) {
        error.show(Rejections.message(e, fieldErrors.show(e.fieldErrors())));
    }

    public String errorText() {
        return error.message();
    }
}
