package io.loyaltyhub.ui.rules;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import io.loyaltyhub.api.loyalty.EarningRule;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Json;
import io.loyaltyhub.ui.common.FieldErrors;
import io.loyaltyhub.ui.common.Rejections;

import java.util.Optional;

/** An earning rule with its params as JSON text. Passive: the view saves. */
public class RuleForm extends FormLayout {

    final TextField name = new TextField("Name");
    final Select<String> type = new Select<>();
    final Checkbox active = new Checkbox("Active");
    final TextArea params = new TextArea("Params (JSON)");
    final DatePicker validFrom = new DatePicker("Valid from");
    final DatePicker validTo = new DatePicker("Valid to");
    private final ErrorText error = new ErrorText("rule-error");
    private final Binder<RuleBean> binder = new Binder<>(RuleBean.class);
    private final FieldErrors fieldErrors = new FieldErrors();
    private final Long id;

    public RuleForm(RuleBean bean) {
        this.id = bean.getId();
        setId("rule-form");
        name.setId("rule-name");
        type.setId("rule-type");
        type.setLabel("Type");
        type.setItems(RuleBean.TYPES);
        type.setItemLabelGenerator(t -> t.toLowerCase().replace('_', ' '));
        active.setId("rule-active");
        params.setId("rule-params");
        params.setMinHeight("10em");
        params.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        validFrom.setId("rule-valid-from");
        validTo.setId("rule-valid-to");

        binder.forField(name).asRequired("Enter a name").bind(RuleBean::getName, RuleBean::setName);
        binder.forField(type).asRequired("Choose a type").bind(RuleBean::getType, RuleBean::setType);
        binder.forField(active).bind(RuleBean::isActive, RuleBean::setActive);
        binder.forField(params).withValidator((text, ctx) -> {
            try {
                Json.parseObject(text);
                return ValidationResult.ok();
            } catch (IllegalArgumentException e) {
                return ValidationResult.error(e.getMessage());
            }
        }).bind(RuleBean::getParams, RuleBean::setParams);
        binder.forField(validFrom).bind(RuleBean::getValidFrom, RuleBean::setValidFrom);
        binder.forField(validTo)
                .withValidator(to -> to == null || validFrom.getValue() == null || !to.isBefore(validFrom.getValue()),
                        "Not before valid from")
                .bind(RuleBean::getValidTo, RuleBean::setValidTo);
        binder.readBean(bean);
        // a new rule: an example of the chosen type's params to edit
        type.addValueChangeListener(e -> {
            if (e.isFromClient() && (params.getValue().isBlank() || RuleBean.TEMPLATES.containsValue(params.getValue()))) {
                params.setValue(RuleBean.TEMPLATES.getOrDefault(e.getValue(), ""));
            }
        });

        fieldErrors.field("name", name).field("type", type).field("params", params)
                .field("validFrom", validFrom).field("validTo", validTo);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        add(name, type, validFrom, validTo, active);
        add(params, 2);
        add(error, 2);
    }

    /** The rule if the values are valid (params parsed), else empty with the fields marked. */
    public Optional<EarningRule> values() {
        RuleBean bean = new RuleBean();
        if (!binder.writeBeanIfValid(bean)) {
            return Optional.empty();
        }
        bean.setId(id);
        error.clear();
        fieldErrors.clear();
        return Optional.of(bean.toRule());
    }

    public void showRejection(Rejected e) {
        error.show(Rejections.message(e, fieldErrors.show(e.fieldErrors())));
    }
}
