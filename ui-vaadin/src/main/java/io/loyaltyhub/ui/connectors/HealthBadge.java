package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.html.Span;

/** "OK" in green, or a red badge with why a connector needs a person. */
public class HealthBadge extends Span {

    public HealthBadge(String health) {
        addClassName("connector-health");
        getStyle().set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0 var(--lumo-space-s)")
                .set("font-size", "var(--lumo-font-size-s)").set("white-space", "normal");
        show(health);
    }

    /** @param health null when healthy */
    public void show(String health) {
        boolean ok = health == null || health.isBlank();
        setText(ok ? "OK" : health.strip());
        getElement().setAttribute("data-healthy", String.valueOf(ok));
        getStyle().set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-contrast-color, white)")
                .set("background", ok ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color)");
    }
}
