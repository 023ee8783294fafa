package io.loyaltyhub.plugins.affiliates;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static Attribution.Touch touch(long id, long affiliate, Instant at) {
        return new Attribution.Touch(id, affiliate, null, "JOIN", "CODE" + affiliate, at);
    }

    @Test
    void aTouchCoversBillsFromAnHourBeforeToTheEndOfTheWindow() {
        assertThat(Attribution.covers(T, T, 90)).isTrue();
        assertThat(Attribution.covers(T, T.minus(Duration.ofMinutes(59)), 90)).isTrue();
        assertThat(Attribution.covers(T, T.minus(Duration.ofHours(1)), 90)).isTrue();
        assertThat(Attribution.covers(T, T.minus(Duration.ofMinutes(61)), 90)).isFalse();
        assertThat(Attribution.covers(T, T.plus(Duration.ofDays(90)).minusMillis(1), 90)).isTrue();
        assertThat(Attribution.covers(T, T.plus(Duration.ofDays(90)), 90)).isFalse();
        assertThat(Attribution.covers(T, T.plus(Duration.ofDays(2)), 1)).isFalse();
    }

    @Test
    void firstOrLastTouchAmongThoseThatCover() {
        List<Attribution.Touch> touches = List.of(touch(1, 10, T), touch(2, 20, T.plus(Duration.ofDays(10))),
                touch(3, 30, T.plus(Duration.ofDays(40))));
        Instant bill = T.plus(Duration.ofDays(45));
        assertThat(Attribution.choose(touches, bill, 90, true)).get().extracting(Attribution.Touch::affiliateId).isEqualTo(10L);
        assertThat(Attribution.choose(touches, bill, 90, false)).get().extracting(Attribution.Touch::affiliateId).isEqualTo(30L);
        // 30-day window: the first touch has run out, the third covers it
        assertThat(Attribution.choose(touches, bill, 30, true)).get().extracting(Attribution.Touch::affiliateId).isEqualTo(30L);
        // a bill before the last touch: last-touch takes the latest touch that covers it
        Instant early = T.plus(Duration.ofDays(20));
        assertThat(Attribution.choose(touches, early, 90, false)).get().extracting(Attribution.Touch::affiliateId).isEqualTo(20L);
        // outside every window
        assertThat(Attribution.choose(touches, T.plus(Duration.ofDays(200)), 90, false)).isEmpty();
        assertThat(Attribution.choose(List.of(), T, 90, true)).isEmpty();
    }

    @Test
    void tiesAreBrokenByTheTouchRecordedFirst() {
        List<Attribution.Touch> same = List.of(touch(7, 70, T), touch(5, 50, T));
        assertThat(Attribution.choose(same, T, 90, true)).get().extracting(Attribution.Touch::affiliateId).isEqualTo(50L);
        assertThat(Attribution.choose(same, T, 90, false)).get().extracting(Attribution.Touch::affiliateId).isEqualTo(70L);
    }

    @Test
    void codesAreComparedTrimmedAndInCapitals() {
        assertThat(Attribution.normalise(" ab12cd ")).isEqualTo("AB12CD");
        assertThat(Attribution.normalise("  ")).isNull();
        assertThat(Attribution.normalise(null)).isNull();
        assertThat(Attribution.normalise("x".repeat(65))).isNull();
    }
}
