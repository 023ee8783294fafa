package io.loyaltyhub.bots.whatsapp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SendRateTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void paces80PerSecond() throws InterruptedException {
        SendRate rate = new SendRate(80);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(1000);
        int permits = 0;
        while (System.nanoTime() < end) {
            long wait = rate.tryAcquire();
            if (wait == 0) {
                permits++;
            } else {
                assertThat(wait).isBetween(1L, 13L); // one token at 80/s takes 12.5 ms
                Thread.sleep(Math.min(wait, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            }
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMs).isLessThan(1500);
        assertThat(permits).as("permits in %d ms", elapsedMs).isBetween(70, 100);
    }

    @Test
    void idleTimeGivesNoBurstThatCouldBreakAOneSecondWindow() throws InterruptedException {
        SendRate rate = new SendRate(80);
        Thread.sleep(400); // idle: the bucket fills, but only to 20 ms worth

        int burst = 0;
        while (rate.tryAcquire() == 0) {
            burst++;
        }

        assertThat(burst).isBetween(1, 3);
    }

    @Test
    void throttledHalvesTheRateAndPauses() throws InterruptedException {
        SendRate rate = new SendRate(80);
        assertThat(rate.currentRate()).isCloseTo(77.6, org.assertj.core.data.Offset.offset(0.01)); // 97 % of the limit

        rate.throttled(300);

        assertThat(rate.currentRate()).isCloseTo(38.8, org.assertj.core.data.Offset.offset(0.01));
        long wait = rate.tryAcquire();
        assertThat(wait).isBetween(1L, 300L);
        Thread.sleep(100);
        long later = rate.tryAcquire();
        assertThat(later).isPositive().isLessThan(wait);

        Thread.sleep(later + 20);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        long w;
        while ((w = rate.tryAcquire()) > 0 && System.nanoTime() < deadline) {
            assertThat(w).as("after the pause only the halved rate's pace").isLessThanOrEqualTo(26L);
            Thread.sleep(w);
        }
        assertThat(w).as("sends again after the pause").isZero();
        assertThat(rate.currentRate()).as("recovering by a tenth of the limit per second").isBetween(38.8, 45.0);
    }

    @Test
    void repeatedThrottlesKeepHalvingButNotBelowOnePerSecond() {
        SendRate rate = new SendRate(80);
        rate.throttled(0);
        rate.throttled(0);
        assertThat(rate.currentRate()).isBetween(19.4, 19.5);
        for (int i = 0; i < 10; i++) {
            rate.throttled(0);
        }
        assertThat(rate.currentRate()).isBetween(1.0, 1.1);
    }

    @Test
    void aPauseIsNotShortenedByALaterShorterOne() {
        SendRate rate = new SendRate(80);
        rate.throttled(1000);
        rate.throttled(10);

        assertThat(rate.tryAcquire()).isGreaterThan(500L);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void noOneSecondOfSendsHoldsMoreThanTheLimitLessThree() throws InterruptedException {
        SendRate rate = new SendRate(20);
        java.util.List<Long> sends = new java.util.ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
        while (System.nanoTime() < end) {
            long wait = rate.tryAcquire();
            if (wait == 0) {
                sends.add(System.nanoTime());
            } else {
                Thread.sleep(wait);
            }
        }
        for (int i = 0, j = 0; i < sends.size(); i++) {
            while (sends.get(i) - sends.get(j) >= 1_000_000_000L) {
                j++;
            }
            assertThat(i - j + 1).as("sends within one second").isLessThanOrEqualTo(17);
        }
        assertThat(sends.size()).as("still close to the limit").isGreaterThanOrEqualTo(40);
    }
}
