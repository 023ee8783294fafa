package io.loyaltyhub.api.loyalty;

/**
 * What joining needs: a mobile number (any common format; normalised to E.164), optionally a
 * name, birthday and language; where consent was given.
 */
public record NewCustomer(String mobile, String name, Birthday birthday, String language, String consentSource) {
}
