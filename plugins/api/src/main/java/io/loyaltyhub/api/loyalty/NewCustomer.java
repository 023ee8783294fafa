package io.loyaltyhub.api.loyalty;

/**
 * What joining needs: a mobile number (any common format; normalised to E.164), optionally a
 * name, birthday and language; where consent was given.
 *
 * @param referralCode the personal code of the customer who referred this one (refer a friend), or null.
 *                     An unknown code, or one of the customer themself, is ignored: joining never fails for it
 */
public record NewCustomer(String mobile, String name, Birthday birthday, String language, String consentSource,
                          String referralCode) {

    /** Without a referral code. */
    public NewCustomer(String mobile, String name, Birthday birthday, String language, String consentSource) {
        this(mobile, name, birthday, language, consentSource, null);
    }
}
