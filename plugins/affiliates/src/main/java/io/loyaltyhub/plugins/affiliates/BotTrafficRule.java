package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Bot and data-centre traffic: a click from an address in {@code fraud-datacentre-cidrs} (once per affiliate, address
 * and day), or {@code fraud-bot-visits-max} robot visits of the affiliate's links within {@code fraud-bot-visits-window}.
 */
@Extension
public class BotTrafficRule extends BuiltInFraudRules {
    public BotTrafficRule(PluginContext context) {
        super(context, "bot-traffic", Trigger.CLICK);
    }

    @Override
    Optional<Hit> check(Trigger trigger, Map<String, String> f, Tx tx, CommissionSettings.Config c) {
        long affiliate = id(f, "affiliateId");
        Instant at = at(f, "clickedAt");
        Optional<String> range = c.datacentres().match(f.get("ip"));
        if (range.isPresent() && !"HEAD".equals(f.get("method"))) {
            return Optional.of(hit(c, true, "A visit from data-centre address " + f.get("ip") + " (" + range.get() + ")",
                    "dc:" + affiliate + ":" + f.get("ip") + ":" + day(at), "ip", f.get("ip"), "range", range.get(),
                    "userAgent", f.get("userAgent"), "clickId", f.get("clickId"), "bot", f.get("bot")));
        }
        if (c.botMax() <= 0 || !"true".equals(f.get("bot"))) {
            return Optional.empty();
        }
        long robots = tx.sql().one("SELECT COUNT(*) FROM affiliate_click WHERE affiliate_id = ? AND bot AND clicked_at > ? "
                + "AND clicked_at <= ?", rs -> rs.getLong(1), affiliate, at.minus(c.botWindow()), at).orElse(0L);
        if (!RepeatedClicksRule.exceeds(robots, c.botMax())) {
            return Optional.empty();
        }
        return Optional.of(hit(c, true, robots + " robot visits of the affiliate's links within "
                        + c.botWindow().toMinutes() + " minutes", "bots:" + affiliate + ":" + bucket(at, c.botWindow()),
                "robotVisits", robots, "window", c.botWindow(), "threshold", c.botMax(), "lastUserAgent", f.get("userAgent"),
                "lastIp", f.get("ip")));
    }
}
