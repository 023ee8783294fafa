package io.loyaltyhub.plugins.affiliates;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FraudThresholdsTest {
    @Test
    void countThresholdsAreReachedAtTheMaximumAndZeroTurnsThemOff() {
        assertThat(RepeatedClicksRule.exceeds(4, 5)).isFalse();
        assertThat(RepeatedClicksRule.exceeds(5, 5)).isTrue();
        assertThat(RepeatedClicksRule.exceeds(500, 0)).isFalse();
    }

    @Test
    void refundRateMustBeAboveTheMaximumOverEnoughBills() {
        BigDecimal max = new BigDecimal("0.3");
        assertThat(RefundRateRule.exceeds(10, 3, 5, max)).isFalse(); // exactly 30 %: not above
        assertThat(RefundRateRule.exceeds(10, 4, 5, max)).isTrue();
        assertThat(RefundRateRule.exceeds(4, 4, 5, max)).isFalse(); // too few bills to judge
        assertThat(RefundRateRule.exceeds(5, 2, 5, max)).isTrue();
        assertThat(RefundRateRule.exceeds(0, 0, 1, max)).isFalse();
        assertThat(RefundRateRule.exceeds(5, 5, 5, BigDecimal.ONE)).isFalse();
    }

    @Test
    void dataCentreRanges() {
        Cidrs c = Cidrs.parse("3.0.0.0/9, 203.0.113.0/24, 2001:db8::/32, 198.51.100.7");
        assertThat(c.match("3.5.140.2")).contains("3.0.0.0/9");
        assertThat(c.match("3.128.0.1")).isEmpty();
        assertThat(c.match("203.0.113.255")).contains("203.0.113.0/24");
        assertThat(c.match("203.0.114.0")).isEmpty();
        assertThat(c.match("2001:db8:1::5")).contains("2001:db8::/32");
        assertThat(c.match("2001:db9::1")).isEmpty();
        assertThat(c.match("198.51.100.7")).contains("198.51.100.7");
        assertThat(c.match("198.51.100.8")).isEmpty();
        assertThat(c.match("not-an-ip")).isEmpty();
        assertThat(c.match(null)).isEmpty();
        assertThat(Cidrs.check("10.0.0.0/8, 2001:db8::/32")).isEmpty();
        assertThat(Cidrs.check("10.0.0.0/33")).isPresent();
        assertThat(Cidrs.check("example.com/8")).isPresent();
        assertThat(Cidrs.check("")).isEmpty();
        assertThat(Cidrs.parse(CommissionSettings.DEFAULT_DATACENTRES).match("34.100.1.1")).isPresent();
        assertThat(Cidrs.parse(CommissionSettings.DEFAULT_DATACENTRES).match("49.207.1.1")).isEmpty();
    }

    @Test
    void alertsAreKeyedByWindow() {
        Instant t = Instant.parse("2026-11-21T10:59:59Z");
        Duration hour = Duration.ofHours(1);
        assertThat(BuiltInFraudRules.bucket(t, hour)).isEqualTo(BuiltInFraudRules.bucket(Instant.parse("2026-11-21T10:00:00Z"), hour));
        assertThat(BuiltInFraudRules.bucket(t, hour)).isNotEqualTo(BuiltInFraudRules.bucket(t.plusSeconds(1), hour));
        assertThat(BuiltInFraudRules.day(t)).isEqualTo("2026-11-21");
    }

    @Test
    void holdRulesAndRuleNames() {
        assertThat(CommissionSettings.names(" self-referral, affiliates.Refund-Rate ,,")).containsExactly("self-referral",
                "refund-rate");
    }
}
