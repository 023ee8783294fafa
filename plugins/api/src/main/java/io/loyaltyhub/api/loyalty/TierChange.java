package io.loyaltyhub.api.loyalty;

import java.time.Instant;

public record TierChange(String fromTier, String toTier, String reason, Instant at) {
}
