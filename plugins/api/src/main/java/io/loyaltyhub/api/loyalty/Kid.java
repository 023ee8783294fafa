package io.loyaltyhub.api.loyalty;

public record Kid(long id, String name, Birthday birthday) {
}
