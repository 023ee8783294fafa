package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** An unused voucher was cancelled and its points refunded. */
@EventType("loyalty.voucher-cancelled")
public record VoucherCancelled(long customerId, String voucherCode, long pointsRefunded) implements DomainEvent {
}
