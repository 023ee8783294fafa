package io.loyaltyhub.api.loyalty;

/** Changes to a customer; null fields stay as they are. */
public record CustomerChanges(String name, Birthday birthday, String language, CustomerStatus status) {
}
