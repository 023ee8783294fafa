package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsValidationTest {
    private static final SettingsSchema SCHEMA = SettingsSchema.of(
            SettingDefinition.of("count", SettingType.INTEGER, "5", "").validatedBy(SettingValidator.range(1, 10)),
            SettingDefinition.of("rate", SettingType.DECIMAL, "0.01", ""),
            SettingDefinition.of("on", SettingType.BOOLEAN, "false", ""),
            SettingDefinition.choice("mode", "first", "", "first", "last"),
            SettingDefinition.of("hold", SettingType.DURATION, "30d", ""),
            SettingDefinition.of("site", SettingType.URL, "https://shop.example", ""),
            new SettingDefinition("token", "Token", SettingType.SECRET, null, List.of(), "", null));

    @Test
    void defaultsFillGapsAndRequiredWithoutDefaultIsReported() {
        assertThat(SettingsValidation.errors(SCHEMA, Map.of())).containsExactly(Map.entry("token", "is required"));
        assertThat(SettingsValidation.errors(SCHEMA, Map.of("token", "t"))).isEmpty();
        assertThat(SettingsValidation.effective(SCHEMA, Map.of("token", "t", "count", " 7 ")))
                .containsEntry("count", "7").containsEntry("hold", "30d");
    }

    @Test
    void everyTypeIsChecked() {
        Map<String, String> errors = SettingsValidation.errors(SCHEMA, Map.of("token", "t", "count", "x",
                "rate", "1,5", "on", "yes", "mode", "middle", "hold", "a while", "site", "ftp://x", "extra", "1"));
        assertThat(errors).containsEntry("count", "must be a whole number")
                .containsEntry("rate", "must be a decimal number such as 12.50")
                .containsEntry("on", "must be true or false")
                .containsEntry("mode", "must be one of first, last")
                .containsEntry("hold", "must be a duration such as 15m, 12h, 30d or PT15M")
                .containsEntry("site", "must be an http(s) URL")
                .containsEntry("extra", "unknown setting");
    }

    @Test
    void theSettingsOwnValidatorRunsAfterTheTypeCheck() {
        assertThat(SettingsValidation.errors(SCHEMA, Map.of("token", "t", "count", "11")))
                .containsExactly(Map.entry("count", "must be between 1 and 10"));
    }

    @Test
    void validatedSettingsReadTyped() {
        ValidatedSettings s = new ValidatedSettings(SettingsValidation.effective(SCHEMA, Map.of("token", "t")));
        assertThat(s.number("count")).isEqualTo(5);
        assertThat(s.decimal("rate")).isEqualByComparingTo("0.01");
        assertThat(s.flag("on")).isFalse();
        assertThat(s.duration("hold").toDays()).isEqualTo(30);
    }
}
