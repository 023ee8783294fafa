package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A voucher was used at a counter. */
@EventType("loyalty.voucher-used")
public record VoucherUsed(long customerId, String voucherCode, String rewardName) implements DomainEvent {
}
