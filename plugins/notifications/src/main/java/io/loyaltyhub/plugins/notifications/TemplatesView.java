package io.loyaltyhub.plugins.notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.loyaltyhub.admin.AdminSession;
import io.loyaltyhub.api.common.Rejected;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The templates, and an editor for one: its text with the trigger's variables, the WhatsApp template it is sent as
 * outside the 24-hour window, and a live preview with sample values the way WhatsApp (or Telegram) shows it. Saving
 * makes a new version; a refused value shows on its field.
 */
public class TemplatesView extends VerticalLayout {
    private final Notifications notifications;
    private final Grid<TemplateView> grid = new Grid<>(TemplateView.class, false);
    private final H3 title = new H3();
    private final Paragraph variables = new Paragraph();
    private final TextArea body = new TextArea("Message");
    private final Select<Trigger.Category> category = new Select<>();
    private final TextField waName = new TextField("WhatsApp template");
    private final TextField waLanguage = new TextField("Its language");
    private final TextField waParams = new TextField("Its parameters, in order");
    private final Div bubble = new Div();
    private final Div whatsapp = new Div();
    private final Div problems = new Div();
    private final Grid<TemplateVersion.VersionView> versions = new Grid<>(TemplateVersion.VersionView.class, false);
    private final VerticalLayout editor = new VerticalLayout();
    private TemplateView current;

