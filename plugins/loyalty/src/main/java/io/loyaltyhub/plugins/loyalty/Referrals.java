package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.event.CustomerReferred;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.MovementKind;
import io.loyaltyhub.api.plugin.JsonCodec;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Refer a friend: personal codes, and linking a new customer to the one whose code they joined with. */
final class Referrals {

    private Referrals() {
    }

    /** The customer's code, made and stored on first use. */
    static String code(Tx tx, long customerId) {
        for (int attempt = 0; attempt < 8; attempt++) {
            record Row(String code, String status) {
            }
            Row row = tx.sql().one("SELECT referral_code, status FROM loyalty_customer WHERE id = ?",
                    rs -> new Row(rs.getString(1), rs.getString(2)), customerId)
                    .orElseThrow(() -> Rejected.notFound("unknown-customer", "No customer " + customerId));
            if (row.status().equals("ERASED")) {
                throw Rejected.conflict("customer-erased", "Customer " + customerId + " was erased.");
            }
            if (row.code() != null) {
                return row.code();
            }
            // IGNORE: a code another customer already has leaves the row as it was, and we try another
            tx.sql().update("UPDATE IGNORE loyalty_customer SET referral_code = ? WHERE id = ? AND referral_code IS NULL",
                    Codes.referral(), customerId);
        }
        throw new IllegalStateException("could not find a free referral code");
    }

    static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Links a customer who just joined to the owner of {@code code}: referred_by, the event, the
     * REFERRALS_3 badge on the third friend, and the referrer's REFERRAL bonus if a rule gives one.
     * Unknown codes and the customer's own are ignored. Returns the referrer's id if linked.
     */
    static Optional<Long> link(Tx tx, long customerId, String code, JsonCodec json, LoyaltyConfig config) {
        String c = normalise(code);
        if (c.isEmpty() || c.length() > 12) {
            return Optional.empty();
        }
        record Owner(long id, String status) {
        }
        Optional<Owner> owner = tx.sql().one("SELECT id, status FROM loyalty_customer WHERE referral_code = ?",
                rs -> new Owner(rs.getLong(1), rs.getString(2)), c);
        if (owner.isEmpty() || owner.get().id() == customerId || owner.get().status().equals("ERASED")) {
            return Optional.empty();
        }
        long referrer = owner.get().id();
        Instant now = tx.now();
        int linked = tx.sql().update("UPDATE loyalty_customer SET referred_by = ?, referred_at = ? WHERE id = ? "
                + "AND referred_by IS NULL", referrer, now, customerId);
        if (linked == 0) {
            return Optional.empty();
        }
        tx.publish(new CustomerReferred(customerId, referrer, c), String.valueOf(customerId));
        long friends = tx.sql().one("SELECT COUNT(*) FROM loyalty_customer WHERE referred_by = ?", rs -> rs.getLong(1),
                referrer).orElse(0L);
        if (friends >= 3) {
            Badges.unlock(tx, referrer, "REFERRALS_3");
        }
        long bonus = Rules.bonus(Rules.current(tx.sql(), json), "REFERRAL", now);
        boolean mayEarn = owner.get().status().equals("ACTIVE") || owner.get().status().equals("OPTED_OUT");
        if (bonus > 0 && mayEarn) { // blocked customers earn nothing
            Ledger.lock(tx.sql(), referrer);
            String key = "bonus:referral:" + customerId;
            if (Ledger.earn(tx.sql(), key, MovementKind.BONUS, referrer, Ledger.Account.ISSUED, bonus, false, now,
                    LoyaltyServiceImpl.expiry(now, config), null, "referral bonus", "customer:" + customerId, now).fresh()) {
                tx.sql().update("UPDATE loyalty_customer SET lifetime_earned = lifetime_earned + ? WHERE id = ?",
                        bonus, referrer);
                Ledger.settleOwed(tx.sql(), referrer, key, now);
            }
        }
        return Optional.of(referrer);
    }
}
