package io.loyaltyhub.plugins.affiliates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTest {
    @Test
    void ipv4LosesItsLastOctet() {
        assertThat(IpAddresses.stored("203.0.113.77", true)).isEqualTo("203.0.113.0");
        assertThat(IpAddresses.stored("203.0.113.77", false)).isEqualTo("203.0.113.77");
        assertThat(IpAddresses.stored("::ffff:203.0.113.77", true)).isEqualTo("203.0.113.0");
    }

    @Test
    void ipv6IsCutTo48Bits() {
        assertThat(IpAddresses.stored("2001:db8:85a3:8d3:1319:8a2e:370:7348", true)).isEqualTo("2001:db8:85a3::");
        assertThat(IpAddresses.stored("2001:0DB8:0000:0000:0000:0000:0000:0001", false)).isEqualTo("2001:db8::1");
        assertThat(IpAddresses.stored("[2001:db8::1]", true)).isEqualTo("2001:db8::");
        assertThat(IpAddresses.stored("fe80::1%eth0", false)).isEqualTo("fe80::1");
        assertThat(IpAddresses.stored("::1", false)).isEqualTo("::1");
        assertThat(IpAddresses.stored("1:0:0:2:0:0:0:3", false)).isEqualTo("1:0:0:2::3");
    }

    @Test
    void namesAndJunkAreNotAddressesAndNeverLookedUp() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("999.1.1.1")).isEmpty();
        assertThat(IpAddresses.parse("evil.example")).isEmpty();
        assertThat(IpAddresses.parse("1:2:3")).isEmpty();
        assertThat(IpAddresses.parse("")).isEmpty();
        assertThat(IpAddresses.parse(null)).isEmpty();
        assertThat(IpAddresses.stored("not an ip", false)).isNull();
    }
}
