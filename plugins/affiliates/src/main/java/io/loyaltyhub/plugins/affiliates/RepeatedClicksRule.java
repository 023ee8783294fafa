package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import io.loyaltyhub.api.data.SqlRunner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    List<ClickHit> checkClicks(List<Map<String, String>> clicks, Tx tx, CommissionSettings.Config c) {
        ClickWindows windows = new ClickWindows(f -> "true".equals(f.get("counted")) && f.get("ip") != null,
                f -> f.get("affiliateId") + "|" + f.get("ip"), c.repeatWindow(), c.repeatMax());
        return windows.firstReaching(tx.sql(), clicks, id(), (group, at) -> group.replace('|', ':') + ":" + bucket(at, c.repeatWindow()),
                RepeatedClicksRule::countedByIp).stream()
                .map(f -> {
                    String ip = f.click().get("ip");
                    return new ClickHit(f.click(), hit(c, true, f.count() + " clicks from " + ip
                                    + " on the affiliate's links within " + c.repeatWindow().toMinutes() + " minutes",
                            f.dedupKey(), "ip", ip, "clicks", f.count(), "window", c.repeatWindow(), "threshold",
                            c.repeatMax(), "lastClickId", f.click().get("clickId")));
                }).toList();
    }

    /** Counted clicks of the (affiliate, IP) groups: by the IP index, then only the groups asked for. */
    private static List<ClickWindows.Row> countedByIp(SqlRunner sql, Set<String> groups, Instant from, Instant to) {
        Set<String> ips = new LinkedHashSet<>();
        groups.forEach(g -> ips.add(g.substring(g.indexOf('|') + 1)));
        List<Object> args = new ArrayList<>(ips);
        args.add(from);
        args.add(to);
        return sql.query("SELECT affiliate_id, clicked_at, ip FROM affiliate_click WHERE counted AND ip IN ("
                        + ClickWindows.marks(ips.size()) + ") AND clicked_at > ? AND clicked_at <= ?",
                rs -> new ClickWindows.Row(rs.getObject(1, Long.class) + "|" + rs.getString(3),
                        SqlRunner.instant(rs, "clicked_at"), rs.getString(3)), args.toArray())
                .stream().filter(r -> groups.contains(r.group())).toList();
    }
}
