package io.loyaltyhub.ui.affiliates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.loyaltyhub.ui.common.ErrorText;

import java.util.function.Consumer;

/**
 * Asks for a reason (or a note) and runs an action with it. Ids: {@code <prefix>-dialog},
 * {@code <prefix>-reason}, {@code <prefix>-confirm}, {@code <prefix>-cancel}, {@code <prefix>-error}.
 * A refusal stays in the dialog; success closes it.
 */
public class ReasonDialog extends Dialog {

    static final int MAX_LENGTH = 500;

    /** The action; reports a refusal to {@code showError} and answers whether it went through. */
    @FunctionalInterface
    public interface Action {
        boolean run(String reason, Consumer<String> showError);
    }

    final TextArea reason = new TextArea();
    final Button confirm;
    final Button cancel = new Button("Cancel");
    final ErrorText error;
    private final boolean required;
    private final transient Action action;

    public ReasonDialog(String idPrefix, String title, String explanation, String reasonLabel, String confirmLabel,
                        boolean required, Action action) {
        this.required = required;
        this.action = action;
        setId(idPrefix + "-dialog");
        setHeaderTitle(title);
        setWidth("min(32em, 95vw)");
        reason.setId(idPrefix + "-reason");
        reason.setLabel(reasonLabel + (required ? "" : " (optional)"));
        reason.setRequiredIndicatorVisible(required);
        reason.setMaxLength(MAX_LENGTH);
        reason.setWidthFull();
        error = new ErrorText(idPrefix + "-error");
        confirm = new Button(confirmLabel, e -> confirm());
        confirm.setId(idPrefix + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setId(idPrefix + "-cancel");
        cancel.addClickListener(e -> close());
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        if (explanation != null && !explanation.isBlank()) {
            body.add(new Paragraph(explanation));
        }
        body.add(reason, error);
        add(body);
        getFooter().add(cancel, confirm);
    }

    /** Checks the reason and runs the action; closes on success. */
    void confirm() {
        String text = reason.getValue() == null ? "" : reason.getValue().trim();
        if (required && text.isEmpty()) {
            reason.setInvalid(true);
            reason.setErrorMessage("Required");
            error.show("Say why.");
            return;
        }
        reason.setInvalid(false);
        error.clear();
        if (action.run(text, error::show)) {
            close();
        }
    }

    public String errorText() {
        return error.message();
    }
}
