package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Self-referral. A conversion: the customer's mobile is the affiliate's, or a browser the customer is known by
 * clicked from an IP or device that is the affiliate's own (holds by default). A click: it came from the affiliate's
 * own IP or device (evidence only: there is nothing to hold yet).
 */
@Extension
public class SelfReferralRule extends BuiltInFraudRules {
    public SelfReferralRule(PluginContext context) {
        super(context, "self-referral", Trigger.CLICK, Trigger.CONVERSION);
    }

    /** Clicks from an IP or device the affiliate is known by: one read of their fingerprints per batch. */
    @Override
    List<ClickHit> checkClicks(List<Map<String, String>> clicks, Tx tx, CommissionSettings.Config c) {
        Set<String> affiliates = new LinkedHashSet<>();
        clicks.forEach(f -> affiliates.add(f.get("affiliateId")));
        Set<String> own = new HashSet<>(tx.sql().query("SELECT affiliate_id, kind, value FROM affiliate_fingerprint "
                        + "WHERE affiliate_id IN (" + ClickWindows.marks(affiliates.size()) + ")",
                rs -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3), // affiliate|kind|value
                affiliates.stream().map(Long::parseLong).toArray()));
        List<ClickHit> hits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, String> f : clicks) {
            String affiliate = f.get("affiliateId");
            String kind = own.contains(affiliate + "|IP|" + f.getOrDefault("ip", "")) ? "IP"
                    : own.contains(affiliate + "|DEVICE|" + f.getOrDefault("visitorId", "")) ? "DEVICE" : null;
            if (kind == null) {
                continue;
            }
            String value = kind.equals("IP") ? f.get("ip") : f.get("visitorId");
            String key = "click:" + affiliate + ":" + kind + ":" + value + ":" + day(at(f, "clickedAt"));
            if (seen.add(key)) {
                hits.add(new ClickHit(f, hit(c, false, "A click on the affiliate's link came from the affiliate's own "
                        + (kind.equals("IP") ? "IP address " : "device ") + value, key, "match", kind, "value", value,
                        "clickId", f.get("clickId"), "linkId", f.get("linkId"))));
            }
        }
        return hits;
    }

    @Override
    Optional<Hit> check(Trigger trigger, Map<String, String> f, Tx tx, CommissionSettings.Config c) {
        long affiliate = id(f, "affiliateId");
        String bill = f.get("billNumber");
        if (f.get("mobile") != null && f.get("mobile").equals(f.get("affiliateMobile"))) {
            return Optional.of(hit(c, true, "The affiliate bought with their own mobile number " + f.get("mobile"),
                    "bill:" + bill, "billNumber", bill, "mobile", f.get("mobile"), "amount", f.get("amount")));
        }
        long customer = id(f, "customerId");
        return tx.sql().one("SELECT fp.kind, fp.value, k.id FROM affiliate_visitor v "
                        + "JOIN affiliate_click k ON k.visitor_id = v.id "
                        + "JOIN affiliate_fingerprint fp ON fp.affiliate_id = ? AND ((fp.kind = 'DEVICE' AND fp.value = v.id) "
                        + "OR (fp.kind = 'IP' AND fp.value = k.ip)) WHERE v.customer_id = ? LIMIT 1",
                rs -> hit(c, true, "The customer is known by the affiliate's own " + (rs.getString(1).equals("IP")
                                ? "IP address " : "device ") + rs.getString(2), "bill:" + bill, "billNumber", bill,
                        "match", rs.getString(1), "value", rs.getString(2), "clickId", rs.getLong(3)),
                affiliate, customer);
    }
}
