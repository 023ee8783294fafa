package io.loyaltyhub.host;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.loyaltyhub.api.common.PhoneNumbers;

import java.util.Locale;
import java.util.Optional;

/** Phone numbers through Google's libphonenumber: parse leniently, accept only valid numbers. */
final class LibPhoneNumbers implements PhoneNumbers {
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public Optional<String> toE164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        String text = raw.trim();
        if (text.startsWith("00")) {
            text = "+" + text.substring(2); // international prefix used in many countries
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(text, defaultRegion == null ? "ZZ"
                    : defaultRegion.toUpperCase(Locale.ROOT));
            return util.isValidNumber(number)
                    ? Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
