package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.erp.ConnectorDraft;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ConnectorType;
import io.loyaltyhub.api.erp.MappingSchema;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingsSchema;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Rejections;
import io.loyaltyhub.ui.plugins.SettingField;
import io.loyaltyhub.ui.plugins.SettingsForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A connector's name, type, the type's settings (the plugins' settings form, from the type's schema) and its
 * mapping. Passive: the view asks for the {@link #draft()} and hands back refusals.
 */
public class ConnectorForm extends VerticalLayout {

    static final String SECRET_HELP = "Type the NAME of an environment variable on the server that holds the "
            + "password (for example ERP_DB_PASSWORD), not the password itself. Ask whoever runs the server to set it.";

    final TextField name = new TextField("Name");
    final Select<ConnectorType> type = new Select<>();
    final Button save = new Button("Save connector");
    final ErrorText error = new ErrorText("connector-error");
    private final Div settingsBox = new Div();
    private final Div mappingBox = new Div();
    private final Paragraph noTypes = new Paragraph();
    SettingsForm settings;
    MappingForm mapping;
    private ConnectorDraft loaded;
    private boolean editable = true;

    public ConnectorForm(List<ConnectorType> types, Consumer<ConnectorForm> onSave) {
        setPadding(false);
        setId("connector-form");
        name.setId("connector-name");
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        name.setHelperText("For people, e.g. \"Head office ERP\" or \"Store 12 till exports\".");
        name.setWidthFull();
        type.setId("connector-type");
        type.setLabel("Type");
        type.setItems(types);
        type.setItemLabelGenerator(ConnectorType::title);
        type.setPlaceholder("Choose where bills come from");
        type.setRequiredIndicatorVisible(true);
        type.setWidthFull();
        type.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                showType(e.getValue(), Map.of(), null);
            }
        });
        noTypes.setId("connector-no-types");
        noTypes.setText("No connector types are available. Start a connector plugin (for example the CSV files "
                + "plugin) on the Plugins page.");
        noTypes.setVisible(types.isEmpty());
        FormLayout top = new FormLayout(name, type);
        top.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        settingsBox.setWidthFull();
        mappingBox.setWidthFull();
        save.setId("connector-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> onSave.accept(this));
        add(noTypes, top, settingsBox, mappingBox, error, save);
    }

    /** An empty form for a new connector (the first type chosen when there is only one). */
    public void showNew() {
        name.clear();
        type.setReadOnly(false);
        ConnectorType only = type.getListDataView().getItemCount() == 1 ? type.getListDataView().getItem(0) : null;
        type.setValue(only);
        showType(only, Map.of(), null);
    }

    /** A new connector of type {@code t}: its settings form and the type's default mapping. */
    void choose(ConnectorType t) {
        type.setValue(t);
        showType(t, Map.of(), null);
    }

    /** A saved connector; its type cannot change. {@code connectorType} is null when its plugin is not running. */
    public void show(ConnectorInfo connector, ConnectorType connectorType) {
        name.setValue(connector.name() == null ? "" : connector.name());
        type.setValue(connectorType);
        type.setReadOnly(true);
        if (connectorType == null) {
            // the plugin of the type is not running: the mapping as stored, nothing to edit
            ConnectorType stand = new ConnectorType(connector.type(), connector.type(), "", SettingsSchema.EMPTY,
                    new MappingSchema(connector.mapping() == null ? Map.of() : connector.mapping().columns()));
            showType(stand, connector.settings(), connector.mapping());
            noTypes.setText("The plugin for this connector's type (" + connector.type() + ") is not running, so its "
                    + "settings cannot be changed. Start it on the Plugins page.");
            noTypes.setVisible(true);
            setEditable(false);
            return;
        }
        showType(connectorType, connector.settings(), connector.mapping());
    }

    private void showType(ConnectorType t, Map<String, String> values, io.loyaltyhub.api.erp.Mapping stored) {
        settingsBox.removeAll();
        mappingBox.removeAll();
        error.clear();
        settings = null;
        mapping = null;
        if (t == null) {
            loaded = draft();
            return;
        }
        if (!t.settings().settings().isEmpty()) {
            settings = new SettingsForm(t.settings());
            settings.setId("connector-settings");
            settings.setSaveButtonVisible(false);
            settings.setValues(values);
            settings.fields().forEach(ConnectorForm::explainSecret);
            settingsBox.add(new H4("Settings"), settings);
        }
        mapping = new MappingForm(t.mapping());
        mapping.setMapping(stored);
        mappingBox.add(mapping);
        setEditable(editable);
        loaded = draft();
    }

    /**
     * A connector's password is never stored: its setting (a SECRET, or a key such as {@code password-env}) holds
     * the name of an environment variable, which may be shown.
     */
    private static void explainSecret(SettingField<?> field) {
        boolean secret = field.definition().type() == SettingType.SECRET;
        boolean envName = field.key().endsWith("-env");
        if (!secret && !envName) {
            return;
        }
        String help = field.definition().help() == null ? "" : field.definition().help().strip();
        String text = help.toLowerCase(java.util.Locale.ROOT).contains("environment variable") ? help
                : (help.isEmpty() ? SECRET_HELP : help + " " + SECRET_HELP);
        if (field.component() instanceof PasswordField p) {
            p.setHelperText(text);
            // a stored name comes back masked; showing the mask would tell nothing
            p.setRevealButtonVisible(!masked(p.getValue()));
            p.setPlaceholder("e.g. ERP_DB_PASSWORD");
        } else if (field.component() instanceof TextField t) {
            t.setHelperText(text);
            t.setPlaceholder("e.g. ERP_DB_PASSWORD");
        }
    }

    /** A value the server masked ("********", "••••••"). */
    static boolean masked(String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(c -> c == '*' || c == '•');
    }

    public void setEditable(boolean editable) {
        this.editable = editable;
        name.setReadOnly(!editable);
        save.setVisible(editable);
        if (settings != null) {
            settings.setEditable(editable);
        }
        if (mapping != null) {
            mapping.setEditable(editable);
        }
    }

    /** What the form holds now (null type when none is chosen). */
    public ConnectorDraft draft() {
        ConnectorType t = type.getValue();
        return new ConnectorDraft(name.getValue().strip(), t == null ? null : t.type(),
                settings == null ? Map.of() : settings.valuesToSave(), mapping == null ? null : mapping.toMapping());
    }

    /** Whether something was changed since the connector was shown. */
    public boolean changed() {
        return !draft().equals(loaded);
    }

    /** After a save: what is shown is what is stored. */
    public void markSaved() {
        loaded = draft();
    }

    /** Puts a refusal's field errors next to their fields; the rest, with the message, below the form. */
    public void showRejected(Rejected e) {
        Map<String, String> rest = showFieldErrors(e.fieldErrors());
        error.show(Rejections.message(e, rest));
    }

    /** @return the errors no field took */
    Map<String, String> showFieldErrors(Map<String, String> errors) {
        clearErrors();
        Map<String, String> forSettings = new LinkedHashMap<>();
        Map<String, String> forMapping = new LinkedHashMap<>();
        Map<String, String> rest = new LinkedHashMap<>();
        errors.forEach((key, message) -> {
            String k = key.strip();
            String settingKey = k.startsWith("settings.") ? k.substring("settings.".length()) : k;
            if (k.equals("name")) {
                name.setErrorMessage(message);
                name.setInvalid(true);
            } else if (k.equals("type")) {
                type.setErrorMessage(message);
                type.setInvalid(true);
            } else if (settings != null && settings.field(settingKey).isPresent()
                    && (k.startsWith("settings.") || !k.startsWith("mapping"))) {
                forSettings.put(settingKey, message);
            } else if (mapping != null && MappingForm.isMappingKey(k)) {
                forMapping.put(k, message);
            } else {
                rest.put(k, message);
            }
        });
        if (settings != null) {
            settings.showErrors(forSettings);
        }
        if (mapping != null) {
            rest.putAll(mapping.showErrors(forMapping));
        }
        return rest;
    }

    public void clearErrors() {
        error.clear();
        name.setInvalid(false);
        name.setErrorMessage(null);
        type.setInvalid(false);
        type.setErrorMessage(null);
        if (settings != null) {
            settings.showErrors(Map.of());
        }
        if (mapping != null) {
            mapping.clearErrors();
        }
    }
}
