package io.loyaltyhub.api.affiliate;

/**
 * An application. {@code mobile} in any common format (stored E.164); {@code invite} is an
 * approved affiliate's code when they were recruited by one, else null.
 */
public record NewAffiliate(String name, String mobile, String email, Long telegramUserId, String payoutDetails,
                           String invite) {
}
