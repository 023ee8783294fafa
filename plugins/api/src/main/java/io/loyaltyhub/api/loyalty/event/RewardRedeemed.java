package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.time.Instant;

/** A customer redeemed a reward for a voucher; {@code device} when the channel knows it. */
@EventType("loyalty.reward-redeemed")
public record RewardRedeemed(long customerId, long rewardId, String rewardName, long points, String voucherCode, Instant expiresAt, String device) implements DomainEvent {
}
