package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Unusual redemptions: one customer redeems {@code fraud-redemptions-max} rewards within
 * {@code fraud-redemptions-window}, or one device redeems for {@code fraud-device-customers-max} customers within
 * 30 days (when the redemption names a device).
 */
@Extension
public class RedemptionPatternRule extends BuiltInFraudRules {
    static final Duration DEVICE_WINDOW = Duration.ofDays(30);

    public RedemptionPatternRule(PluginContext context) {
        super(context, "redemption-pattern", Trigger.REDEMPTION);
    }

    @Override
    Optional<Hit> check(Trigger trigger, Map<String, String> f, Tx tx, CommissionSettings.Config c) {
        long customer = id(f, "customerId");
        Instant at = at(f, "redeemedAt");
        if (c.redemptionsMax() > 0) {
            long n = tx.sql().one("SELECT COUNT(*) FROM affiliate_redemption WHERE customer_id = ? AND redeemed_at > ? "
                    + "AND redeemed_at <= ?", rs -> rs.getLong(1), customer, at.minus(c.redemptionsWindow()), at).orElse(0L);
            if (RepeatedClicksRule.exceeds(n, c.redemptionsMax())) {
                return Optional.of(hit(c, true, "Customer " + customer + " redeemed " + n + " rewards within "
                                + c.redemptionsWindow().toMinutes() + " minutes",
                        "customer:" + customer + ":" + bucket(at, c.redemptionsWindow()), "customerId", customer,
                        "redemptions", n, "window", c.redemptionsWindow(), "threshold", c.redemptionsMax(),
                        "lastVoucher", f.get("voucherCode")));
            }
        }
        String device = f.get("device");
        if (device != null && c.deviceCustomersMax() > 0) {
            long customers = tx.sql().one("SELECT COUNT(DISTINCT customer_id) FROM affiliate_redemption WHERE device = ? "
                    + "AND redeemed_at > ? AND redeemed_at <= ?", rs -> rs.getLong(1), device, at.minus(DEVICE_WINDOW), at)
                    .orElse(0L);
            if (RepeatedClicksRule.exceeds(customers, c.deviceCustomersMax())) {
                return Optional.of(hit(c, true, "Device " + device + " redeemed for " + customers + " customers within "
                                + DEVICE_WINDOW.toDays() + " days", "device:" + device + ":" + day(at), "device", device,
                        "customers", customers, "threshold", c.deviceCustomersMax(), "lastCustomerId", customer));
            }
        }
        return Optional.empty();
    }
}
