package io.loyaltyhub.plugins.notifications;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.loyaltyhub.admin.AdminSession;
import io.loyaltyhub.admin.StackedBars;
import io.loyaltyhub.api.common.Rejected;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What became of each trigger's notifications over the last 7 or 30 days, as a chart and a table, and the switch
 * of each trigger.
 */
public class NotificationsOverviewView extends VerticalLayout {
    private final Notifications notifications;
    private final Div chart = new Div();
    private final Grid<TriggerCounts> counts = new Grid<>(TriggerCounts.class, false);
    private final RadioButtonGroup<Integer> period = new RadioButtonGroup<>();

    public NotificationsOverviewView(Notifications notifications) {
        this.notifications = notifications;
        setId("notifications-view");
        add(new H2("Notifications"), new Paragraph("Messages the programme sends on its own: a bill's points, expiring "
                + "points, a tier reached, a voucher, a friend who joined; approvals and payouts for affiliates."));
        period.setId("notifications-period");
        period.setItems(7, 30);
        period.setItemLabelGenerator(d -> "Last " + d + " days");
        period.setValue(7);
        period.addValueChangeListener(e -> refresh());
        chart.setId("notifications-chart");
        chart.setWidthFull();
        Map<String, String> labels = java.util.Arrays.stream(Trigger.values())
                .collect(Collectors.toMap(t -> t.id, t -> t.label));
        counts.setId("notifications-counts");
        counts.addColumn(c -> labels.getOrDefault(c.trigger(), c.trigger())).setHeader("Trigger").setAutoWidth(true);
        column("Total", TriggerCounts::total);
        column("Sent", TriggerCounts::sent);
        column("Delivered", TriggerCounts::delivered);
        column("Read", TriggerCounts::read);
        column("Failed", TriggerCounts::failed);
        column("Held back", TriggerCounts::heldBack);
        column("Refused", TriggerCounts::refused);
        column("Waiting", TriggerCounts::waiting);
        counts.setAllRowsVisible(true);
        add(period, chart, counts, new H3("Triggers"), switches());
        refresh();
    }

    private void column(String header, Function<TriggerCounts, Long> value) {
        counts.addColumn(c -> value.apply(c)).setHeader(header).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    private Grid<TriggerInfo> switches() {
        Grid<TriggerInfo> grid = new Grid<>(TriggerInfo.class, false);
        grid.setId("notifications-triggers");
        boolean mayWrite = AdminSession.may("notifications:write");
        grid.addComponentColumn(t -> {
            Checkbox on = new Checkbox(t.on());
            on.setId("trigger-" + t.id());
            on.setEnabled(mayWrite);
            on.setAriaLabel("Send " + t.label());
            on.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    TriggerInfo now = notifications.switchTrigger(AdminSession.require(), t.id(), e.getValue());
                    Notification.show(t.label() + (now.on() ? " on" : " off"))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (Rejected r) {
                    on.setValue(!e.getValue());
                    Notification.show(r.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            return on;
        }).setHeader("On").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TriggerInfo::label).setHeader("Trigger").setAutoWidth(true);
        grid.addColumn(t -> t.channel()).setHeader("Channel");
        grid.addColumn(t -> t.defaultCategory().equals("MARKETING") ? "marketing: opt-in, weekly cap" : "utility")
                .setHeader("Kind");
        grid.addColumn(t -> t.canWait() ? "waits out quiet hours" : "at once").setHeader("Timing");
        grid.addColumn(t -> String.join(", ", t.variables().stream().map(v -> "{{" + v + "}}").toList()))
                .setHeader("Variables").setFlexGrow(2);
        grid.setItems(notifications.triggers());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void refresh() {
        List<TriggerCounts> rows = notifications.counts(period.getValue());
        counts.setItems(rows);
        StackedBars bars = new StackedBars(List.of("Read", "Delivered", "Sent", "Held back", "Failed", "Refused"));
        Map<String, String> labels = java.util.Arrays.stream(Trigger.values())
                .collect(Collectors.toMap(t -> t.id, t -> t.label));
        for (TriggerCounts c : rows) {
            bars.row(labels.getOrDefault(c.trigger(), c.trigger()), List.of(c.read(), c.delivered() - c.read(),
                    c.sent() - c.delivered(), c.heldBack(), c.failed(), c.refused()));
        }
        chart.getElement().setProperty("innerHTML", bars.svg());
    }
}
