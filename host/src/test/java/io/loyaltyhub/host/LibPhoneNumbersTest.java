package io.loyaltyhub.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LibPhoneNumbersTest {
    private final LibPhoneNumbers phones = new LibPhoneNumbers();

    @Test
    void commonIndianFormatsBecomeE164() {
        assertThat(phones.toE164("98450 12345", "IN")).contains("+919845012345");
        assertThat(phones.toE164("+91 98450-12345", "IN")).contains("+919845012345");
        assertThat(phones.toE164("0091 9845012345", "IN")).contains("+919845012345");
        assertThat(phones.toE164("09845012345", "IN")).contains("+919845012345");
        assertThat(phones.toE164("+44 20 7946 0958", "IN")).contains("+442079460958");
    }

    @Test
    void invalidNumbersAreRefused() {
        assertThat(phones.toE164("12345", "IN")).isEmpty();
        assertThat(phones.toE164("not a number", "IN")).isEmpty();
        assertThat(phones.toE164("", "IN")).isEmpty();
        assertThat(phones.toE164(null, "IN")).isEmpty();
    }
}
