package io.loyaltyhub.api.loyalty;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;

/** Day and month are required; the year is optional (null) because many people do not give it. */
public record Birthday(int month, int day, Integer year) {
    public Birthday {
        try {
            MonthDay.of(month, day);
            if (year != null) {
                LocalDate.of(year, month, day);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: " + day + "/" + month + (year == null ? "" : "/" + year));
        }
        if (year != null && (year < 1900 || year > 2100)) {
            throw new IllegalArgumentException("birth year out of range: " + year);
        }
    }

    public MonthDay monthDay() {
        return MonthDay.of(month, day);
    }
}
