package io.loyaltyhub.ui.plugins;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import io.loyaltyhub.api.plugin.SettingDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link SettingDefinition} into a form field. Every field gets the id
 * {@code setting-<key>}, the definition's label, its help as helper text and its default as
 * placeholder (where the component has one), and is marked required when there is no default.
 * <ul>
 * <li>STRING, URL, DURATION: TextField</li>
 * <li>INTEGER: TextField accepting digits and a minus (values are longs, too big for IntegerField)</li>
 * <li>DECIMAL: BigDecimalField</li>
 * <li>BOOLEAN: Checkbox</li>
 * <li>CHOICE: Select of the choices</li>
 * <li>SECRET: PasswordField holding the masked value; sent back unchanged, the host keeps the secret</li>
 * </ul>
 */
public final class SettingFieldFactory {

    public static final String ID_PREFIX = "setting-";

    private SettingFieldFactory() {
    }

    public static String fieldId(String key) {
        return ID_PREFIX + key;
    }

    public static SettingField<?> create(SettingDefinition definition) {
        return switch (definition.type()) {
            case STRING, URL, DURATION -> text(definition, new TextField());
            case INTEGER -> {
                TextField field = new TextField();
                field.setAllowedCharPattern("[-0-9]");
                yield text(definition, field);
            }
            case DECIMAL -> decimal(definition);
            case BOOLEAN -> bool(definition);
            case CHOICE -> choice(definition);
            case SECRET -> secret(definition);
        };
    }

    private static SettingField<String> text(SettingDefinition d, TextField field) {
        common(d, field);
        field.setLabel(d.label());
        field.setHelperText(blankToNull(d.help()));
        field.setRequiredIndicatorVisible(d.required());
        field.setPlaceholder(d.defaultValue());
        field.setClearButtonVisible(true);
        return new SettingField<>(d, field, TEXT);
    }

    private static SettingField<String> secret(SettingDefinition d) {
        PasswordField field = new PasswordField();
        common(d, field);
        field.setLabel(d.label());
        field.setHelperText(blankToNull(d.help()));
        field.setRequiredIndicatorVisible(d.required());
        // revealing would only show the mask
        field.setRevealButtonVisible(false);
        return new SettingField<>(d, field, TEXT);
    }

    private static SettingField<BigDecimal> decimal(SettingDefinition d) {
        BigDecimalField field = new BigDecimalField();
        common(d, field);
        field.setLabel(d.label());
        field.setHelperText(blankToNull(d.help()));
        field.setRequiredIndicatorVisible(d.required());
        field.setPlaceholder(d.defaultValue());
        return new SettingField<>(d, field, DECIMAL);
    }

    private static SettingField<Boolean> bool(SettingDefinition d) {
        Checkbox field = new Checkbox();
        common(d, field);
        field.setLabel(d.label());
        field.setHelperText(blankToNull(d.help()));
        boolean fallback = Boolean.parseBoolean(d.defaultValue());
        return new SettingField<>(d, field, new BooleanText(fallback));
    }

    private static SettingField<String> choice(SettingDefinition d) {
        Select<String> field = new Select<>();
        common(d, field);
        field.setLabel(d.label());
        field.setHelperText(blankToNull(d.help()));
        field.setRequiredIndicatorVisible(d.required());
        field.setPlaceholder(d.defaultValue());
        field.setItems(d.choices());
        field.setEmptySelectionAllowed(!d.required());
        if (!d.required()) {
            field.setEmptySelectionCaption("Default (" + d.defaultValue() + ")");
        }
        return new SettingField<>(d, field, new ChoiceText(field, d.choices()));
    }

    private static void common(SettingDefinition d, com.vaadin.flow.component.Component field) {
        field.setId(fieldId(d.key()));
        if (field instanceof com.vaadin.flow.component.HasValidation validation) {
            // only the host validates; the components must not reset its messages on blur
            validation.setManualValidation(true);
        }
        if (field instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Text fields: the text as is, "" for nothing. */
    private static final Converter<String, String> TEXT = new Converter<>() {
        @Override
        public Result<String> convertToModel(String value, ValueContext context) {
            return Result.ok(value == null ? "" : value);
        }

        @Override
        public String convertToPresentation(String value, ValueContext context) {
            return value == null ? "" : value;
        }
    };

    /** BigDecimalField: plain notation, "" for nothing; text that is no number shows as empty. */
    private static final Converter<BigDecimal, String> DECIMAL = new Converter<>() {
        @Override
        public Result<String> convertToModel(BigDecimal value, ValueContext context) {
            return Result.ok(value == null ? "" : value.toPlainString());
        }

        @Override
        public BigDecimal convertToPresentation(String value, ValueContext context) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    };

    /** Checkbox: "true"/"false"; nothing stored shows the default. */
    private record BooleanText(boolean fallback) implements Converter<Boolean, String> {
        @Override
        public Result<String> convertToModel(Boolean value, ValueContext context) {
            return Result.ok(String.valueOf(Boolean.TRUE.equals(value)));
        }

        @Override
        public Boolean convertToPresentation(String value, ValueContext context) {
            return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
        }
    }

    /** Select: the choice, "" for none; a stored value outside the choices is still shown. */
    private record ChoiceText(Select<String> field, List<String> choices) implements Converter<String, String> {
        @Override
        public Result<String> convertToModel(String value, ValueContext context) {
            return Result.ok(value == null ? "" : value);
        }

        @Override
        public String convertToPresentation(String value, ValueContext context) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (!choices.contains(value)) {
                List<String> items = new ArrayList<>(choices);
                items.add(value);
                field.setItems(items);
            } else {
                field.setItems(choices);
            }
            return value;
        }
    }
}
