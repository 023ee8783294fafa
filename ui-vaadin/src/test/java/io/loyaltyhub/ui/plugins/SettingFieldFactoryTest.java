package io.loyaltyhub.ui.plugins;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingFieldFactoryTest {

    static SettingDefinition definition(SettingType type) {
        List<String> choices = type == SettingType.CHOICE ? List.of("a", "b") : List.of();
        String fallback = switch (type) {
            case BOOLEAN -> "true";
            case CHOICE -> "a";
            case INTEGER -> "50";
            case DECIMAL -> "0.5";
            default -> "dflt";
        };
        return new SettingDefinition("my-key", "My label", type, fallback, choices, "Some help", null);
    }

    @ParameterizedTest
    @EnumSource(SettingType.class)
    void everyTypeGetsTheKeyAsIdAndTheLabelAndHelp(SettingType type) {
        SettingField<?> field = SettingFieldFactory.create(definition(type));
        assertThat(field.key()).isEqualTo("my-key");
        assertThat(field.component().getId()).contains("setting-my-key");
        assertThat(field.component().getElement().getProperty("label")).isEqualTo("My label");
        assertThat(field.component().getElement().getProperty("helperText")).isEqualTo("Some help");
    }

    @Test
    void typesMapToComponents() {
        assertThat(SettingFieldFactory.create(definition(SettingType.STRING)).component()).isExactlyInstanceOf(TextField.class);
        assertThat(SettingFieldFactory.create(definition(SettingType.URL)).component()).isExactlyInstanceOf(TextField.class);
        assertThat(SettingFieldFactory.create(definition(SettingType.DURATION)).component()).isExactlyInstanceOf(TextField.class);
        assertThat(SettingFieldFactory.create(definition(SettingType.INTEGER)).component()).isExactlyInstanceOf(TextField.class);
        assertThat(SettingFieldFactory.create(definition(SettingType.DECIMAL)).component()).isExactlyInstanceOf(BigDecimalField.class);
        assertThat(SettingFieldFactory.create(definition(SettingType.BOOLEAN)).component()).isExactlyInstanceOf(Checkbox.class);
        assertThat(SettingFieldFactory.create(definition(SettingType.CHOICE)).component()).isExactlyInstanceOf(Select.class);
        assertThat(SettingFieldFactory.create(definition(SettingType.SECRET)).component()).isExactlyInstanceOf(PasswordField.class);
    }

    @Test
    void defaultIsThePlaceholderAndNoDefaultMeansRequired() {
        TextField withDefault = (TextField) SettingFieldFactory.create(definition(SettingType.STRING)).component();
        assertThat(withDefault.getPlaceholder()).isEqualTo("dflt");
        assertThat(withDefault.isRequiredIndicatorVisible()).isFalse();

        TextField required = (TextField) SettingFieldFactory.create(
                SettingDefinition.of("url", SettingType.URL, null, "")).component();
        assertThat(required.isRequiredIndicatorVisible()).isTrue();
        assertThat(required.getPlaceholder()).isNullOrEmpty();
        assertThat(required.getLabel()).isEqualTo("url");
        assertThat(required.getHelperText()).isNull();

        BigDecimalField decimal = (BigDecimalField) SettingFieldFactory.create(definition(SettingType.DECIMAL)).component();
        assertThat(decimal.getPlaceholder()).isEqualTo("0.5");
    }

    @Test
    void integerFieldsAcceptOnlyDigits() {
        TextField integer = (TextField) SettingFieldFactory.create(definition(SettingType.INTEGER)).component();
        assertThat(integer.getAllowedCharPattern()).isEqualTo("[-0-9]");
    }

    @Test
    void choicesAreTheItems() {
        @SuppressWarnings("unchecked")
        Select<String> select = (Select<String>) SettingFieldFactory.create(definition(SettingType.CHOICE)).component();
        assertThat(select.getListDataView().getItems()).containsExactly("a", "b");
        assertThat(select.getPlaceholder()).isEqualTo("a");
    }

    @Test
    void secretsCannotBeRevealed() {
        PasswordField secret = (PasswordField) SettingFieldFactory.create(definition(SettingType.SECRET)).component();
        assertThat(secret.isRevealButtonVisible()).isFalse();
    }

    @Test
    void errorsAreShownOnTheField() {
        SettingField<?> field = SettingFieldFactory.create(definition(SettingType.STRING));
        field.showError("too long");
        TextField text = (TextField) field.component();
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("too long");
        field.clearError();
        assertThat(text.isInvalid()).isFalse();
    }
}
