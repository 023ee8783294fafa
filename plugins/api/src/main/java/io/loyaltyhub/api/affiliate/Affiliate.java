package io.loyaltyhub.api.affiliate;

import java.time.Instant;

/**
 * An affiliate.
 *
 * @param code            unique, what customers type or links carry
 * @param telegramUserId  null until they talk to the bot
 * @param payoutDetails   e.g. "UPI: name@bank"; free text the manager pays to
 * @param planId          the commission plan; null for the default plan
 * @param recruitedBy     the affiliate who invited them (multi-level share), or null
 * @param statusReason    why it was rejected or suspended
 */
public record Affiliate(long id, String code, String name, String mobile, String email, Long telegramUserId,
                        AffiliateStatus status, String statusReason, String payoutDetails, Long planId,
                        Long recruitedBy, Instant createdAt, Instant approvedAt) {
}
