package io.loyaltyhub.api.affiliate;

import io.loyaltyhub.api.data.Tx;
import org.pf4j.ExtensionPoint;

import java.util.Optional;

/**
 * One fraud check, run when something it cares about happens. A hit becomes a {@link FraudAlert};
 * with {@link Hit#hold()} the commission or redemption waits for a person. Thresholds are the
 * owning plugin's settings.
 */
public interface FraudRule extends ExtensionPoint {

    /** Stable id, e.g. {@code affiliates.self-referral}. */
    String id();

    /** What a rule can look at. */
    enum Trigger { CLICK, CONVERSION, REDEMPTION, REFUND }

    boolean checks(Trigger trigger);

    /**
     * Checks one occurrence inside the transaction that records it.
     *
     * @param subject what happened, e.g. {@code bill:B-1001}, {@code click:123}
     * @param facts   what is known about it: affiliateId, customerId, ip, device, mobile, ...
     */
    Optional<Hit> check(Trigger trigger, String subject, java.util.Map<String, String> facts, Tx tx);

    /**
     * Checks a batch of CLICKs (in the order they were recorded) inside one transaction. Rules that
     * look at windows of clicks override it to read each window once per batch instead of once per
     * click, so a click flood costs time in proportion to its clicks. The default checks one by one.
     *
     * @param clicks the facts of each click, as {@link #check} gets them (with {@code clickId})
     */
    default java.util.List<ClickHit> checkClicks(java.util.List<java.util.Map<String, String>> clicks, Tx tx) {
        java.util.List<ClickHit> hits = new java.util.ArrayList<>();
        for (java.util.Map<String, String> click : clicks) {
            check(Trigger.CLICK, "click:" + click.get("clickId"), click, tx).ifPresent(h -> hits.add(new ClickHit(click, h)));
        }
        return hits;
    }

    record Hit(String summary, java.util.Map<String, String> evidence, boolean hold) {
    }

    /** A hit of {@link #checkClicks} and the click it was found on. */
    record ClickHit(java.util.Map<String, String> click, Hit hit) {
    }
}
