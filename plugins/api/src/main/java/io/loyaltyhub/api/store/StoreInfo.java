package io.loyaltyhub.api.store;

/**
 * A store as other plugins see it.
 *
 * @param code     the store's code, as bills and ERPs name it (e.g. {@code BLR-1})
 * @param timeZone IANA zone, e.g. {@code Asia/Kolkata}
 */
public record StoreInfo(String code, String name, String city, String timeZone, boolean active) {
}
