package io.loyaltyhub.api.affiliate;

import java.time.Instant;

/**
 * A tracked link: {@code url} ({@code <public base>/r/<code>}) redirects to {@code targetUrl} with the UTM parameters.
 */
public record ReferralLink(long id, long affiliateId, String code, String campaign, String targetUrl, String utmSource,
                           String utmMedium, String utmCampaign, String url, long clicks, long uniqueClicks,
                           Instant createdAt) {
}
