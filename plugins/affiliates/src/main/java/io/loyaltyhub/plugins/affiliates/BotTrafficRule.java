package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    List<ClickHit> checkClicks(List<Map<String, String>> clicks, Tx tx, CommissionSettings.Config c) {
        List<ClickHit> hits = new ArrayList<>();
        List<Map<String, String>> rest = new ArrayList<>(); // robot visits are looked at only off data-centre ranges
        Set<String> seen = new HashSet<>();
        for (Map<String, String> f : clicks) {
            Optional<String> range = "HEAD".equals(f.get("method")) ? Optional.empty() : c.datacentres().match(f.get("ip"));
            if (range.isEmpty()) {
                rest.add(f);
                continue;
            }
            String key = "dc:" + f.get("affiliateId") + ":" + f.get("ip") + ":" + day(at(f, "clickedAt"));
            if (seen.add(key)) {
                hits.add(new ClickHit(f, hit(c, true, "A visit from data-centre address " + f.get("ip") + " (" + range.get()
                        + ")", key, "ip", f.get("ip"), "range", range.get(), "userAgent", f.get("userAgent"), "clickId",
                        f.get("clickId"), "bot", f.get("bot"))));
            }
        }
        ClickWindows windows = new ClickWindows(f -> "true".equals(f.get("bot")), f -> f.get("affiliateId"),
                c.botWindow(), c.botMax());
        windows.firstReaching(tx.sql(), rest, id(), (affiliate, at) -> "bots:" + affiliate + ":" + bucket(at, c.botWindow()),
                        (sql, groups, from, to) -> clicksOfAffiliates(sql, "bot", groups, from, to))
                .forEach(f -> hits.add(new ClickHit(f.click(), hit(c, true, f.count() + " robot visits of the affiliate's links within "
                                + c.botWindow().toMinutes() + " minutes", f.dedupKey(), "robotVisits", f.count(), "window",
                        c.botWindow(), "threshold", c.botMax(), "lastUserAgent", f.click().get("userAgent"), "lastIp",
                        f.click().get("ip")))));
        return hits;
    }
}
