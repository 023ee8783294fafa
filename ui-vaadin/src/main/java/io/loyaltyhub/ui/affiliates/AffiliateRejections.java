package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.AffiliateRejected;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What staff read when the affiliates plugin refuses something: its own message first, else a
 * text for the code, then the field errors no form field took.
 */
public final class AffiliateRejections {

    /** Texts for codes, used when the service sent no message. */
    static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("unknown-affiliate", "No such affiliate."),
            Map.entry("affiliate-not-found", "No such affiliate."),
            Map.entry("not-pending", "This affiliate is no longer waiting for approval."),
            Map.entry("not-approved", "Only an approved affiliate can be suspended."),
            Map.entry("affiliate-not-approved", "The affiliate is not approved."),
            Map.entry("mobile-taken", "An affiliate with this mobile number exists already."),
            Map.entry("telegram-user-taken", "This Telegram user is already an affiliate."),
            Map.entry("invalid-email", "That is not an email address."),
            Map.entry("target-not-allowed", "Links may not point there."),
            Map.entry("missing-field", "Fill in the required fields."),
            Map.entry("invalid-status", "Not possible in the affiliate's current status."),
            Map.entry("invalid-mobile", "That is not a mobile number."),
            Map.entry("missing-reason", "Say why."),
            Map.entry("invalid-url", "The target must be an http or https address."),
            Map.entry("host-not-allowed", "Links may not point to this host."),
            Map.entry("unknown-commission", "No such commission."),
            Map.entry("commission-not-pending", "This commission is no longer pending."),
            Map.entry("commission-held", "A fraud alert holds this commission; resolve the alert first."),
            Map.entry("payout-below-minimum", "The approved balance is below the minimum payout."),
            Map.entry("payout-open", "A payout is already requested."),
            Map.entry("payout-already-paid", "This payout was already paid."),
            Map.entry("unknown-payout", "No such payout."),
            Map.entry("unknown-alert", "No such fraud alert."),
            Map.entry("alert-resolved", "This alert was already resolved."),
            Map.entry("validation-failed", "Some values are not accepted; see the fields."));

    private AffiliateRejections() {
    }

    /** The message with all field errors listed below it. */
    public static String message(AffiliateRejected e) {
        return message(e, e.fieldErrors());
    }

    /** The message with only {@code fieldErrors} listed (those a form could not put on a field). */
    public static String message(AffiliateRejected e, Map<String, String> fieldErrors) {
        String main = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : forCode(e.code());
        if (fieldErrors == null || fieldErrors.isEmpty()) {
            return main;
        }
        return main + "\n" + fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(en -> en.getKey() + ": " + en.getValue()).collect(Collectors.joining("\n"));
    }

    public static String forCode(String code) {
        if (code == null || code.isBlank()) {
            return "Refused.";
        }
        return BY_CODE.getOrDefault(code, "Refused (" + code + ").");
    }
}
