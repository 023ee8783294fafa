package io.loyaltyhub.bots.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Polling mode: long-polls {@code getUpdates} and hands each batch to {@code store}, which makes it
 * durable (or throws). Only then does the offset move to the last update id + 1, which the next
 * {@code getUpdates} sends and so confirms the batch to Telegram. A crash between storing and
 * confirming brings the batch again; the store ignores update ids it already has. Removes any
 * webhook first (Telegram refuses {@code getUpdates} while one is set). One instance polls a bot:
 * with several, Telegram answers 409 to all but one (use webhook mode for several instances).
 */
final class TelegramPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);
    private static final int LIMIT = 100;

    private final BotApi api;
    private final int timeoutSeconds;
    private final Consumer<List<JsonNode>> store;
    private volatile boolean running = true;
    private volatile Long offset;
    private volatile String lastError;
    private Thread thread;

    TelegramPoller(BotApi api, Duration pollTimeout, Consumer<List<JsonNode>> store) {
        this.api = api;
        this.timeoutSeconds = (int) Math.max(0, Math.min(50, pollTimeout.toSeconds()));
        this.store = store;
    }

    void start() {
        thread = Thread.ofPlatform().name("telegram-poller").daemon().start(this::loop);
    }

    /** The next update id asked for (everything below it is stored and confirmed), or null before the first batch. */
    Long offset() {
        return offset;
    }

    String lastError() {
        return lastError;
    }

    private void loop() {
        int failures = 0;
        boolean webhookDeleted = false;
        while (running) {
            try {
                if (!webhookDeleted) {
                    api.deleteWebhook();
                    webhookDeleted = true;
                }
                long t0 = System.nanoTime();
                BotApi.Updates batch = api.getUpdates(offset, timeoutSeconds, LIMIT);
                if (batch.error() != null) {
                    BotApi.Result e = batch.error();
                    lastError = "getUpdates: " + e.code() + ": " + e.description();
                    failures++;
                    if ("409".equals(e.code())) {
                        webhookDeleted = false; // a webhook is set (or another instance polls)
                    }
                    long wait = "429".equals(e.code()) ? TelegramOutcome.retryAfter(e).toMillis()
                            : Math.min(30_000, 500L << Math.min(failures, 6));
                    if (failures == 1 || failures % 20 == 0) {
                        LOG.warn("Telegram getUpdates failed ({}: {}); trying again in {} ms", e.code(),
                                e.description(), wait);
                    }
                    Thread.sleep(wait);
                    continue;
                }
                failures = 0;
                List<JsonNode> updates = batch.updates();
                if (updates.isEmpty()) {
                    if (System.nanoTime() - t0 < 1_000_000_000L) {
                        Thread.sleep(500); // answered at once with nothing (not a long poll): do not spin
                    }
                    continue;
                }
                store.accept(updates); // throws when not durable: the offset stays, the batch comes again
                long max = updates.stream().mapToLong(u -> u.path("update_id").asLong()).max().orElseThrow();
                offset = max + 1;
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
                failures++;
                lastError = e.toString();
                LOG.warn("Telegram polling: {}; trying again", e.toString());
                try {
                    Thread.sleep(Math.min(30_000, 500L << Math.min(failures, 6)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            api.cancelCalls(); // a long poll in progress
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
