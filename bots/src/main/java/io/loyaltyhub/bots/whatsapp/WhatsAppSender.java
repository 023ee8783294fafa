package io.loyaltyhub.bots.whatsapp;

import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.bots.engine.OutboundDrain;
import io.loyaltyhub.bots.engine.OutboundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Drains the WhatsApp part of the outbound queue. Claims due messages (at most one per user, so
 * each user's messages keep their order), paces them through {@link SendRate}, and records each
 * answer: sent with its wamid, retried with backoff (5xx, timeouts), slowed down (130429), held
 * for the user (131056), turned into a template (131047), or failed with Meta's code. A message
 * is marked before and after its one request, so it is never sent again once accepted.
 */
public final class WhatsAppSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppSender.class);
    static final int MAX_ATTEMPTS = 8;
    private static final int MAX_THROTTLED_ATTEMPTS = 40;
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final int MAX_IN_FLIGHT = 128;
    /** How long a message WhatsApp held back (131049) waits before its one more try. */
    static final Duration HOLD_BACK = Duration.ofHours(24);

    private final Transactions transactions;
    private final OutboundStore outbound;
    private final GraphApiClient client;
    private final WhatsAppConfig config;
    private final SendRate rate;
    private final Function<String, Optional<Instant>> lastInbound;
    private final java.time.Clock clock;
    private final OutboundDrain drain;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    /**
     * @param lastInbound when a user (E.164) last wrote, for the 24-hour window
     */
    public WhatsAppSender(Transactions transactions, OutboundStore outbound, GraphApiClient client,
                          WhatsAppConfig config, Function<String, Optional<Instant>> lastInbound,
                          java.time.Clock clock) {
        this.clock = clock;
        this.transactions = transactions;
        this.outbound = outbound;
        this.client = client;
        this.config = config;
        this.rate = new SendRate(config.sendRate());
        this.lastInbound = lastInbound;
        this.drain = new OutboundDrain("whatsapp-sender", WebhookParser.CHANNEL, 64, MAX_IN_FLIGHT, transactions,
                outbound, this::sendOne);
    }

    public void start() {
        drain.start();
    }

    public void wake() {
        drain.wake();
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    private void sendOne(OutboundStore.Pending p) {
        try {
            Optional<Reply.Template> fallback = fallbackFor(p);
            // a template is sent as it is, inside the window or not
            boolean asTemplate = p.reply() instanceof Reply.Template
                    || fallback.isPresent() && (p.asTemplate() || outsideWindow(p.userId()));
            Reply reply = asTemplate && !(p.reply() instanceof Reply.Template) ? fallback.get() : p.reply();
            for (long wait; (wait = rate.tryAcquire()) > 0; ) {
                Thread.sleep(wait);
            }
            GraphApiClient.Result r = client.send(WhatsAppRenderer.render(p.userId(), reply));
            record(p, asTemplate, fallback.isPresent(), r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the lease brings the message back
        } catch (RuntimeException e) {
            LOG.warn("Sending WhatsApp message {} failed", p.id(), e);
            try {
                transactions.run(tx -> {
                    outbound.retry(tx.sql(), p.id(), tx.now().plus(backoff(p.attempts())), "error", e.toString(),
                            p.asTemplate(), tx.now());
                    return null;
                });
            } catch (RuntimeException again) {
                LOG.warn("Could not put message {} back; its lease brings it back: {}", p.id(), again.toString());
            }
        }
    }

    private void record(OutboundStore.Pending p, boolean asTemplate, boolean hasFallback, GraphApiClient.Result r) {
        SendOutcome outcome = SendOutcome.of(r);
        if (outcome != SendOutcome.SENT) {
            lastError.set((r.code() == null ? "HTTP " + r.httpStatus() : r.code()) + ": " + r.title());
        }
        transactions.run(tx -> {
            Instant now = tx.now();
            var sql = tx.sql();
            switch (outcome) {
                case SENT -> outbound.sent(sql, p.id(), r.providerId(), asTemplate, now);
                case OUTSIDE_WINDOW -> {
                    if (hasFallback && !asTemplate) {
                        outbound.retry(sql, p.id(), now, r.code(), r.title(), true, now);
                    } else {
                        outbound.failed(sql, p.id(), r.code(), r.title(), now);
                    }
                }
                case PAIR_RATE -> {
                    Instant due = now.plus(Duration.ofSeconds(6)).plusMillis(jitter(1000));
                    outbound.delayUser(sql, WebhookParser.CHANNEL, p.userId(), due);
                    retryOrFail(sql, p, due, r, asTemplate, MAX_THROTTLED_ATTEMPTS, now);
                }
                case THROTTLED -> {
                    rate.throttled(1000 + jitter(1000));
                    retryOrFail(sql, p, now.plusSeconds(1).plusMillis(jitter(1000)), r, asTemplate,
                            MAX_THROTTLED_ATTEMPTS, now);
                }
                case AUTH -> retryOrFail(sql, p, now.plusSeconds(60), r, asTemplate, MAX_THROTTLED_ATTEMPTS, now);
                case RETRY -> retryOrFail(sql, p, now.plus(backoff(p.attempts())), r, asTemplate, MAX_ATTEMPTS, now);
                case HELD_BACK -> {
                    if (!outbound.hold(sql, p.id(), now.plus(HOLD_BACK), r.code(), r.title(), now)) {
                        outbound.failed(sql, p.id(), r.code(), r.title() + " (held back again after a day)", now);
                    }
                }
                case MARKETING_STOPPED -> {
                    outbound.failed(sql, p.id(), r.code(), r.title(), now);
                    marketingStopped(tx, p.userId(), r.code(), now);
                }
                case PERMANENT -> outbound.failed(sql, p.id(), r.code() == null ? "HTTP " + r.httpStatus() : r.code(),
                        r.title(), now);
            }
            return null;
        });
        if (outcome == SendOutcome.THROTTLED) {
            LOG.info("WhatsApp throughput limit reached ({}): now {} messages/s", r.code(), (int) rate.currentRate());
        }
    }

    /** The user stopped marketing messages from this business (131050): others turn their preference off. */
    static void marketingStopped(io.loyaltyhub.api.data.Tx tx, String userId, String code, Instant now) {
        tx.publish(new io.loyaltyhub.api.chat.event.MarketingPreferenceChanged(WebhookParser.CHANNEL, userId, false,
                "whatsapp:" + code, now), userId);
    }

    private void retryOrFail(io.loyaltyhub.api.data.SqlRunner sql, OutboundStore.Pending p, Instant due,
                             GraphApiClient.Result r, boolean asTemplate, int maxAttempts, Instant now) {
        String code = r.code() == null ? "HTTP " + r.httpStatus() : r.code();
        if (p.attempts() >= maxAttempts) {
            outbound.failed(sql, p.id(), code, r.title() + " (gave up after " + p.attempts() + " attempts)", now);
        } else {
            outbound.retry(sql, p.id(), due, code, r.title(), asTemplate, now);
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

    /** The template to send instead when outside the window: the message's own, else the configured default. */
    Optional<Reply.Template> fallbackFor(OutboundStore.Pending p) {
        if (p.fallback() != null) {
            return Optional.of(p.fallback());
        }
        if (config.fallbackTemplate().isBlank()) {
            return Optional.empty();
        }
        String text = p.reply() instanceof Reply.Template t ? t.fallbackText() : plainText(p.reply());
        return Optional.of(new Reply.Template(config.fallbackTemplate(), config.fallbackLanguage(), List.of(text),
                text));
    }

    private boolean outsideWindow(String userId) {
        Instant now = clock.instant();
        return lastInbound.apply(userId).map(t -> t.plus(WINDOW).isBefore(now)).orElse(true);
    }

    private static String plainText(Reply reply) {
        return switch (reply) {
            case Reply.Text t -> t.body();
            case Reply.Buttons b -> b.body();
            case Reply.Menu m -> m.body();
            case Reply.Template t -> t.fallbackText();
            case Reply.PhoneRequest r -> r.body();
        };
    }

    @Override
    public void close() {
        drain.close();
    }
}
