package io.loyaltyhub.plugins.stores;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.admin.AdminSession;
import io.loyaltyhub.api.common.Rejected;

import java.util.Map;

/**
 * The retailer's stores: a list, and for staff who may change stores a form to add one. A refused value shows on its
 * field; anything else in a notification.
 */
public class StoresView extends VerticalLayout {
    private final Stores stores;
    private final Grid<StoreView> grid = new Grid<>(StoreView.class, false);
    private final TextField code = new TextField("Code");
    private final TextField name = new TextField("Name");
    private final TextField city = new TextField("City");
    private final TextField zone = new TextField("Time zone");

    public StoresView(Stores stores) {
        this.stores = stores;
        setId("stores-view");
        add(new H2("Stores"), new Paragraph("Bills, vouchers and connectors name a store by its code."));
        grid.setId("stores-grid");
        grid.addColumn(StoreView::code).setHeader("Code").setSortable(true).setAutoWidth(true);
        grid.addColumn(StoreView::name).setHeader("Name").setSortable(true);
        grid.addColumn(s -> s.city() == null ? "" : s.city()).setHeader("City").setSortable(true);
        grid.addColumn(StoreView::timeZone).setHeader("Time zone");
        grid.addColumn(s -> s.active() ? "active" : "closed").setHeader("Status");
        grid.setEmptyStateText("No stores yet.");
        grid.setAllRowsVisible(true);
        if (AdminSession.may("stores:write")) {
            add(form());
        }
        add(grid);
        refresh();
    }

    private FormLayout form() {
        code.setId("store-code");
        name.setId("store-name");
        city.setId("store-city");
        zone.setId("store-zone");
        zone.setPlaceholder("the plugin's default zone");
        Button save = new Button("Add store", e -> save());
        save.setId("store-add");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, name, city, zone, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 5));
        return form;
    }

    private void save() {
        for (TextField f : new TextField[]{code, name, city, zone}) {
            f.setInvalid(false);
        }
        try {
            StoreView added = stores.create(AdminSession.require(), new StoreRequest(code.getValue(), name.getValue(),
                    city.getValue(), zone.getValue(), true));
            Notification.show("Store " + added.code() + " added").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            for (TextField f : new TextField[]{code, name, city, zone}) {
                f.clear();
            }
            refresh();
        } catch (Rejected r) {
            Map<String, TextField> fields = Map.of("code", code, "name", name, "city", city, "timeZone", zone);
            r.fieldErrors().forEach((key, message) -> {
                TextField f = fields.get(key);
                if (f != null) {
                    f.setErrorMessage(message);
                    f.setInvalid(true);
                }
            });
            if (r.fieldErrors().isEmpty()) {
                Notification.show(r.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    private void refresh() {
        grid.setItems(stores.list());
    }
}
