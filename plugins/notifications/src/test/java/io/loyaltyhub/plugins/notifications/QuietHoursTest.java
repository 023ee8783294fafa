package io.loyaltyhub.plugins.notifications;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private final QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(KOLKATA).toInstant();
    }

    @Test
    void beforeMidnightWaitsUntilTomorrowMorning() {
        assertThat(night.until(at("2026-12-03T21:30"), KOLKATA)).contains(at("2026-12-04T09:00"));
        assertThat(night.until(at("2026-12-03T21:00"), KOLKATA)).contains(at("2026-12-04T09:00"));
    }

    @Test
    void afterMidnightWaitsUntilThisMorning() {
        assertThat(night.until(at("2026-12-04T03:10"), KOLKATA)).contains(at("2026-12-04T09:00"));
    }

    @Test
    void daytimeGoesAtOnce() {
        assertThat(night.until(at("2026-12-04T09:00"), KOLKATA)).isEmpty();
        assertThat(night.until(at("2026-12-04T20:59"), KOLKATA)).isEmpty();
    }

    @Test
    void aWindowWithinOneDayAndNoWindow() {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(lunch.until(at("2026-12-04T13:30"), KOLKATA)).contains(at("2026-12-04T14:00"));
        assertThat(lunch.until(at("2026-12-04T14:30"), KOLKATA)).isEmpty();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).until(at("2026-12-04T12:00"), KOLKATA)).isEmpty();
    }

    @Test
    void theStoresZoneDecides() {
        Instant t = at("2026-12-03T21:30"); // 16:00 UTC, 17:00 in Berlin
        assertThat(night.until(t, ZoneId.of("Europe/Berlin"))).isEmpty();
    }
}
