package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.ui.loyalty.Formats;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Orders and filters for the review queues: what needs a person first. */
public final class Queues {

    private static final Comparator<Instant> NEWEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());

    private Queues() {
    }

    /** Pending applications first (oldest first: they have waited longest), then the rest newest first. */
    public static List<Affiliate> approvalQueue(Collection<Affiliate> affiliates) {
        Comparator<Affiliate> pendingFirst = Comparator.comparing(a -> a.status() != AffiliateStatus.PENDING);
        Comparator<Affiliate> byTime = (a, b) -> a.status() == AffiliateStatus.PENDING
                ? Comparator.nullsLast(Comparator.<Instant>naturalOrder()).compare(a.createdAt(), b.createdAt())
                : NEWEST_FIRST.compare(a.createdAt(), b.createdAt());
        return affiliates.stream().sorted(pendingFirst.thenComparing(byTime)
                .thenComparing(Affiliate::id, Comparator.reverseOrder())).toList();
    }

    /** Open alerts first, then resolved ones; newest first within each. */
    public static List<FraudAlert> alertQueue(Collection<FraudAlert> alerts) {
        return alerts.stream().sorted(Comparator.comparing((FraudAlert a) -> a.resolvedAt() != null)
                .thenComparing(FraudAlert::raisedAt, NEWEST_FIRST)
                .thenComparing(FraudAlert::id, Comparator.reverseOrder())).toList();
    }

    /** Paid and rejected payouts, most recently paid (or requested) first. */
    public static List<Payout> history(Collection<Payout> payouts) {
        return payouts.stream().filter(p -> p.status() != PayoutStatus.REQUESTED)
                .sorted(Comparator.comparing((Payout p) -> p.paidAt() != null ? p.paidAt() : p.requestedAt(), NEWEST_FIRST)
                        .thenComparing(Payout::id, Comparator.reverseOrder()))
                .toList();
    }

    /** The ids of the commissions that may still be approved (pending ones), in order, without repeats. */
    public static List<Long> approvable(Collection<Commission> selected) {
        return selected.stream().filter(c -> c.status() == CommissionStatus.PENDING).map(Commission::id)
                .distinct().toList();
    }

    /** "3 selected (2 pending) · INR 450.00" for a selection; "None selected" when empty. */
    public static String selectionSummary(Collection<Commission> selected) {
        if (selected.isEmpty()) {
            return "None selected";
        }
        long pending = selected.stream().filter(c -> c.status() == CommissionStatus.PENDING).count();
        List<Money> amounts = selected.stream().map(Commission::amount).toList();
        return selected.size() + " selected (" + pending + " pending) · " + MoneyText.formatTotals(amounts);
    }

    /** What a bulk approval did: "Approved 3 commissions." plus why the rest were not. */
    public static String bulkResult(int approved, int asked, int notPending) {
        String main = "Approved " + approved + (approved == 1 ? " commission." : " commissions.");
        int skippedByService = asked - approved;
        StringBuilder sb = new StringBuilder(main);
        if (notPending > 0) {
            sb.append(' ').append(notPending).append(notPending == 1 ? " was" : " were")
                    .append(" not pending and left alone.");
        }
        if (skippedByService > 0) {
            sb.append(' ').append(skippedByService).append(skippedByService == 1 ? " was" : " were")
                    .append(" not approved (held by a fraud alert or changed meanwhile).");
        }
        return sb.toString();
    }

    /** The alert's state for people: "open", "open, holding", "confirmed fraud", "false alarm". */
    public static String alertState(FraudAlert a) {
        if (a.resolvedAt() == null) {
            return a.holding() ? "open, holding" : "open";
        }
        return Boolean.TRUE.equals(a.confirmed()) ? "confirmed fraud" : "false alarm";
    }

    /** Evidence as "key: value" lines, keys in alphabetical order. */
    public static List<String> evidenceLines(Map<String, String> evidence) {
        if (evidence == null) {
            return List.of();
        }
        return evidence.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + Objects.toString(e.getValue(), "")).toList();
    }

    /** Evidence on one line, for a grid cell: "ip: 1.2.3.4 · clicks: 40". */
    public static String evidenceInline(Map<String, String> evidence) {
        return String.join(" · ", evidenceLines(evidence));
    }

    /** "pending", "approved" ... ; "all" for null. */
    public static String statusLabel(Enum<?> status) {
        return status == null ? "all" : Formats.label(status);
    }

    /** "Name (CODE)", or "#id" when the affiliate is unknown. */
    public static String affiliateLabel(Affiliate a) {
        if (a == null) {
            return "";
        }
        String name = a.name() == null || a.name().isBlank() ? "#" + a.id() : a.name();
        return a.code() == null || a.code().isBlank() ? name : name + " (" + a.code() + ")";
    }
}
