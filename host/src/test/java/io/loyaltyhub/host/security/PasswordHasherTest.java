package io.loyaltyhub.host.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idSaltedAndVerify() {
        String a = hasher.hash("correct horse battery");
        String b = hasher.hash("correct horse battery");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(hasher.matches("correct horse battery", a)).isTrue();
        assertThat(hasher.matches("correct horse batterY", a)).isFalse();
        assertThat(hasher.matches("anything", "plain-text-in-db")).isFalse();
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThat(PasswordHasher.weakness("short")).isPresent();
        assertThat(PasswordHasher.weakness("aaaaaaaaaaaaaaaa")).contains("Password is too repetitive.");
        assertThat(PasswordHasher.weakness("a fine passphrase")).isEmpty();
    }

    @Test
    void tokensAreRandomAndHashedWithSha256() {
        assertThat(Tokens.random(32)).hasSize(43).isNotEqualTo(Tokens.random(32));
        assertThat(Tokens.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void throttleBlocksAnAddressAfterTooManyFailuresInTheWindow() {
        io.loyaltyhub.host.testing.MutableClock clock = new io.loyaltyhub.host.testing.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedUntil("10.0.0.1")).isEmpty();
            throttle.failed("10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blockedUntil("10.0.0.1")).contains(Instant.parse("2026-01-01T00:10:00Z"));
        assertThat(throttle.blockedUntil("10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(8)); // the first failure leaves the window
        assertThat(throttle.blockedUntil("10.0.0.1")).isEmpty();
    }

    @Test
    void apiKeyScopesMustBeWellFormed() {
        assertThat(ApiKeys.checkScopes(java.util.Set.of("bills:write", "stores:*"))).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKeys.checkScopes(java.util.Set.of("Bills")))
                .hasMessageContaining("'Bills' is not area:action");
    }
}
