package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.event.Event;
import io.loyaltyhub.api.event.EventListener;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Tells affiliates on Telegram what happened to them: approved, rejected, suspended, a payout
 * paid. The message is queued in the transaction that applies the event, so it goes exactly once;
 * affiliates who never talked to the bot (no Telegram user id) are skipped. Texts come from the
 * conversation's bundle ({@code notify.*} keys).
 */
@Extension
public class AffiliateNotifications implements EventListener {
    static final String APPROVED = AffiliateServiceImpl.APPROVED;
    static final String REJECTED = AffiliateServiceImpl.REJECTED;
    static final String SUSPENDED = "affiliates.affiliate-suspended";
    static final String PAYOUT_PAID = "affiliates.payout-paid";

    private final PluginContext context;

    public AffiliateNotifications(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "affiliates.notify-telegram";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(APPROVED, REJECTED, SUSPENDED, PAYOUT_PAID);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onEvent(Event event, Tx tx) {
        Map<String, Object> p = context.json().read(event.payload(), Map.class);
        Object telegramUser = p.get("telegramUserId");
        if (telegramUser == null) {
            Object affiliateId = p.get("affiliateId");
            if (affiliateId == null) {
                return;
            }
            telegramUser = tx.sql().one("SELECT telegram_user_id FROM affiliate WHERE id = ? "
                            + "AND telegram_user_id IS NOT NULL",
                    rs -> rs.getObject(1, Long.class), ((Number) affiliateId).longValue()).orElse(null);
        }
        var channels = context.service(Channels.class);
        if (telegramUser == null || channels.isEmpty()) {
            return;
        }
        String text = switch (event.type()) {
            case APPROVED -> text("notify.approved", p.get("name"), p.get("code"));
            case REJECTED -> text("notify.rejected", reason(p));
            case SUSPENDED -> text("notify.suspended", reason(p));
            default -> text("notify.payout-paid", p.getOrDefault("currency", "") + " " + p.get("amount"),
                    p.getOrDefault("reference", ""));
        };
        channels.get().queue(tx, "telegram", telegramUser.toString(), Reply.text(text), null,
                "notify:" + event.id());
    }

    private static Object reason(Map<String, Object> p) {
        Object r = p.get("reason");
        return r == null || r.toString().isBlank() ? "-" : r;
    }

    /** English: affiliates' language is not stored yet (the conversation keeps its own). */
    private static String text(String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle("chat/affiliate", Locale.ENGLISH,
                AffiliateNotifications.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(b.getString(key), Locale.ENGLISH).format(args);
    }
}
