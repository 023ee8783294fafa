package io.loyaltyhub.api.affiliate;

import java.time.Instant;
import java.util.Map;

/**
 * A fraud rule's hit, with its evidence. Open alerts that hold something keep it held until a
 * person resolves them ({@code confirmed}: the held commission is rejected; else released).
 */
public record FraudAlert(long id, String rule, Long affiliateId, Long customerId, String subject, String summary,
                         Map<String, String> evidence, boolean holding, Instant raisedAt, Instant resolvedAt,
                         String resolvedBy, Boolean confirmed) {
}
