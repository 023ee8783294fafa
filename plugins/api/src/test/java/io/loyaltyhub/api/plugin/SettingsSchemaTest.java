package io.loyaltyhub.api.plugin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsSchemaTest {
    @Test
    void keysAreUnique() {
        SettingDefinition a = SettingDefinition.of("a", SettingType.STRING, "x", "");
        assertThatThrownBy(() -> SettingsSchema.of(a, a)).hasMessageContaining("duplicate setting key a");
    }

    @Test
    void choicesAreRequiredForChoiceSettings() {
        assertThatThrownBy(() -> SettingDefinition.of("mode", SettingType.CHOICE, "a", ""))
                .hasMessageContaining("without choices");
        assertThat(SettingDefinition.choice("mode", "a", "", "a", "b").choices()).containsExactly("a", "b");
    }

    @Test
    void noDefaultMeansRequired() {
        assertThat(SettingDefinition.of("token", SettingType.SECRET, null, "").required()).isTrue();
        assertThat(SettingDefinition.of("zone", SettingType.STRING, "UTC", "").required()).isFalse();
    }

    @Test
    void rangeValidator() {
        assertThat(SettingValidator.range(1, 10).check("11")).contains("must be between 1 and 10");
        assertThat(SettingValidator.range(1, 10).check("10")).isEmpty();
    }
}
