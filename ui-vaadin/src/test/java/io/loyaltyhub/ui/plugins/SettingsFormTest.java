package io.loyaltyhub.ui.plugins;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsFormTest {

    static final String MASK = "••••••";

    static final SettingsSchema SCHEMA = SettingsSchema.of(
            SettingDefinition.of("api-url", SettingType.URL, null, "Base URL"),
            SettingDefinition.of("page-size", SettingType.INTEGER, "50", ""),
            SettingDefinition.of("rate", SettingType.DECIMAL, "0.05", ""),
            SettingDefinition.of("enabled", SettingType.BOOLEAN, "true", ""),
            new SettingDefinition("mode", null, SettingType.CHOICE, "slow", List.of("slow", "fast"), "", null),
            SettingDefinition.of("timeout", SettingType.DURATION, "30s", ""),
            SettingDefinition.of("token", SettingType.SECRET, null, ""));

    static final Map<String, String> STORED = Map.of(
            "api-url", "https://shop.example", "page-size", "20", "rate", "0.10",
            "enabled", "false", "mode", "fast", "token", MASK);

    SettingsForm loadedForm() {
        SettingsForm form = new SettingsForm(SCHEMA);
        form.setValues(STORED);
        return form;
    }

    @SuppressWarnings("unchecked")
    <T> T component(SettingsForm form, String key) {
        return (T) form.field(key).orElseThrow().component();
    }

    @Test
    void oneFieldPerSettingInSchemaOrder() {
        SettingsForm form = new SettingsForm(SCHEMA);
        assertThat(form.fields()).extracting(SettingField::key)
                .containsExactly("api-url", "page-size", "rate", "enabled", "mode", "timeout", "token");
    }

    @Test
    void showsStoredValues() {
        SettingsForm form = loadedForm();
        assertThat(this.<TextField>component(form, "api-url").getValue()).isEqualTo("https://shop.example");
        assertThat(this.<TextField>component(form, "page-size").getValue()).isEqualTo("20");
        assertThat(this.<BigDecimalField>component(form, "rate").getValue()).isEqualByComparingTo("0.10");
        assertThat(this.<Checkbox>component(form, "enabled").getValue()).isFalse();
        assertThat(this.<Select<String>>component(form, "mode").getValue()).isEqualTo("fast");
        assertThat(this.<TextField>component(form, "timeout").getValue()).isEmpty();
        assertThat(this.<PasswordField>component(form, "token").getValue()).isEqualTo(MASK);
    }

    @Test
    void unsetBooleanShowsItsDefault() {
        SettingsForm form = new SettingsForm(SCHEMA);
        form.setValues(Map.of());
        assertThat(this.<Checkbox>component(form, "enabled").getValue()).isTrue();
    }

    @Test
    void untouchedFormSendsStoredValuesBackWithTheMaskedSecretAndWithoutUnsetOnes() {
        Map<String, String> expected = new LinkedHashMap<>(STORED);
        assertThat(loadedForm().valuesToSave()).isEqualTo(expected).doesNotContainKey("timeout");
    }

    @Test
    void editedValuesAreSentAsText() {
        SettingsForm form = loadedForm();
        this.<TextField>component(form, "page-size").setValue("35");
        this.<BigDecimalField>component(form, "rate").setValue(new BigDecimal("1.250"));
        this.<Checkbox>component(form, "enabled").setValue(true);
        this.<Select<String>>component(form, "mode").setValue("slow");
        this.<TextField>component(form, "timeout").setValue("15m");
        this.<PasswordField>component(form, "token").setValue("new-secret");
        this.<TextField>component(form, "api-url").setValue("");

        Map<String, String> values = form.valuesToSave();
        assertThat(values).containsEntry("page-size", "35").containsEntry("rate", "1.250")
                .containsEntry("enabled", "true").containsEntry("mode", "slow")
                .containsEntry("timeout", "15m").containsEntry("token", "new-secret")
                // cleared on purpose: sent, the host decides
                .containsEntry("api-url", "");
    }

    @Test
    void storedChoiceOutsideTheChoicesIsStillShownAndSentBack() {
        SettingsForm form = new SettingsForm(SCHEMA);
        form.setValues(Map.of("mode", "legacy"));
        assertThat(this.<Select<String>>component(form, "mode").getValue()).isEqualTo("legacy");
        assertThat(form.valuesToSave()).containsEntry("mode", "legacy");
    }

    @Test
    void saveFiresTheValuesOnlyWhenEditable() {
        SettingsForm form = loadedForm();
        List<Map<String, String>> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.values()));

        form.setEditable(false);
        form.save();
        assertThat(saved).isEmpty();
        assertThat(this.<TextField>component(form, "page-size").isReadOnly()).isTrue();

        form.setEditable(true);
        this.<TextField>component(form, "page-size").setValue("21");
        form.save();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0)).containsEntry("page-size", "21");
    }

    @Test
    void rejectedSettingsGoOnTheirFieldsAndTheTypedValuesStay() {
        SettingsForm form = loadedForm();
        this.<TextField>component(form, "page-size").setValue("-3");

        List<String> unmatched = form.showErrors(Map.of("page-size", "must be positive", "gone", "unknown setting"));

        TextField pageSize = component(form, "page-size");
        assertThat(pageSize.isInvalid()).isTrue();
        assertThat(pageSize.getErrorMessage()).isEqualTo("must be positive");
        assertThat(pageSize.getValue()).isEqualTo("-3");
        assertThat(this.<TextField>component(form, "api-url").isInvalid()).isFalse();
        assertThat(unmatched).containsExactly("gone: unknown setting");

        form.showErrors(Map.of("api-url", "not https"));
        assertThat(pageSize.isInvalid()).as("old errors cleared").isFalse();
        assertThat(this.<TextField>component(form, "api-url").getErrorMessage()).isEqualTo("not https");

        form.setValues(STORED);
        assertThat(this.<TextField>component(form, "api-url").isInvalid()).isFalse();
    }
}
