package io.loyaltyhub.plugins.notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.loyaltyhub.admin.AdminSession;
import io.loyaltyhub.api.chat.WaTemplate;
import io.loyaltyhub.api.common.Rejected;

import java.util.List;

/** The business account's WhatsApp templates with their status as Meta last reported it, and "Sync now". */
public class WhatsAppTemplatesView extends VerticalLayout {
    private final Notifications notifications;
    private final Grid<WaTemplate> grid = new Grid<>(WaTemplate.class, false);

    public WhatsAppTemplatesView(Notifications notifications) {
        this.notifications = notifications;
        setId("whatsapp-templates-view");
        add(new H2("WhatsApp templates"), new Paragraph("Outside the 24-hour window WhatsApp delivers only approved "
                + "templates. Create them in WhatsApp Manager, then sync; status changes arrive by webhook."));
        if (AdminSession.may("notifications:write")) {
            Button sync = new Button("Sync now", e -> sync());
            sync.setId("whatsapp-templates-sync");
            sync.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(sync);
        }
        grid.setId("whatsapp-templates-grid");
        grid.addColumn(WaTemplate::name).setHeader("Name").setAutoWidth(true).setSortable(true);
        grid.addColumn(WaTemplate::language).setHeader("Language").setAutoWidth(true);
        grid.addColumn(WaTemplate::status).setHeader("Status").setAutoWidth(true).setSortable(true)
                .setClassNameGenerator(t -> t.approved() ? null : "not-approved");
        grid.addColumn(WaTemplate::category).setHeader("Category").setAutoWidth(true);
        grid.addColumn(t -> t.named() ? "named" : "positional").setHeader("Parameters");
        grid.addColumn(t -> String.join(", ", t.parameters())).setHeader("Body parameters").setFlexGrow(2);
        grid.addColumn(t -> t.reason() == null ? "" : t.reason()).setHeader("Meta's reason").setFlexGrow(2);
        grid.setEmptyStateText("No templates yet: set whatsapp.business-account-id and press Sync now.");
        grid.setAllRowsVisible(true);
        add(grid);
        grid.setItems(notifications.whatsappTemplates());
    }

    private void sync() {
        try {
            List<WaTemplate> all = notifications.syncWhatsAppTemplates(AdminSession.require());
            grid.setItems(all);
            Notification.show(all.size() + " templates read from WhatsApp").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (Rejected r) {
            Notification.show(r.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
