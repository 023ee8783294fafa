package io.loyaltyhub.api.loyalty;

/**
 * What became of one bill of a batch ({@link LoyaltyService#postBills}).
 *
 * @param result    the bill's result when posted now or before; null when refused
 * @param duplicate posted before with the same content: nothing changed now
 * @param code      the refusal's stable code ({@code bill-conflict}, {@code invalid-mobile}, ...); null when posted
 * @param reason    the refusal, for people; null when posted
 */
public record BillOutcome(String billNumber, BillResult result, boolean duplicate, String code, String reason) {

    public static BillOutcome posted(BillResult result) {
        return new BillOutcome(result.billNumber(), result, false, null, null);
    }

    public static BillOutcome duplicate(BillResult result) {
        return new BillOutcome(result.billNumber(), result, true, null, null);
    }

    public static BillOutcome refused(String billNumber, String code, String reason) {
        return new BillOutcome(billNumber, null, false, code, reason);
    }

    public boolean refused() {
        return result == null;
    }
}
