package io.loyaltyhub.api.loyalty;

public enum CustomerStatus {
    ACTIVE,
    /** Said STOP: no messages, still earns and redeems at the counter. */
    OPTED_OUT,
    /** Blocked by staff (fraud): earns and redeems nothing. */
    BLOCKED,
    /** Personal data erased on request; the ledger stays for the accounts, nothing more happens. */
    ERASED
}
