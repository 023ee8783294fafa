package io.loyaltyhub.plugins.stores;


import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store as the REST API takes it. {@code active} defaults to true; {@code timeZone} to the
 * plugin's default.
 */
public record StoreRequest(String code, String name, String city, String timeZone, Boolean active) {

    /** Checks every field and answers 422 with a message per field when something is wrong. */
    StoreRequest validated(boolean requireCity, ZoneId defaultZone, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        String c = code == null ? null : code.trim();
        if (creating) {
            if (c == null || c.isEmpty()) {
                errors.put("code", "is required");
            } else if (!c.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
                errors.put("code", "letters, digits, - and _ only, at most 40");
            }
        }
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            errors.put("name", "is required");
        } else if (n.length() > 200) {
            errors.put("name", "at most 200 characters");
        }
        String city1 = city == null || city.isBlank() ? null : city.trim();
        if (city1 != null && city1.length() > 120) {
            errors.put("city", "at most 120 characters");
        }
        if (requireCity && city1 == null) {
            errors.put("city", "is required (setting require-city)");
        }
        String zone = timeZone == null || timeZone.isBlank() ? defaultZone.getId() : timeZone.trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.put("timeZone", "must be a time zone id such as Asia/Kolkata");
        }
        if (!errors.isEmpty()) {
            throw io.loyaltyhub.api.common.Rejected.invalid("The store has invalid fields.", errors);
        }
        return new StoreRequest(c, n, city1, zone, active == null || active);
    }
}
