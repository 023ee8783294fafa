package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.chat.event.MarketingPreferenceChanged;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.Event;
import io.loyaltyhub.api.event.TypedListener;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

/**
 * WhatsApp's own marketing signals: the user stopped or resumed marketing messages in WhatsApp
 * ({@code user_preferences}), or a send failed with 131050 (stopped). The customer's marketing opt-in follows, recorded
 * with WhatsApp as the source. A resume only undoes WhatsApp's own stop: it is not a new consent to our offers, and it
 * does not override the customer's STOP OFFERS.
 */
@Extension
public class MarketingSignals extends TypedListener {

    public MarketingSignals(PluginContext context) {
        super(context.json(), MarketingPreferenceChanged.class);
    }

    @Override
    public String id() {
        return "loyalty.marketing-signals";
    }

    @Override
    protected void handle(DomainEvent event, Event meta, Tx tx) {
        MarketingPreferenceChanged m = (MarketingPreferenceChanged) event;
        if (!m.channel().equals("whatsapp")) {
            return;
        }
        Customers.byMobile(tx.sql(), m.userId()).ifPresent(c -> {
            if (c.status() == io.loyaltyhub.api.loyalty.CustomerStatus.ERASED
                    || m.marketing() && !stoppedByWhatsApp(tx, c.id())) {
                return;
            }
            LoyaltyServiceImpl.marketingConsent(tx, Actor.SYSTEM, c, m.marketing(), m.source());
        });
    }

    /** Whether the last change of the marketing opt-in was WhatsApp's stop (not the customer's STOP OFFERS). */
    private static boolean stoppedByWhatsApp(Tx tx, long customerId) {
        return tx.sql().one("SELECT given, source FROM loyalty_consent WHERE customer_id = ? AND kind = 'marketing' "
                        + "ORDER BY id DESC LIMIT 1", rs -> !rs.getBoolean(1) && rs.getString(2).startsWith("whatsapp:"),
                customerId).orElse(false);
    }
}
