package io.loyaltyhub.plugins.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sample values for every variable: the editor's preview, and the length check when a template is saved. */
final class SampleData {
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("name", "Asha"),
            Map.entry("bonus", "50"),
            Map.entry("points", "120"),
            Map.entry("pending", "0"),
            Map.entry("balance", "1450"),
            Map.entry("billNumber", "INV-20931"),
            Map.entry("amount", "INR 2,450.00"),
            Map.entry("expiresOn", "12 Jan 2027"),
            Map.entry("tier", "Gold"),
            Map.entry("previousTier", "Silver"),
            Map.entry("reward", "Coffee voucher"),
            Map.entry("voucherCode", "RWD-7Q4K-92XF"),
            Map.entry("cost", "500"),
            Map.entry("friend", "Ravi"),
            Map.entry("code", "ASHA10"),
            Map.entry("reason", "payout details incomplete"),
            Map.entry("method", "UPI"),
            Map.entry("reference", "UTR 3124 5567"));

    private SampleData() {
    }

    /** A value for each of {@code trigger}'s variables. */
    static Map<String, String> of(Trigger trigger) {
        Map<String, String> values = new LinkedHashMap<>();
        trigger.variables().forEach(v -> values.put(v, VALUES.getOrDefault(v, v)));
        return values;
    }
}
