package io.loyaltyhub.bots.whatsapp;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppSenderTest {
    private static final Duration JITTER = Duration.ofMillis(250);

    @Test
    void backoffDoublesFromOneSecond() {
        long[] seconds = {1, 1, 2, 4, 8, 16, 32, 64, 128, 256};
        for (int attempt = 0; attempt < seconds.length; attempt++) {
            Duration d = WhatsAppSender.backoff(attempt);
            assertThat(d).as("attempt %d", attempt)
                    .isBetween(Duration.ofSeconds(seconds[attempt]), Duration.ofSeconds(seconds[attempt]).plus(JITTER));
        }
    }

    @Test
    void backoffGrowsAndCapsAtFiveMinutes() {
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 100; attempt++) {
            Duration d = WhatsAppSender.backoff(attempt);
            assertThat(d.toSeconds()).as("attempt %d", attempt).isGreaterThanOrEqualTo(previous.toSeconds());
            assertThat(d).isLessThan(Duration.ofMinutes(5).plus(JITTER));
            previous = d;
        }
        assertThat(WhatsAppSender.backoff(10).toSeconds()).isEqualTo(300);
        assertThat(WhatsAppSender.backoff(WhatsAppSender.MAX_ATTEMPTS).toSeconds()).isEqualTo(128);
        assertThat(WhatsAppSender.backoff(Integer.MAX_VALUE).toSeconds()).isEqualTo(300);
        assertThat(WhatsAppSender.backoff(-5).toSeconds()).isEqualTo(1);
    }

    @Test
    void backoffHasJitter() {
        java.util.Set<Duration> seen = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(WhatsAppSender.backoff(3));
        }
        assertThat(seen).hasSizeGreaterThan(1);
    }
}
