package io.loyaltyhub.api.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {
    @Test
    void everyIsAlignedToTheEpochSoInstancesAgree() {
        Schedule s = Schedule.every(Duration.ofMinutes(15));
        assertThat(s.nextAfter(Instant.parse("2026-11-21T10:07:13Z"))).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
        assertThat(s.nextAfter(Instant.parse("2026-11-21T10:15:00Z"))).isEqualTo(Instant.parse("2026-11-21T10:30:00Z"));
    }

    @Test
    void dailyUsesTheLocalTimeOfItsZone() {
        Schedule s = Schedule.dailyAt(LocalTime.of(9, 0), ZoneId.of("Asia/Kolkata"));
        // 02:00Z is 07:30 IST: today 09:00 IST = 03:30Z
        assertThat(s.nextAfter(Instant.parse("2026-11-21T02:00:00Z"))).isEqualTo(Instant.parse("2026-11-21T03:30:00Z"));
        assertThat(s.nextAfter(Instant.parse("2026-11-21T03:30:00Z"))).isEqualTo(Instant.parse("2026-11-22T03:30:00Z"));
    }

    @Test
    void dailyIsSafeAcrossDaylightSavingChanges() {
        Schedule s = Schedule.dailyAt(LocalTime.of(2, 30), ZoneId.of("Europe/Berlin"));
        // 2026-03-29 02:30 does not exist in Berlin (clocks jump 02:00 -> 03:00): runs at 03:30 CEST = 01:30Z
        Instant next = s.nextAfter(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(s.nextAfter(next)).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> Schedule.every(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
