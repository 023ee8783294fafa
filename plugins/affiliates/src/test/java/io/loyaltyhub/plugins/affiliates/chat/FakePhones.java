package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.common.PhoneNumbers;

import java.util.Optional;

/** Indian mobile numbers the way the host's libphonenumber reads them, enough for the chat's tests. */
class FakePhones implements PhoneNumbers {
    @Override
    public Optional<String> toE164(String raw, String defaultRegion) {
        String d = raw.replaceAll("[\\s().\\-]", "");
        if (d.startsWith("0091")) {
            d = "+91" + d.substring(4);
        } else if (d.matches("0[6-9][0-9]{9}")) {
            d = d.substring(1);
        }
        if (d.matches("[6-9][0-9]{9}") && "IN".equals(defaultRegion)) {
            return Optional.of("+91" + d);
        }
        return d.matches("\\+91[6-9][0-9]{9}") ? Optional.of(d) : Optional.empty();
    }
}
