package io.loyaltyhub.ui.common;

import io.loyaltyhub.api.common.Rejected;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What staff read when a plugin refuses something (one helper for every screen). The service's own message comes first
 * (it knows the details, e.g. the support limit); a known code without a message gets the text
 * here; anything else says what was refused by its code.
 */
public final class Rejections {

    /** Texts for codes, used when the service sent no message (and for coupon check reasons). */
    static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("adjust-limit", "Your role may not adjust this many points; ask a manager."),
            Map.entry("insufficient-points", "The customer does not have that many points."),
            Map.entry("invalid-points", "Enter a whole number of points other than 0."),
            Map.entry("missing-reason", "Say why the points change."),
            Map.entry("idempotency-conflict", "This request was already used for a different change; reload the page."),
            Map.entry("unknown-customer", "No such customer."),
            Map.entry("customer-blocked", "The customer is blocked."),
            Map.entry("invalid-mobile", "That is not a mobile number."),
            Map.entry("validation-failed", "Some values are not accepted; see the fields."),
            Map.entry("unknown-voucher", "No voucher has this code. Check it for typos."),
            Map.entry("voucher-used", "This voucher was already used."),
            Map.entry("voucher-expired", "This voucher has expired."),
            Map.entry("voucher-cancelled", "This voucher was cancelled."),
            Map.entry("unknown-reward", "No such reward."),
            Map.entry("unknown-coupon", "No coupon has this code."),
            Map.entry("coupon-expired", "This coupon has expired."),
            Map.entry("coupon-not-started", "This coupon is not valid yet."),
            Map.entry("coupon-used-up", "This coupon has been used as often as it may."),
            Map.entry("below-minimum-bill", "The bill is below the coupon's minimum."),
            Map.entry("not-your-coupon", "This coupon was issued to someone else."),
            Map.entry("unknown-rule", "No such earning rule."),
            Map.entry("invalid-rule", "The rule's params do not fit its type."),
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
            Map.entry("alert-resolved", "This alert was already resolved."));

    private Rejections() {
    }

    /** One text for people: the message, field errors (if any) listed below it. */
    public static String message(Rejected e) {
        return message(e, e.fieldErrors());
    }

    /**
     * The message with only {@code fieldErrors} listed: the ones a form could not show on a field
     * (see {@link FieldErrors#show}).
     */
    public static String message(Rejected e, Map<String, String> fieldErrors) {
        String main = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : forCode(e.code());
        if (fieldErrors.isEmpty()) {
            return main;
        }
        return main + "\n" + fieldErrorsText(fieldErrors);
    }

    /** The text for a refusal code (also the reasons of a coupon check). */
    public static String forCode(String code) {
        if (code == null || code.isBlank()) {
            return "Refused.";
        }
        return BY_CODE.getOrDefault(code, "Refused (" + code + ").");
    }

    /** "field: reason" lines, sorted by field. */
    public static String fieldErrorsText(Map<String, String> fieldErrors) {
        return fieldErrors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(en -> en.getKey() + ": " + en.getValue()).collect(Collectors.joining("\n"));
    }

    /**
     * Runs {@code action}; a refusal goes to {@code onRejected} as text.
     *
     * @return whether the action went through
     */
    public static boolean attempt(Runnable action, Consumer<String> onRejected) {
        try {
            action.run();
            return true;
        } catch (Rejected e) {
            onRejected.accept(message(e));
            return false;
        }
    }
}
