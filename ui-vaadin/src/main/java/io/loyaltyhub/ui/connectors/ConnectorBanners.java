package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ErpConnectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** For the dashboard: a red banner per connector that needs a person, linking to its page. */
public class ConnectorBanners extends VerticalLayout {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorBanners.class);

    public ConnectorBanners() {
        setId("connector-banners");
        setPadding(false);
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-s)");
        setVisible(false);
    }

    /** Asks the connectors which need a person; shows nothing when the question fails (the dashboard stays up). */
    public void refresh(ErpConnectors connectors) {
        List<ConnectorInfo> unhealthy;
        try {
            unhealthy = connectors.unhealthy();
        } catch (RuntimeException e) {
            LOG.warn("could not ask which connectors need attention", e);
            unhealthy = List.of();
        }
        show(unhealthy);
    }

    public void show(List<ConnectorInfo> unhealthy) {
        removeAll();
        for (ConnectorInfo c : unhealthy) {
            Anchor banner = new Anchor(ConnectorView.path(c.id()), text(c));
            banner.setId("connector-banner-" + c.id());
            banner.addClassName("connector-banner");
            banner.getStyle().set("display", "block").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)").set("background", "var(--lumo-error-color)")
                    .set("color", "var(--lumo-error-contrast-color, white)").set("text-decoration", "none");
            add(banner);
        }
        setVisible(!unhealthy.isEmpty());
    }

    /** "Connector Head office ERP: 3 runs failed in a row" */
    static String text(ConnectorInfo c) {
        String health = c.health() == null || c.health().isBlank() ? "needs attention" : c.health().strip();
        return "Connector " + c.name() + ": " + health;
    }
}
