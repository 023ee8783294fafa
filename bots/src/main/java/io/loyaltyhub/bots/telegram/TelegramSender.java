package io.loyaltyhub.bots.telegram;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.bots.engine.OutboundDrain;
import io.loyaltyhub.bots.engine.OutboundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drains the Telegram part of the outbound queue. Claims due messages (at most one per user, so
 * each chat's messages keep their order), paces them ({@link Pacing}: about one a second per chat,
 * 30 a second in all), sends each with one {@code sendMessage} and records the answer: sent with
 * {@code <chat id>:<message id>}; 429 waits {@code retry_after} (that chat and the whole bot) and
 * retries; 5xx, timeouts and unreadable answers retry with backoff; 401/404 (token) retry slowly;
 * anything else (400 chat not found, 403 bot blocked by the user) fails with Telegram's code and
 * description. A message is marked before and after its one request, so once Telegram accepted it,
 * it is never sent again.
 */
final class TelegramSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);
    static final int MAX_ATTEMPTS = 8;
    private static final int MAX_THROTTLED_ATTEMPTS = 40;
    private static final int MAX_IN_FLIGHT = 64;

    private final Transactions transactions;
    private final OutboundStore outbound;
    private final BotApi api;
    private final Pacing pacing;
    private final OutboundDrain drain;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    TelegramSender(Transactions transactions, OutboundStore outbound, BotApi api, Pacing pacing) {
        this.transactions = transactions;
        this.outbound = outbound;
        this.api = api;
        this.pacing = pacing;
        this.drain = new OutboundDrain("telegram-sender", UpdateParser.CHANNEL, 32, MAX_IN_FLIGHT, transactions,
                outbound, this::sendOne);
    }

    void start() {
        drain.start();
    }

    void wake() {
        drain.wake();
    }

    Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    private void sendOne(OutboundStore.Pending p) {
        try {
            sleepNanos(pacing.reserveChat(p.userId()));
            sleepNanos(pacing.reserveGlobal());
            BotApi.Result r = api.send(TelegramRenderer.render(p.userId(), p.reply()));
            record(p, r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the lease brings the message back
        } catch (RuntimeException e) {
            LOG.warn("Sending Telegram message {} failed", p.id(), e);
            try {
                transactions.run(tx -> {
                    outbound.retry(tx.sql(), p.id(), tx.now().plus(backoff(p.attempts())), "error", e.toString(),
                            false, tx.now());
                    return null;
                });
            } catch (RuntimeException again) {
                LOG.warn("Could not put message {} back; its lease brings it back: {}", p.id(), again.toString());
            }
        }
    }

    private void record(OutboundStore.Pending p, BotApi.Result r) {
        TelegramOutcome outcome = TelegramOutcome.of(r);
        if (outcome != TelegramOutcome.SENT) {
            lastError.set(r.code() + ": " + r.description());
        }
        if (outcome == TelegramOutcome.RATE_LIMITED) {
            long wait = TelegramOutcome.retryAfter(r).toNanos();
            pacing.pauseChat(p.userId(), wait);
            pacing.pauseAll(wait);
            LOG.info("Telegram asked to wait {} s (429) after a message to chat {}", wait / Pacing.SECOND, p.userId());
        }
        transactions.run(tx -> {
            Instant now = tx.now();
            SqlRunner sql = tx.sql();
            switch (outcome) {
                case SENT -> outbound.sent(sql, p.id(), r.providerId(), false, now);
                case RATE_LIMITED -> {
                    Instant due = now.plus(TelegramOutcome.retryAfter(r)).plusMillis(jitter(250));
                    outbound.delayUser(sql, UpdateParser.CHANNEL, p.userId(), due);
                    retryOrFail(sql, p, due, r, MAX_THROTTLED_ATTEMPTS, now);
                }
                case AUTH -> retryOrFail(sql, p, now.plusSeconds(60), r, MAX_THROTTLED_ATTEMPTS, now);
                case RETRY -> retryOrFail(sql, p, now.plus(backoff(p.attempts())), r, MAX_ATTEMPTS, now);
                case PERMANENT -> outbound.failed(sql, p.id(), r.code(), r.description(), now);
            }
            return null;
        });
    }

    private void retryOrFail(SqlRunner sql, OutboundStore.Pending p, Instant due, BotApi.Result r, int maxAttempts,
                             Instant now) {
        if (p.attempts() >= maxAttempts) {
            outbound.failed(sql, p.id(), r.code(), r.description() + " (gave up after " + p.attempts() + " attempts)",
                    now);
        } else {
            outbound.retry(sql, p.id(), due, r.code(), r.description(), false, now);
        }
    }

    /** 1 s, 2 s, 4 s ... up to 5 minutes, with jitter so retries of many messages spread out. */
    static Duration backoff(int attempt) {
        long seconds = Math.min(300, 1L << Math.min(Math.max(attempt - 1, 0), 9));
        return Duration.ofSeconds(seconds).plusMillis(jitter(250));
    }

    private static long jitter(long maxMillis) {
        return ThreadLocalRandom.current().nextLong(maxMillis);
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(Duration.ofNanos(nanos));
        }
    }

    @Override
    public void close() {
        drain.close();
    }
}
