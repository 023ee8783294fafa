package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.event.AchievementUnlocked;
import io.loyaltyhub.api.data.Tx;

import java.util.Map;

/** Achievements: unlocked once, each announced with an event. */
final class Badges {
    static final Map<String, String> NAMES = Map.of(
            "FIRST_PURCHASE", "First purchase",
            "VISITS_5", "5 visits",
            "VISITS_10", "10 visits",
            "VISITS_25", "25 visits",
            "REFERRALS_3", "3 friends referred");

    private Badges() {
    }

    static String name(String code) {
        return code.startsWith("TIER_") ? "Reached " + code.substring(5).charAt(0)
                + code.substring(6).toLowerCase(java.util.Locale.ROOT) : NAMES.getOrDefault(code, code);
    }

    static void unlock(Tx tx, long customerId, String code) {
        int fresh = tx.sql().update("INSERT IGNORE INTO loyalty_badge (customer_id, code, unlocked_at) VALUES (?, ?, ?)",
                customerId, code, tx.now());
        if (fresh == 1) {
            tx.publish(new AchievementUnlocked(customerId, code, name(code)), String.valueOf(customerId));
        }
    }

    /** After a bill, given the customer's visits counting it (a visit is a bill that was not reversed). */
    static void afterBill(Tx tx, long customerId, int visits) {
        if (visits == 1) {
            unlock(tx, customerId, "FIRST_PURCHASE");
        }
        if (visits == 5 || visits == 10 || visits == 25) {
            unlock(tx, customerId, "VISITS_" + visits);
        }
    }
}
