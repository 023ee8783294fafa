package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.loyalty.Birthday;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BirthdayParserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static Optional<Birthday> parse(String s) {
        return BirthdayParser.parse(s, TODAY);
    }

    @Test
    void dayAndMonthWithOrWithoutYear() {
        assertThat(parse("15/08")).contains(new Birthday(8, 15, null));
        assertThat(parse("5/8")).contains(new Birthday(8, 5, null));
        assertThat(parse(" 15-08-1990 ")).contains(new Birthday(8, 15, 1990));
        assertThat(parse("15.08.1990")).contains(new Birthday(8, 15, 1990));
        assertThat(parse("15 08 1990")).contains(new Birthday(8, 15, 1990));
        assertThat(parse("15 / 08")).contains(new Birthday(8, 15, null));
    }

    @Test
    void devanagariDigits() {
        assertThat(parse("१५/०८/१९९०")).contains(new Birthday(8, 15, 1990));
    }

    @Test
    void leapDays() {
        assertThat(parse("29/02")).as("no year: a leap-day birthday").contains(new Birthday(2, 29, null));
        assertThat(parse("29/02/2000")).contains(new Birthday(2, 29, 2000));
        assertThat(parse("29/02/2023")).isEmpty();
    }

    @Test
    void notBirthdays() {
        assertThat(parse("31/02")).isEmpty();
        assertThat(parse("31/04")).isEmpty();
        assertThat(parse("00/05")).isEmpty();
        assertThat(parse("15/13")).isEmpty();
        assertThat(parse("08/15")).as("month first is not the format").isEmpty();
        assertThat(parse("15/08/90")).as("a two-digit year is ambiguous").isEmpty();
        assertThat(parse("15/08/1850")).isEmpty();
        assertThat(parse("22/11/2026")).as("tomorrow").isEmpty();
        assertThat(parse("21/11/2026")).as("today").isPresent();
        assertThat(parse("15 August")).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse(null)).isEmpty();
        assertThat(parse("15/08/1990/1")).isEmpty();
    }
}
