package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One IP clicks one affiliate's links {@code fraud-repeat-clicks-max} times within {@code fraud-repeat-clicks-window}. */
@Extension
public class RepeatedClicksRule extends BuiltInFraudRules {
    public RepeatedClicksRule(PluginContext context) {
        super(context, "repeated-clicks", Trigger.CLICK);
    }

    /** Whether {@code count} clicks reach the threshold (0: off). */
    static boolean exceeds(long count, int max) {
        return max > 0 && count >= max;
    }

    @Override
    Optional<Hit> check(Trigger trigger, Map<String, String> f, Tx tx, CommissionSettings.Config c) {
        if (c.repeatMax() <= 0 || !"true".equals(f.get("counted")) || f.get("ip") == null) {
            return Optional.empty();
        }
        long affiliate = id(f, "affiliateId");
        Instant at = at(f, "clickedAt");
        long count = tx.sql().one("SELECT COUNT(*) FROM affiliate_click WHERE ip = ? AND affiliate_id = ? AND counted "
                        + "AND clicked_at > ? AND clicked_at <= ?", rs -> rs.getLong(1), f.get("ip"), affiliate,
                at.minus(c.repeatWindow()), at).orElse(0L);
        if (!exceeds(count, c.repeatMax())) {
            return Optional.empty();
        }
        return Optional.of(hit(c, true, count + " clicks from " + f.get("ip") + " on the affiliate's links within "
                        + c.repeatWindow().toMinutes() + " minutes",
                affiliate + ":" + f.get("ip") + ":" + bucket(at, c.repeatWindow()), "ip", f.get("ip"), "clicks", count,
                "window", c.repeatWindow(), "threshold", c.repeatMax(), "lastClickId", f.get("clickId")));
    }
}
