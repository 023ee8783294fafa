package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A burst: {@code fraud-burst-clicks-max} counted clicks of one affiliate's links within {@code fraud-burst-window}. */
@Extension
public class ClickBurstRule extends BuiltInFraudRules {
    public ClickBurstRule(PluginContext context) {
        super(context, "click-burst", Trigger.CLICK);
    }

    @Override
    Optional<Hit> check(Trigger trigger, Map<String, String> f, Tx tx, CommissionSettings.Config c) {
        if (c.burstMax() <= 0 || !"true".equals(f.get("counted"))) {
            return Optional.empty();
        }
        long affiliate = id(f, "affiliateId");
        Instant at = at(f, "clickedAt");
        long clicks = tx.sql().one("SELECT COUNT(*) FROM affiliate_click WHERE affiliate_id = ? AND counted "
                + "AND clicked_at > ? AND clicked_at <= ?", rs -> rs.getLong(1), affiliate, at.minus(c.burstWindow()), at)
                .orElse(0L);
        if (!RepeatedClicksRule.exceeds(clicks, c.burstMax())) {
            return Optional.empty();
        }
        long ips = tx.sql().one("SELECT COUNT(DISTINCT ip) FROM affiliate_click WHERE affiliate_id = ? AND counted "
                + "AND clicked_at > ? AND clicked_at <= ?", rs -> rs.getLong(1), affiliate, at.minus(c.burstWindow()), at)
                .orElse(0L);
        return Optional.of(hit(c, true, clicks + " clicks on the affiliate's links within " + c.burstWindow().toSeconds()
                        + " seconds", "burst:" + affiliate + ":" + bucket(at, c.burstWindow()), "clicks", clicks,
                "distinctIps", ips, "window", c.burstWindow(), "threshold", c.burstMax(), "lastClickId", f.get("clickId")));
    }
}
