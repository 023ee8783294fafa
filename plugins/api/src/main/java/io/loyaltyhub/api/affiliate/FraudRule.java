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

    record Hit(String summary, java.util.Map<String, String> evidence, boolean hold) {
    }
}
