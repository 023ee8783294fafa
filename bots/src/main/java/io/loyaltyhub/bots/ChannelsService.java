package io.loyaltyhub.bots;

import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.data.Tx;
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

    private final java.util.function.BiFunction<String, String, java.util.Optional<java.time.Instant>> lastInbound;

    ChannelsService(Transactions transactions, OutboundStore outbound, WhatsAppChannel whatsapp,
                    TelegramChannel telegram,
                    java.util.function.BiFunction<String, String, java.util.Optional<java.time.Instant>> lastInbound) {
        this.transactions = transactions;
        this.lastInbound = lastInbound;
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
        OutboundStore.Status initial = initialStatus(channel).orElseThrow(() -> new IllegalStateException(
                "the " + channel + " channel is off (" + offReason(channel) + ")"));
        long id = transactions.inTransaction(tx -> outbound.enqueue(tx.sql(), channel, userId, reply, fallback,
                idempotencyKey, initial, tx.now()));
        whatsapp.wakeSender();
        telegram.wakeSender();
        return id;
    }

    /** A channel that is off queues nothing (0): the event is applied, its message would never go. */
    @Override
    public long queue(Tx tx, String channel, String userId, Reply reply, Reply.Template fallback,
                      String idempotencyKey, String tag) {
        java.util.Optional<OutboundStore.Status> initial = initialStatus(channel);
        if (initial.isEmpty()) {
            return 0;
        }
        // the senders poll every 200 ms; waking them now would be before this transaction commits
        return outbound.enqueue(tx.sql(), channel, userId, reply, fallback, idempotencyKey, initial.get(), tx.now(),
                tag);
    }

    @Override
    public java.util.Optional<java.time.Instant> lastInbound(String channel, String userId) {
        return lastInbound.apply(channel, userId);
    }

    @Override
    public boolean enabled(String channel) {
        try {
            return initialStatus(channel).isPresent();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private java.util.Optional<OutboundStore.Status> initialStatus(String channel) {
        return switch (channel) {
            case WebhookParser.CHANNEL -> whatsapp.enabled() ? java.util.Optional.of(OutboundStore.Status.QUEUED)
                    : java.util.Optional.empty();
            case UpdateParser.CHANNEL -> telegram.enabled() ? java.util.Optional.of(OutboundStore.Status.QUEUED)
                    : java.util.Optional.empty();
            case Simulator.CHANNEL -> java.util.Optional.of(OutboundStore.Status.DELIVERED);
            default -> throw new IllegalArgumentException("unknown channel: " + channel);
        };
    }

    private String offReason(String channel) {
        return channel.equals(WebhookParser.CHANNEL) ? "no whatsapp.access-token" : telegram.config().missing().orElse("");
    }
}