    public TemplatesView(Notifications notifications) {
        this.notifications = notifications;
        setId("templates-view");
        add(new H2("Notification templates"), new Paragraph("One per trigger and language. Customers read them on "
                + "WhatsApp, affiliates on Telegram. Use the trigger's variables in double braces, e.g. {{name}}."));
        grid.setId("templates-grid");
        grid.addColumn(t -> t.triggerEnum().label).setHeader("Trigger").setAutoWidth(true).setSortable(true);
        grid.addColumn(TemplateView::language).setHeader("Language").setAutoWidth(true);
        grid.addColumn(TemplateView::channel).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(TemplateView::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(t -> t.whatsapp() == null ? "" : t.whatsapp().name() + " (" + t.whatsapp().language() + ")")
                .setHeader("WhatsApp template").setAutoWidth(true);
        grid.addColumn(TemplateView::body).setHeader("Message").setFlexGrow(3);
        grid.setHeight("320px");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });
        add(grid, editor());
        refresh();
        editor.setVisible(false);
    }

    private VerticalLayout editor() {
        body.setId("template-body");
        body.setWidthFull();
        body.setMinHeight("140px");
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setValueChangeTimeout(250);
        body.addValueChangeListener(e -> preview());
        category.setId("template-category");
        category.setLabel("Kind");
        category.setItems(Trigger.Category.values());
        category.setItemLabelGenerator(c -> c == Trigger.Category.MARKETING ? "Marketing (opt-in, weekly cap)" : "Utility");
        waName.setId("template-wa-name");
        waLanguage.setId("template-wa-language");
        waParams.setId("template-wa-params");
        waParams.setHelperText("our variables, comma-separated, one per body parameter of the WhatsApp template");
        for (TextField f : List.of(waName, waLanguage, waParams)) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> preview());
        }
        FormLayout mapping = new FormLayout(category, waName, waLanguage, waParams);
        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 4));

        bubble.setId("template-preview");
        bubble.getStyle().set("background", "#dcf8c6").set("color", "#111").set("border-radius", "8px")
                .set("padding", "8px 12px").set("max-width", "420px").set("box-shadow", "0 1px 1px rgba(0,0,0,.15)")
                .set("white-space", "normal").set("font-family", "var(--lumo-font-family)");
        whatsapp.setId("template-wa-preview");
        problems.setId("template-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        Div phone = new Div(bubble);
        phone.getStyle().set("background", "#efeae2").set("padding", "16px").set("border-radius", "12px")
                .set("min-width", "300px");
        VerticalLayout previewColumn = new VerticalLayout(new Span("Preview with sample values"), phone, whatsapp, problems);
        previewColumn.setPadding(false);

        VerticalLayout fields = new VerticalLayout(variables, body, mapping);
        fields.setPadding(false);
        HorizontalLayout columns = new HorizontalLayout(fields, previewColumn);
        columns.setWidthFull();
        columns.setFlexGrow(2, fields);
        columns.setFlexGrow(1, previewColumn);

        editor.setId("template-editor");
        editor.setPadding(false);
        editor.add(title, columns);
        if (AdminSession.may("notifications:write")) {
            Button save = new Button("Save as new version", e -> save());
            save.setId("template-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            editor.add(save);
        }
        versions.setId("template-versions");
        versions.addColumn(TemplateVersion.VersionView::version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> v.savedAt().toString()).setHeader("Saved (UTC)").setAutoWidth(true);
        versions.addColumn(TemplateVersion.VersionView::savedBy).setHeader("By").setAutoWidth(true);
        versions.addColumn(TemplateVersion.VersionView::body).setHeader("Message").setFlexGrow(3);
        versions.setAllRowsVisible(true);
        editor.add(new H3("Versions"), versions);
        return editor;
    }

    private void edit(TemplateView t) {
        current = t;
        Trigger trigger = t.triggerEnum();
        title.setText(trigger.label + " (" + t.language() + ", " + t.channel() + ", version " + t.version() + ")");
        variables.setText("Variables: " + String.join(" ", trigger.variables().stream().map(v -> "{{" + v + "}}")
                .toList()));
        body.setValue(t.body());
        category.setValue(t.category());
        boolean customer = trigger.audience == Trigger.Audience.CUSTOMER;
        for (TextField f : List.of(waName, waLanguage, waParams)) {
            f.setVisible(customer);
            f.setInvalid(false);
        }
        waName.setValue(t.whatsapp() == null ? "" : t.whatsapp().name());
        waLanguage.setValue(t.whatsapp() == null ? t.language() : t.whatsapp().language());
        waParams.setValue(t.whatsapp() == null ? "" : String.join(", ", t.whatsapp().parameters()));
        bubble.getStyle().set("background", customer ? "#dcf8c6" : "#e3f2fd");
        versions.setItems(notifications.templates().versions(t.id()));
        editor.setVisible(true);
        preview();
    }

    private WhatsAppMapping mapping() {
        if (waName.getValue().isBlank()) {
            return null;
        }
        List<String> params = Arrays.stream(waParams.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        return new WhatsAppMapping(waName.getValue().trim(), waLanguage.getValue().trim(), params);
    }

    private void preview() {
        if (current == null) {
            return;
        }
        Preview p = notifications.preview(current.trigger(), body.getValue(), mapping());
        bubble.getElement().setProperty("innerHTML", ChatPreview.html(p.text(), current.channel()));
        if (p.whatsapp() == null) {
            whatsapp.setText(current.channel().equals("whatsapp")
                    ? "No WhatsApp template: outside the 24-hour window this message is not sent." : "");
        } else {
            whatsapp.setText("Outside the 24-hour window: template " + p.whatsapp().name() + " ("
                    + p.whatsapp().language() + ", " + p.whatsapp().status().toLowerCase() + ") with "
                    + String.join(", ", p.whatsapp().parameters().stream().map(x -> x.name() + " = " + x.value())
                    .toList()));
        }
        problems.setText(p.problems().isEmpty() ? p.length() + " of " + p.limit() + " characters"
                : String.join("; ", p.problems()));
        problems.getStyle().set("color", p.problems().isEmpty() ? "var(--lumo-secondary-text-color)"
                : "var(--lumo-error-text-color)");
    }

    private void save() {
        body.setInvalid(false);
        for (TextField f : List.of(waName, waLanguage, waParams)) {
            f.setInvalid(false);
        }
        try {
            TemplateView saved = notifications.templates().update(AdminSession.require(), current.id(),
                    new TemplateContent(body.getValue(), category.getValue(), mapping()));
            Notification.show("Saved: version " + saved.version()).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            edit(saved);
        } catch (Rejected r) {
            Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("body", body, "whatsapp.name", waName,
                    "whatsapp.language", waLanguage, "whatsapp.parameters", waParams, "whatsapp", waName);
            r.fieldErrors().forEach((key, message) -> {
                var f = fields.get(key);
                if (f != null) {
                    f.setErrorMessage(message);
                    f.setInvalid(true);
                }
            });
            Notification.show(r.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        List<TemplateView> all = notifications.templates().list().stream()
                .sorted(java.util.Comparator.comparing((TemplateView t) -> t.triggerEnum().ordinal())
                        .thenComparing(TemplateView::language)).toList();
        grid.setItems(all);
    }
}
