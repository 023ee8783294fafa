package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.plugin.PluginDeclaration;
import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.pf4j.Extension;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notifications plugin's settings (a switch per trigger, quiet hours, the marketing cap) and entities. */
@Extension
public class NotificationSettings implements PluginDeclaration {
    static final String QUIET_START = "quiet-hours-start";
    static final String QUIET_END = "quiet-hours-end";
    static final String TIME_ZONE = "time-zone";
    static final String MARKETING_CAP = "marketing-per-week";
    static final String VOUCHER_DAYS = "voucher-reminder-days";

    private static final SettingValidator TIME = value -> {
        try {
            LocalTime.parse(value.trim());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("must be a time of day such as 21:00");
        }
    };

    private static final SettingValidator ZONE = value -> {
        try {
            ZoneId.of(value.trim());
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("must be a time zone id such as Asia/Kolkata");
        }
    };

    static final SettingsSchema SCHEMA = schema();

    private static SettingsSchema schema() {
        List<SettingDefinition> all = new ArrayList<>();
        for (Trigger t : Trigger.values()) {
            all.add(SettingDefinition.of(t.settingKey(), SettingType.BOOLEAN, "true",
                    "Send the '" + t.label + "' message (" + t.audience.channel + ").").label(t.label));
        }
        all.add(SettingDefinition.of(QUIET_START, SettingType.STRING, "21:00",
                "Start of the quiet hours: messages that can wait are held from this time (the store's time zone).")
                .label("Quiet hours from")
                .validatedBy(TIME));
        all.add(SettingDefinition.of(QUIET_END, SettingType.STRING, "09:00",
                "End of the quiet hours: held messages go out from this time. The same as the start: no quiet hours.")
                .label("Quiet hours until").validatedBy(TIME));
        all.add(SettingDefinition.of(TIME_ZONE, SettingType.STRING, "Asia/Kolkata",
                "Time zone of the quiet hours for messages not about a store's bill (IANA id).").label("Time zone")
                .validatedBy(ZONE));
        all.add(SettingDefinition.of(MARKETING_CAP, SettingType.INTEGER, "2",
                "At most this many marketing messages per customer in any 7 days (0: none).")
                .label("Marketing messages per week").validatedBy(SettingValidator.range(0, 50)));
        all.add(SettingDefinition.of(VOUCHER_DAYS, SettingType.INTEGER, "3",
                "Remind customers of an unused voucher this many days before it expires.")
                .label("Voucher reminder (days before)").validatedBy(SettingValidator.range(1, 30)));
        return SettingsSchema.of(all.toArray(SettingDefinition[]::new));
    }

    @Override
    public SettingsSchema settingsSchema() {
        return SCHEMA;
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(NotificationTemplate.class, TemplateVersion.class);
    }

    static boolean on(PluginSettings s, Trigger t) {
        return s.flag(t.settingKey());
    }

    static QuietHours quietHours(PluginSettings s) {
        return new QuietHours(LocalTime.parse(s.string(QUIET_START).trim()), LocalTime.parse(s.string(QUIET_END).trim()));
    }

    static ZoneId zone(PluginSettings s) {
        return ZoneId.of(s.string(TIME_ZONE).trim());
    }
}
