package io.loyaltyhub.ui.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginMessagesTest {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void saysWhenToRetry() {
        assertThat(LoginMessages.throttled(NOW.plusSeconds(300), NOW, ZoneOffset.UTC))
                .isEqualTo("Try again in 5 minutes (at 10:05:00).");
        assertThat(LoginMessages.throttled(NOW.plusSeconds(61), NOW, ZoneOffset.ofHours(2)))
                .isEqualTo("Try again in 2 minutes (at 12:01:01).");
        assertThat(LoginMessages.throttled(NOW.plusSeconds(30), NOW, ZoneOffset.UTC))
                .isEqualTo("Try again in 30 seconds (at 10:00:30).");
        assertThat(LoginMessages.throttled(NOW.minusSeconds(5), NOW, ZoneOffset.UTC))
                .startsWith("Try again in 1 second");
    }

    @Test
    void clientAddressWithoutIpv6Brackets() {
        assertThat(LoginMessages.clientAddress("[0:0:0:0:0:0:0:1]")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(LoginMessages.clientAddress("10.0.0.7")).isEqualTo("10.0.0.7");
        assertThat(LoginMessages.clientAddress(null)).isEqualTo("unknown");
    }
}
