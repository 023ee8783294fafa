package io.loyaltyhub.plugins.notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.loyaltyhub.admin.AdminSession;
import io.loyaltyhub.api.common.Rejected;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every notification, newest first, filtered by trigger, status, channel and dates; failed or refused ones can go again. */
public class DeliveryLogView extends VerticalLayout {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String ANY = "";

    private final Notifications notifications;
    private final Select<String> trigger = new Select<>();
    private final Select<String> status = new Select<>();
    private final Select<String> channel = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<NotificationView> grid = new Grid<>(NotificationView.class, false);

    public DeliveryLogView(Notifications notifications) {
        this.notifications = notifications;
        setId("delivery-log-view");
        trigger.setId("log-trigger");
        trigger.setLabel("Trigger");
        List<String> triggers = new ArrayList<>(List.of(ANY));
        Arrays.stream(Trigger.values()).forEach(t -> triggers.add(t.id));
        trigger.setItems(triggers);
        trigger.setItemLabelGenerator(id -> id.isEmpty() ? "Any" : Trigger.byId(id).map(t -> t.label).orElse(id));
        trigger.setValue(ANY);
        status.setId("log-status");
        status.setLabel("Status");
        status.setItems(ANY, "PENDING", "QUEUED", "HELD", "SENT", "DELIVERED", "READ", "FAILED", "REFUSED", "SKIPPED");
        status.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : s.toLowerCase());
        status.setValue(ANY);
        channel.setId("log-channel");
        channel.setLabel("Channel");
        channel.setItems(ANY, "whatsapp", "telegram");
        channel.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : s);
        channel.setValue(ANY);
        from.setId("log-from");
        to.setId("log-to");
        Button search = new Button("Show", e -> refresh());
        search.setId("log-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(trigger, status, channel, from, to, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("log-grid");
        grid.addColumn(n -> AT.format(n.createdAt())).setHeader("Created (UTC)").setAutoWidth(true);
        grid.addColumn(n -> Trigger.byId(n.trigger()).map(t -> t.label).orElse(n.trigger())).setHeader("Trigger")
                .setAutoWidth(true);
        grid.addColumn(n -> n.recipientKind().toLowerCase() + " " + n.recipientId()
                + (n.userId() == null ? "" : " (" + n.userId() + ")")).setHeader("To").setAutoWidth(true);
        grid.addColumn(NotificationView::channel).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(n -> n.status().toLowerCase() + (n.errorCode() == null ? "" : " " + n.errorCode()))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(n -> n.templateVersion() == null ? "" : n.language() + " v" + n.templateVersion()
                + (n.asTemplate() ? " (WhatsApp template)" : "")).setHeader("Template").setAutoWidth(true);
        grid.addColumn(n -> n.reason() == null ? "" : n.reason()).setHeader("Why").setFlexGrow(2);
        grid.addColumn(n -> n.text() == null ? "" : n.text()).setHeader("Message").setFlexGrow(3);
        if (AdminSession.may("notifications:write")) {
            grid.addComponentColumn(n -> {
                if (!n.status().equals("FAILED") && !n.status().equals("REFUSED")) {
                    return new Span();
                }
                Button again = new Button("Send again", e -> retry(n));
                again.setId("log-retry-" + n.id());
                again.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return again;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setEmptyStateText("No notifications match.");
        grid.setPageSize(100);
        add(new H2("Delivery log"), filters, grid);
        setSizeFull();
        grid.setHeightFull();
        refresh();
    }

    private void retry(NotificationView n) {
        try {
            notifications.retry(AdminSession.require(), n.id());
            Notification.show("Notification " + n.id() + " goes again").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (Rejected r) {
            Notification.show(r.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        grid.setItems(notifications.search(new NotificationFilter(blank(trigger.getValue()), blank(status.getValue()),
                blank(channel.getValue()), null,
                from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                null, 500)));
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
