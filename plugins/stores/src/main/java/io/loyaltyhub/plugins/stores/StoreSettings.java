package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.plugin.PluginDeclaration;
import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.pf4j.Extension;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The stores plugin's settings and entities. */
@Extension
public class StoreSettings implements PluginDeclaration {
    static final String DEFAULT_TIME_ZONE = "default-time-zone";
    static final String REQUIRE_CITY = "require-city";
    static final String MAX_STORES = "max-stores";

    static final SettingValidator ZONE_ID = value -> {
        try {
            ZoneId.of(value.trim());
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("must be a time zone id such as Asia/Kolkata");
        }
    };

    static final SettingsSchema SCHEMA = SettingsSchema.of(
            SettingDefinition.of(DEFAULT_TIME_ZONE, SettingType.STRING, "Asia/Kolkata",
                            "Time zone of a store created without one (IANA id).")
                    .label("Default time zone").validatedBy(ZONE_ID),
            SettingDefinition.of(REQUIRE_CITY, SettingType.BOOLEAN, "false",
                            "Refuse stores without a city (segments and reports group by city).")
                    .label("Require city"),
            SettingDefinition.of(MAX_STORES, SettingType.INTEGER, "500",
                            "Upper bound on active stores, a guard against runaway imports.")
                    .label("Maximum stores").validatedBy(SettingValidator.range(1, 100_000)));

    @Override
    public SettingsSchema settingsSchema() {
        return SCHEMA;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(Store.class);
    }

    static ZoneId defaultZone(PluginSettings settings) {
        return ZoneId.of(settings.string(DEFAULT_TIME_ZONE).trim());
    }
}
