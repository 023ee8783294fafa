package io.loyaltyhub.ui.staff;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;

import java.util.function.Supplier;

/**
 * A passive staff form: fields bound to a bean of type {@code B}, a submit and a cancel button, and
 * a line for the service's error message. Fires {@link SubmitEvent} with a filled, valid bean and
 * {@link CancelEvent}.
 */
public abstract class StaffForm<B> extends FormLayout {

    protected final Binder<B> binder;
    private final Supplier<B> newBean;
    private final Span error = new Span();
    private final Button submit;
    private final Button cancel = new Button("Cancel");

    protected StaffForm(Binder<B> binder, Supplier<B> newBean, String submitLabel, String idPrefix) {
        this.binder = binder;
        this.newBean = newBean;
        this.submit = new Button(submitLabel, e -> submit());
        submit.setId(idPrefix + "-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        cancel.setId(idPrefix + "-cancel");
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        error.setId(idPrefix + "-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        setId(idPrefix);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    /** Call at the end of the subclass constructor, after the fields. */
    protected void addFooter() {
        add(error, new HorizontalLayout(submit, cancel));
    }

    /** Shows a message from the service (e.g. "username already taken"); the values stay. */
    public void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    public void clearError() {
        error.setText("");
        error.setVisible(false);
    }

    public String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    /** Validates; if valid, fires a {@link SubmitEvent} with a new bean holding the values. */
    public void submit() {
        B bean = newBean.get();
        if (binder.writeBeanIfValid(bean)) {
            clearError();
            fireEvent(new SubmitEvent<>(this, bean));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSubmitListener(ComponentEventListener<SubmitEvent<B>> listener) {
        return addListener((Class) SubmitEvent.class, (ComponentEventListener) listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SubmitEvent<B> extends ComponentEvent<StaffForm<B>> {
        private final B bean;

        public SubmitEvent(StaffForm<B> source, B bean) {
            super(source, false);
            this.bean = bean;
        }

        public B bean() {
            return bean;
        }
    }

    public static class CancelEvent extends ComponentEvent<StaffForm<?>> {
        public CancelEvent(StaffForm<?> source) {
            super(source, false);
        }
    }
}
