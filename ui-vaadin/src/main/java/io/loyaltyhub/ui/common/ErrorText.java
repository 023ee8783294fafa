package io.loyaltyhub.ui.common;

import com.vaadin.flow.component.html.Span;

/** A line for a refusal or error message on a form; hidden while empty. */
public class ErrorText extends Span {

    public ErrorText(String id) {
        setId(id);
        getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        setVisible(false);
    }

    public void show(String message) {
        setText(message == null ? "" : message);
        setVisible(message != null && !message.isBlank());
    }

    public void clear() {
        show(null);
    }

    /** The message shown, or "". */
    public String message() {
        return isVisible() ? getText() : "";
    }
}
