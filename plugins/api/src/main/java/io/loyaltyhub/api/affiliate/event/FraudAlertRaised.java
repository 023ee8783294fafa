package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A fraud rule raised an alert; {@code holding} when it holds commissions. */
@EventType("affiliates.fraud-alert-raised")
public record FraudAlertRaised(long alertId, String rule, String trigger, String subject, String summary, boolean holding, Long affiliateId) implements DomainEvent {
}
