package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;
import java.util.Map;

/** A burst: {@code fraud-burst-clicks-max} counted clicks of one affiliate's links within {@code fraud-burst-window}. */
@Extension
public class ClickBurstRule extends BuiltInFraudRules {
    public ClickBurstRule(PluginContext context) {
        super(context, "click-burst", Trigger.CLICK);
    }

    @Override
    List<ClickHit> checkClicks(List<Map<String, String>> clicks, Tx tx, CommissionSettings.Config c) {
        ClickWindows windows = new ClickWindows(f -> "true".equals(f.get("counted")), f -> f.get("affiliateId"),
                c.burstWindow(), c.burstMax());
        return windows.firstReaching(tx.sql(), clicks, id(), (affiliate, at) -> "burst:" + affiliate + ":" + bucket(at, c.burstWindow()),
                (sql, groups, from, to) -> clicksOfAffiliates(sql, "counted", groups, from, to)).stream()
                .map(f -> new ClickHit(f.click(), hit(c, true, f.count() + " clicks on the affiliate's links within "
                                + c.burstWindow().toSeconds() + " seconds", f.dedupKey(), "clicks", f.count(),
                        "distinctIps", f.distinctIps(), "window", c.burstWindow(), "threshold", c.burstMax(),
                        "lastClickId", f.click().get("clickId")))).toList();
    }
}
