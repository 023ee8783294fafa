package io.loyaltyhub.api.plugin;

import java.util.Optional;

/** An extra check on a setting's value after its type was checked. */
@FunctionalInterface
public interface SettingValidator {
    /** @return a message for the user when the value is not acceptable, else empty */
    Optional<String> check(String value);

    SettingValidator NONE = value -> Optional.empty();

    static SettingValidator range(long min, long max) {
        return value -> {
            long v = Long.parseLong(value.trim());
            return v < min || v > max
                    ? Optional.of("must be between " + min + " and " + max)
                    : Optional.empty();
        };
    }

    static SettingValidator notBlank() {
        return value -> value.isBlank() ? Optional.of("must not be empty") : Optional.empty();
    }
}
