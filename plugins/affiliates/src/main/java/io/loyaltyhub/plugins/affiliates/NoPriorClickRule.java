package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A conversion with no prior click: no counted click on the link the conversion came through (or, for an affiliate
 * code, on any of the affiliate's links) within the attribution window before the bill. {@code fraud-no-click-check}:
 * {@code all} conversions, only those through a {@code links} code, or {@code off}.
 */
@Extension
public class NoPriorClickRule extends BuiltInFraudRules {
    public NoPriorClickRule(PluginContext context) {
        super(context, "no-prior-click", Trigger.CONVERSION);
    }

    @Override
    Optional<Hit> check(Trigger trigger, Map<String, String> f, Tx tx, CommissionSettings.Config c) {
        String link = f.get("linkId");
        if (c.noClick().equals("off") || (c.noClick().equals("links") && link == null)) {
            return Optional.empty();
        }
        Instant billed = at(f, "billedAt");
        Instant from = billed.minus(Duration.ofDays(c.attributionWindowDays()));
        long clicks = ClickArchive.countedClicks(tx.sql(), link == null ? null : Long.parseLong(link), id(f, "affiliateId"),
                from, billed);
        if (clicks > 0) {
            return Optional.empty();
        }
        return Optional.of(hit(c, true, "Conversion " + f.get("billNumber") + " through " + (link != null ? "link" : "code")
                        + " " + f.get("code") + " without a click on " + (link != null ? "that link" : "any of the affiliate's links")
                        + " in the " + c.attributionWindowDays() + " days before", "bill:" + f.get("billNumber"),
                "billNumber", f.get("billNumber"), "code", f.get("code"), "source", f.get("source"), "linkId", link,
                "windowDays", c.attributionWindowDays()));
    }
}
