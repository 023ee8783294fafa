package io.loyaltyhub.api.loyalty;

/** Why points moved; every ledger line has one. */
public enum MovementKind {
    EARN, BONUS, RELEASE, REDEEM, REFUND, EXPIRE, REVERSE, ADJUST
}
