package io.loyaltyhub.ui.plugins;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingsSchema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's settings, one field per {@link SettingDefinition} of its schema (see
 * {@link SettingFieldFactory}). Passive: it shows values and errors and fires a {@link SaveEvent};
 * the view talks to the service.
 */
public class SettingsForm extends VerticalLayout {

    private final Binder<SettingValues> binder = new Binder<>();
    private final Map<String, SettingField<?>> fields = new LinkedHashMap<>();
    private final Button save = new Button("Save settings");
    private Map<String, String> loaded = Map.of();

    public SettingsForm(SettingsSchema schema) {
        setPadding(false);
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (SettingDefinition definition : schema.settings()) {
            SettingField<?> field = SettingFieldFactory.create(definition);
            field.bind(binder);
            fields.put(definition.key(), field);
            layout.add(field.component());
        }
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(layout, save);
    }

    /** Shows the plugin's current values (secrets masked, as the host gives them) and clears errors. */
    public void setValues(Map<String, String> values) {
        binder.readBean(new SettingValues(values));
        fields.values().forEach(SettingField::clearError);
        loaded = currentValues();
    }

    /** Read-only form and disabled save button for actors without {@code plugins:write}. */
    public void setEditable(boolean editable) {
        save.setEnabled(editable);
        fields.values().forEach(f -> f.setReadOnly(!editable));
    }

    /** Hides the form's own save button, for a page that saves the settings with more (a connector). */
    public void setSaveButtonVisible(boolean visible) {
        save.setVisible(visible);
    }

    /** Every field's value as text, in schema order ("" for an empty field). */
    public Map<String, String> currentValues() {
        SettingValues values = new SettingValues();
        binder.writeBeanAsDraft(values, true);
        return values.asMap();
    }

    /**
     * What a save sends: every value, except fields that were empty when loaded and still are (so
     * an untouched setting without a stored value keeps its default). An unchanged secret goes back
     * masked as it came; the host keeps the stored secret then.
     */
    public Map<String, String> valuesToSave() {
        Map<String, String> values = currentValues();
        values.entrySet().removeIf(e -> e.getValue().isEmpty() && loaded.getOrDefault(e.getKey(), "").isEmpty());
        return values;
    }

    /**
     * Puts each message on its field (keeping what was typed).
     *
     * @return the messages for keys that have no field here, as "key: message"
     */
    public List<String> showErrors(Map<String, String> errors) {
        fields.values().forEach(SettingField::clearError);
        List<String> unmatched = new ArrayList<>();
        errors.forEach((key, message) -> {
            SettingField<?> field = fields.get(key);
            if (field == null) {
                unmatched.add(key + ": " + message);
            } else {
                field.showError(message);
            }
        });
        return unmatched;
    }

    public Optional<SettingField<?>> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public Collection<SettingField<?>> fields() {
        return fields.values();
    }

    /** Fires a {@link SaveEvent} with {@link #valuesToSave()} (what the save button does). */
    public void save() {
        if (save.isEnabled()) {
            fireEvent(new SaveEvent(this, valuesToSave()));
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** The user wants these values stored. */
    public static class SaveEvent extends ComponentEvent<SettingsForm> {
        private final Map<String, String> values;

        public SaveEvent(SettingsForm source, Map<String, String> values) {
            super(source, false);
            this.values = Map.copyOf(values);
        }

        public Map<String, String> values() {
            return values;
        }
    }
}
