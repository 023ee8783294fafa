package io.loyaltyhub.ui.customers;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.loyaltyhub.ui.common.ErrorText;

import java.util.UUID;

/**
 * Award (positive) or deduct (negative) points with a reason. Passive: fires {@link AdjustEvent}
 * with the values and an idempotency key. The key is made when the form is opened or reset and
 * changes only when a value changes, so a double click or a retry of the same values never applies
 * twice.
 */
public class AdjustPointsForm extends FormLayout {

    /** The form's values. */
    public static class Values {
        private Integer points;
        private String reason = "";

        public Integer getPoints() {
            return points;
        }

        public void setPoints(Integer points) {
            this.points = points;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    final IntegerField points = new IntegerField("Points (+ award, - deduct)");
    final TextField reason = new TextField("Reason");
    final Button submit = new Button("Adjust points");
    private final ErrorText error = new ErrorText("adjust-error");
    private final Binder<Values> binder = new Binder<>(Values.class);
    private String idempotencyKey;

    public AdjustPointsForm() {
        setId("adjust-form");
        points.setId("adjust-points");
        points.setStepButtonsVisible(false);
        reason.setId("adjust-reason");
        reason.setMaxLength(300);
        reason.setWidthFull();
        submit.setId("adjust-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());

        binder.forField(points).asRequired("Enter the points")
                .withValidator(p -> p != 0, "Enter points other than 0")
                .bind(Values::getPoints, Values::setPoints);
        binder.forField(reason).asRequired("Say why")
                .withValidator(r -> r.trim().length() <= 300, "At most 300 characters")
                .bind(Values::getReason, Values::setReason);
        points.addValueChangeListener(e -> newKey());
        reason.addValueChangeListener(e -> newKey());

        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
        add(points, reason);
        HorizontalLayout footer = new HorizontalLayout(submit);
        add(error, 2);
        add(footer, 2);
        reset();
    }

    /** Empty values, no error, a new idempotency key. */
    public void reset() {
        binder.readBean(new Values());
        error.clear();
        submit.setEnabled(true);
        newKey();
    }

    private void newKey() {
        idempotencyKey = UUID.randomUUID().toString();
    }

    /** The key the next submit carries. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** A refusal from the service; the values stay (and so does the key). */
    public void showError(String message) {
        error.show(message);
        submit.setEnabled(true);
    }

    public String errorText() {
        return error.message();
    }

    /** Validates and, if valid, fires an {@link AdjustEvent}. */
    public void submit() {
        Values values = new Values();
        if (!binder.writeBeanIfValid(values)) {
            submit.setEnabled(true);
            return;
        }
        error.clear();
        fireEvent(new AdjustEvent(this, values.getPoints(), values.getReason().trim(), idempotencyKey));
    }

    public Registration addAdjustListener(ComponentEventListener<AdjustEvent> listener) {
        return addListener(AdjustEvent.class, listener);
    }

    /** Adjust by {@code points} (signed) for {@code reason} under {@code idempotencyKey}. */
    public static class AdjustEvent extends ComponentEvent<AdjustPointsForm> {
        private final long points;
        private final String reason;
        private final String idempotencyKey;

        public AdjustEvent(AdjustPointsForm source, long points, String reason, String idempotencyKey) {
            super(source, false);
            this.points = points;
            this.reason = reason;
            this.idempotencyKey = idempotencyKey;
        }

        public long points() {
            return points;
        }

        public String reason() {
            return reason;
        }

        public String idempotencyKey() {
            return idempotencyKey;
        }
    }
}
