package io.loyaltyhub.ui.common;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A number with a label, for the dashboard. */
public class StatCard extends Div {

    private final Span value = new Span();

    public StatCard(String id, String label, String initialValue) {
        setId(id);
        value.setText(initialValue);
        value.addClassName("stat-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        getStyle().set("display", "flex").set("flex-direction", "column")
                .set("padding", "var(--lumo-space-m)").set("min-width", "10em")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)");
        add(value, caption);
    }

    public void setValue(String text) {
        value.setText(text);
    }

    public String value() {
        return value.getText();
    }
}
