package io.loyaltyhub.api.common;

import java.util.Optional;

/** Phone numbers as customers and affiliates are identified: E.164 (libphonenumber in the host). */
public interface PhoneNumbers {
    /**
     * @param raw           as typed or sent: "98450 12345", "+91 98450-12345", "0091..."
     * @param defaultRegion ISO 3166 region for numbers without a country code, e.g. "IN"
     * @return the number in E.164 ({@code +919845012345}) if it is a valid number, else empty
     */
    Optional<String> toE164(String raw, String defaultRegion);
}
