package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.event.Event;
import io.loyaltyhub.api.affiliate.event.AffiliateApproved;
import io.loyaltyhub.api.affiliate.event.AffiliateRejected;
import io.loyaltyhub.api.affiliate.event.AffiliateSuspended;
import io.loyaltyhub.api.affiliate.event.PayoutPaid;
import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.TypedListener;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Tells affiliates on Telegram what happened to them: approved, rejected, suspended, a payout
 * paid. The message is queued in the transaction that applies the event, so it goes exactly once;
 * affiliates who never talked to the bot (no Telegram user id) are skipped. Texts come from the
 * conversation's bundle ({@code notify.*} keys).
 */
@Extension
public class AffiliateNotifications extends TypedListener {
    private final PluginContext context;

    public AffiliateNotifications(PluginContext context) {
        super(context.json(), AffiliateApproved.class, AffiliateRejected.class, AffiliateSuspended.class, PayoutPaid.class);
        this.context = context;
    }

    @Override
    public String id() {
        return "affiliates.notify-telegram";
    }

    @Override
    protected void handle(DomainEvent event, Event meta, Tx tx) {
        record Message(long affiliateId, Long telegramUserId, String text) {
        }
        Message m = switch (event) {
            case AffiliateApproved a -> new Message(a.affiliateId(), a.telegramUserId(), text("notify.approved", a.name(), a.code()));
            case AffiliateRejected r -> new Message(r.affiliateId(), r.telegramUserId(), text("notify.rejected", reason(r.reason())));
            case AffiliateSuspended s -> new Message(s.affiliateId(), s.telegramUserId(), text("notify.suspended", reason(s.reason())));
            case PayoutPaid p -> new Message(p.affiliateId(), p.telegramUserId(), text("notify.payout-paid",
                    p.currency() + " " + p.amount().toPlainString(), p.reference() == null ? "" : p.reference()));
            default -> null;
        };
        if (m == null) {
            return;
        }
        Long telegramUser = m.telegramUserId() != null ? m.telegramUserId() : tx.sql().one("SELECT telegram_user_id "
                + "FROM affiliate WHERE id = ?", rs -> rs.getObject(1, Long.class), m.affiliateId()).orElse(null);
        var channels = context.service(Channels.class);
        if (telegramUser == null || channels.isEmpty()) {
            return;
        }
        channels.get().queue(tx, "telegram", telegramUser.toString(), Reply.text(m.text()), null, "notify:" + meta.id());
    }

    private static String reason(String r) {
        return r == null || r.isBlank() ? "-" : r;
    }

    /** English: affiliates' language is not stored yet (the conversation keeps its own). */
    private static String text(String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle("chat/affiliate", Locale.ENGLISH,
                AffiliateNotifications.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(b.getString(key), Locale.ENGLISH).format(args);
    }
}
