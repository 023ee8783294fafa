package io.loyaltyhub.plugins.stores;

/** A store as the REST API answers it. */
public record StoreView(long id, String code, String name, String city, String timeZone, boolean active) {
}
