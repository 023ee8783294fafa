package io.loyaltyhub.bots;

import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.bots.engine.OutboundStore;
import io.loyaltyhub.bots.engine.Simulator;
import io.loyaltyhub.bots.telegram.TelegramChannel;
import io.loyaltyhub.bots.telegram.UpdateParser;
import io.loyaltyhub.bots.whatsapp.WebhookParser;
import io.loyaltyhub.bots.whatsapp.WhatsAppChannel;

import java.util.List;

/** {@link Channels}: status of each channel, and queueing messages that are not replies. */
final class ChannelsService implements Channels {
    private final Transactions transactions;
    private final OutboundStore outbound;
    private final WhatsAppChannel whatsapp;
    private final TelegramChannel telegram;

    ChannelsService(Transactions transactions, OutboundStore outbound, WhatsAppChannel whatsapp,
                    TelegramChannel telegram) {
        this.transactions = transactions;
        this.outbound = outbound;
        this.whatsapp = whatsapp;
        this.telegram = telegram;
    }

    @Override
    public List<ChannelStatus> status() {
        return List.of(whatsapp.status(), telegram.status());
    }

    @Override
    public long send(String channel, String userId, Reply reply, Reply.Template fallback, String idempotencyKey) {
        OutboundStore.Status initial = switch (channel) {
            case WebhookParser.CHANNEL -> {
                if (!whatsapp.enabled()) {
                    throw new IllegalStateException("the WhatsApp channel is off (no whatsapp.access-token)");
                }
                yield OutboundStore.Status.QUEUED;
            }
            case UpdateParser.CHANNEL -> {
                if (!telegram.enabled()) {
                    throw new IllegalStateException("the Telegram channel is off ("
                            + telegram.config().missing().orElse("") + ")");
                }
                yield OutboundStore.Status.QUEUED;
            }
            case Simulator.CHANNEL -> OutboundStore.Status.DELIVERED;
            default -> throw new IllegalArgumentException("unknown channel: " + channel);
        };
        long id = transactions.inTransaction(tx -> outbound.enqueue(tx.sql(), channel, userId, reply, fallback,
                idempotencyKey, initial, tx.now()));
        whatsapp.wakeSender();
        telegram.wakeSender();
        return id;
    }
}
