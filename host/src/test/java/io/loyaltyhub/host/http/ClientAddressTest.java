package io.loyaltyhub.host.http;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {
    private final ClientAddress address = new ClientAddress(Set.of("10.0.0.5", "10.0.0.6"));

    @Test
    void directPeersAreTakenAsTheyAre() {
        assertThat(address.of("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9"); // not a proxy: header ignored
        assertThat(address.of("10.0.0.5", null)).isEqualTo("10.0.0.5");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(address.of("10.0.0.5", "198.51.100.7")).isEqualTo("198.51.100.7");
        // the client forged "1.1.1.1"; the proxy appended the real address
        assertThat(address.of("10.0.0.5", "1.1.1.1, 198.51.100.7, 10.0.0.6")).isEqualTo("198.51.100.7");
    }
}
