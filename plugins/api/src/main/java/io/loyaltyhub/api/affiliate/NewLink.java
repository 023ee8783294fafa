package io.loyaltyhub.api.affiliate;

/** A link to create; UTM fields may be null (defaults: source "affiliate", medium "referral", campaign = campaign). */
public record NewLink(String campaign, String targetUrl, String utmSource, String utmMedium, String utmCampaign) {
}
