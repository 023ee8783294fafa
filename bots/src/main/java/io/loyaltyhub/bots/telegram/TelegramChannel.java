package io.loyaltyhub.bots.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.data.GroupCommit;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.bots.engine.ChannelFigures;
import io.loyaltyhub.bots.engine.InboundMessage;
import io.loyaltyhub.bots.engine.InboundStore;
import io.loyaltyhub.bots.engine.InboundWorker;
import io.loyaltyhub.bots.engine.OutboundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Telegram Bot API channel (audience: affiliates): updates come in by long polling or by
 * webhook, are stored durably in {@code chat_inbound} (message id {@code tg-<update_id>}, so each
 * is applied at most once) and answered later by the inbound worker; every button tap is
 * acknowledged with {@code answerCallbackQuery}; replies leave through {@link TelegramSender}. Off
 * without a bot token; the webhook then answers 404 and nothing is sent.
 */
public final class TelegramChannel implements TelegramWebhook, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

    private final TelegramConfig config;
    private final Transactions transactions;
    private final InboundStore inbound;
    private final InboundWorker inboundWorker;
    private final Clock clock;
    private final UpdateParser parser = new UpdateParser();
    private final WebhookSecret secret;
    private final GroupCommit<InboundMessage, Void> intake;
    private final BotApi api;
    private final TelegramSender sender;
    private final TelegramPoller poller;
    private final ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Instant lastUpdate;
    private volatile String webhookState = "not set yet";
    private volatile boolean running = true;
    private Thread webhookSetter;

    public TelegramChannel(TelegramConfig config, Transactions transactions, OutboundStore outbound,
                           InboundStore inbound, InboundWorker inboundWorker, Clock clock) {
        this.config = config;
        this.transactions = transactions;
        this.inbound = inbound;
        this.inboundWorker = inboundWorker;
        this.clock = clock;
        if (config.enabled()) {
            this.api = new BotApi(config);
            this.sender = new TelegramSender(transactions, outbound, api, Pacing.telegram());
            if (config.mode() == TelegramConfig.Mode.WEBHOOK) {
                this.secret = new WebhookSecret(config.webhookSecret());
                this.intake = transactions.groupCommit("telegram-intake", 500, 8_000, this::store);
                this.poller = null;
            } else {
                this.secret = null;
                this.intake = null;
                this.poller = new TelegramPoller(api, config.pollTimeout(), this::storePolled);
            }
        } else {
            this.api = null;
            this.sender = null;
            this.secret = null;
            this.intake = null;
            this.poller = null;
        }
    }

    public void start() {
        if (!enabled()) {
            LOG.info("Telegram channel off: {}. The rest of the server runs; set telegram.bot-token to turn it on.",
                    config.missing().orElse(""));
            return;
        }
        sender.start();
        if (poller != null) {
            poller.start();
            LOG.info("Telegram channel on: {}, long polling {}", botName(), config.apiBaseUrl());
        } else {
            webhookSetter = Thread.ofVirtual().name("telegram-set-webhook").start(this::registerWebhook);
            LOG.info("Telegram channel on: {}, webhook {}", botName(), config.webhookUrl());
        }
    }

    public boolean enabled() {
        return api != null;
    }

    public TelegramConfig config() {
        return config;
    }

    /** New messages were queued for Telegram. */
    public void wakeSender() {
        if (sender != null) {
            sender.wake();
        }
    }

    @Override
    public Outcome receive(byte[] body, String secretHeader) {
        if (!enabled() || secret == null) {
            return Outcome.OFF;
        }
        if (!secret.matches(secretHeader)) {
            return Outcome.BAD_SECRET;
        }
        UpdateParser.Parsed parsed;
        try {
            parsed = parser.parse(parser.read(body));
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.BAD_PAYLOAD;
        }
        lastUpdate = clock.instant();
        if (parsed.message().isPresent()) {
            try {
                intake.submit(parsed.message().get()).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Could not store Telegram update {}; Telegram will send it again: {}", parsed.updateId(),
                        e.toString());
                return Outcome.UNAVAILABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.UNAVAILABLE;
            }
            inboundWorker.wake();
        }
        answerCallback(parsed.callbackQueryId());
        return Outcome.ACCEPTED;
    }

    /** Webhook intake: new messages in one transaction, redeliveries ignored. */
    private List<Void> store(Tx tx, List<InboundMessage> messages) {
        inbound.insertNew(tx.sql(), messages, tx.now(), InboundStore.NEW);
        return java.util.Collections.nCopies(messages.size(), null);
    }

    /** Polling: the whole batch durable in one transaction, or an exception (the offset then stays). */
    private void storePolled(List<JsonNode> raw) {
        List<UpdateParser.Parsed> parsed = new ArrayList<>();
        for (JsonNode n : raw) {
            try {
                parsed.add(parser.parse(parser.read(n)));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Skipping Telegram update {} that could not be read: {}", n.path("update_id").asText("?"),
                        e.toString());
            }
        }
        List<InboundMessage> messages = parsed.stream().flatMap(p -> p.message().stream()).toList();
        if (!messages.isEmpty()) {
            transactions.run(tx -> {
                inbound.insertNew(tx.sql(), messages, tx.now(), InboundStore.NEW);
                return null;
            });
            inboundWorker.wake();
        }
        lastUpdate = clock.instant();
        parsed.forEach(p -> answerCallback(p.callbackQueryId()));
    }

    /** Stops the tapped button's spinner; best effort (a query not answered times out on the phone). */
    private void answerCallback(String callbackQueryId) {
        if (callbackQueryId == null) {
            return;
        }
        callbacks.submit(() -> {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    api.answerCallback(callbackQueryId);
                    return null;
                } catch (TelegramApiException e) {
                    BotApi.Result r = BotApi.Result.failure(e);
                    if (r.code().matches("4\\d\\d") && !r.code().equals("429")) {
                        LOG.debug("answerCallbackQuery {} refused: {} {}", callbackQueryId, r.code(), r.description());
                        return null; // e.g. "query is too old": nothing more to do
                    }
                    Thread.sleep(attempt * 500L);
                }
            }
            LOG.info("Could not answer callback query {}", callbackQueryId);
            return null;
        });
    }

    /** Webhook mode: registers the URL and the secret with Telegram, retrying until it is accepted. */
    private void registerWebhook() {
        for (int attempt = 1; running; attempt++) {
            try {
                api.setWebhook(config.webhookUrl(), config.webhookSecret());
                webhookState = "set";
                LOG.info("Telegram webhook set to {}", config.webhookUrl());
                return;
            } catch (TelegramApiException e) {
                BotApi.Result r = BotApi.Result.failure(e);
                webhookState = "setWebhook failed: " + r.code() + ": " + r.description();
                LOG.warn("Telegram setWebhook failed ({}: {}); trying again", r.code(), r.description());
            }
            try {
                Thread.sleep(Math.min(300_000, 1000L << Math.min(attempt, 9)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public ChannelStatus status() {
        return transactions.inTransaction(tx -> {
            ChannelFigures f = ChannelFigures.read(tx.sql(), UpdateParser.CHANNEL, tx.now());
            Instant lastIn = lastUpdate != null ? lastUpdate : f.lastReceived();
            String lastError = sender == null ? null : sender.lastError().orElse(null);
            if (lastError == null && poller != null) {
                lastError = poller.lastError();
            }
            return new ChannelStatus(UpdateParser.CHANNEL, enabled(), detail(), lastIn, f.queued(), f.sent24h(),
                    f.failed24h(), lastError != null ? lastError : f.lastFailure());
        });
    }

    private String detail() {
        if (!enabled()) {
            return "off: " + config.missing().orElse("");
        }
        if (poller != null) {
            return "on: " + botName() + ", mode polling (getUpdates)";
        }
        return "on: " + botName() + ", mode webhook " + config.webhookUrl() + " (" + webhookState + ")";
    }

    private String botName() {
        return config.botUsername().isEmpty() ? "bot" : "@" + config.botUsername();
    }

    /** The next update id polling asks for (tests and diagnostics), if polling has stored a batch. */
    public Optional<Long> pollingOffset() {
        return poller == null ? Optional.empty() : Optional.ofNullable(poller.offset());
    }

    @Override
    public void close() {
        running = false;
        if (webhookSetter != null) {
            webhookSetter.interrupt();
        }
        if (poller != null) {
            poller.close();
        }
        if (sender != null) {
            sender.close();
        }
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (api != null) {
            api.close();
        }
    }
}
