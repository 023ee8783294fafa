package io.loyaltyhub.bots;

import io.loyaltyhub.api.chat.ChatFlow;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.MessageLog;
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.bots.engine.ConversationEngine;
import io.loyaltyhub.bots.engine.InboundStore;
import io.loyaltyhub.bots.engine.InboundWorker;
import io.loyaltyhub.bots.engine.MessageLogService;
import io.loyaltyhub.bots.engine.OutboundStore;
import io.loyaltyhub.bots.engine.Simulator;
import io.loyaltyhub.bots.telegram.TelegramChannel;
import io.loyaltyhub.bots.telegram.TelegramWebhook;
import io.loyaltyhub.bots.whatsapp.WebhookParser;
import io.loyaltyhub.bots.whatsapp.WhatsAppChannel;
import io.loyaltyhub.bots.whatsapp.WhatsAppWebhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The bots, wired: the engine over the plugins' flows, the inbound worker, the WhatsApp and
 * Telegram channels and the simulator. The host starts it after the plugins and the database are up, and needs the
 * {@code db/migration/bots} tables.
 */
public final class Bots implements AutoCloseable {
    private final ConversationEngine engine;
    private final InboundWorker worker;
    private final WhatsAppChannel whatsapp;
    private final TelegramChannel telegram;
    private final Simulator simulator;
    private final MessageLogService messageLog;
    private final ChannelsService channels;

    private Bots(ChatConfig config, Transactions transactions, List<ChatFlow> flows, Optional<PhoneNumbers> phones,
                 Clock clock) {
        OutboundStore outbound = new OutboundStore();
        engine = new ConversationEngine(transactions, flows, config, clock, outbound);
        worker = new InboundWorker(transactions, engine, this::wakeSenders, Duration.ofMillis(500),
                config.concurrentTurns());
        whatsapp = new WhatsAppChannel(config.whatsapp(), transactions, outbound, new InboundStore(), worker,
                user -> engine.lastInbound(WebhookParser.CHANNEL, user), clock);
        telegram = new TelegramChannel(config.telegram(), transactions, outbound, new InboundStore(), worker, clock);
        simulator = new Simulator(transactions, engine, phones, config.defaultRegion(), clock);
        messageLog = new MessageLogService(transactions);
        channels = new ChannelsService(transactions, outbound, whatsapp, telegram, engine::lastInbound);
    }

    public static Bots start(ChatConfig config, Transactions transactions, List<ChatFlow> flows,
                             Optional<PhoneNumbers> phones, Clock clock) {
        Bots b = new Bots(config, transactions, flows, phones, clock);
        b.worker.start();
        b.whatsapp.start();
        b.telegram.start();
        return b;
    }

    private void wakeSenders() {
        if (whatsapp != null) {
            whatsapp.wakeSender();
        }
        if (telegram != null) {
            telegram.wakeSender();
        }
    }

    public WhatsAppWebhook whatsappWebhook() {
        return whatsapp;
    }

    public TelegramWebhook telegramWebhook() {
        return telegram;
    }

    public ChatSimulator simulator() {
        return simulator;
    }

    public MessageLog messageLog() {
        return messageLog;
    }

    public Channels channels() {
        return channels;
    }

    public io.loyaltyhub.api.chat.WhatsAppTemplates whatsappTemplates() {
        return whatsapp.templates();
    }

    @Override
    public void close() {
        whatsapp.close();
        telegram.close();
        worker.close();
    }
}
