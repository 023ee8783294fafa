package io.loyaltyhub.ui.plugins;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.converter.Converter;
import io.loyaltyhub.api.plugin.SettingDefinition;

/**
 * One form field made from a {@link SettingDefinition}: the component, and how its value becomes
 * the setting's text and back.
 *
 * @param <V> the component's value type
 */
public final class SettingField<V> {

    private final SettingDefinition definition;
    private final Component component;
    private final HasValue<?, V> input;
    private final Converter<V, String> converter;

    <C extends Component & HasValue<?, V> & HasValidation> SettingField(
            SettingDefinition definition, C component, Converter<V, String> converter) {
        this.definition = definition;
        this.component = component;
        this.input = component;
        this.converter = converter;
    }

    public String key() {
        return definition.key();
    }

    public SettingDefinition definition() {
        return definition;
    }

    public Component component() {
        return component;
    }

    /** Shows a message from the server on the field (kept until the value changes or the form reloads). */
    public void showError(String message) {
        HasValidation validation = (HasValidation) component;
        validation.setErrorMessage(message);
        validation.setInvalid(true);
    }

    public void clearError() {
        HasValidation validation = (HasValidation) component;
        validation.setInvalid(false);
        validation.setErrorMessage(null);
    }

    public boolean hasError() {
        return ((HasValidation) component).isInvalid();
    }

    public void setReadOnly(boolean readOnly) {
        input.setReadOnly(readOnly);
    }

    void bind(Binder<SettingValues> binder) {
        String key = definition.key();
        binder.forField(input)
                .withConverter(converter)
                .bind(values -> values.get(key), (values, text) -> values.put(key, text));
    }
}
