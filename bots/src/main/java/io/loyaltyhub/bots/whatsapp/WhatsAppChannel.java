package io.loyaltyhub.bots.whatsapp;

import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.data.SqlRunner;
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

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The WhatsApp Cloud API channel: takes webhook deliveries in (verified, stored durably, answered
 * later by the inbound worker), applies delivery statuses, and runs the sender. Off without an
 * access token; the webhook then answers 404 and nothing is sent.
 */
public final class WhatsAppChannel implements WhatsAppWebhook, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChannel.class);

    private final WhatsAppConfig config;
    private final Transactions transactions;
    private final OutboundStore outbound;
    private final InboundWorker inboundWorker;
    private final Clock clock;
    private final WebhookSignature signature;
    private final WebhookParser parser;
    private final GroupCommit<WebhookDelivery, Void> intake;
    private final GraphApiClient client;
    private final WhatsAppSender sender;
    private final InboundStore inbound;
    private final WhatsAppUserIds userIds = new WhatsAppUserIds();
    private final TemplateCatalog templates;
    private volatile Instant lastWebhook;

    public WhatsAppChannel(WhatsAppConfig config, Transactions transactions, OutboundStore outbound,
                           InboundStore inbound, InboundWorker inboundWorker,
                           Function<String, Optional<Instant>> lastInbound, Clock clock) {
        this.config = config;
        this.transactions = transactions;
        this.outbound = outbound;
        this.inbound = inbound;
        this.inboundWorker = inboundWorker;
        this.clock = clock;
        if (config.enabled()) {
            this.signature = new WebhookSignature(config.appSecret());
            this.parser = new WebhookParser(config.phoneNumberId());
            this.intake = transactions.groupCommit("whatsapp-intake", 500, 8_000, this::store);
            this.client = new GraphApiClient(config);
            this.sender = new WhatsAppSender(transactions, outbound, client, config, lastInbound, clock);
        } else {
            this.signature = null;
            this.parser = null;
            this.intake = null;
            this.client = null;
            this.sender = null;
        }
        this.templates = new TemplateCatalog(transactions, config, client);
    }

    /** The business account's message templates. */
    public TemplateCatalog templates() {
        return templates;
    }

    public void start() {
        if (sender != null) {
            sender.start();
            LOG.info("WhatsApp channel on: number id {}, sending to {} at up to {}/s", config.phoneNumberId(),
                    config.apiBaseUrl(), config.sendRate());
        } else {
            LOG.info("WhatsApp channel off: {}. The rest of the server runs; set the whatsapp.* keys to turn it on.",
                    config.missing().orElse(""));
        }
    }

    public boolean enabled() {
        return sender != null;
    }

    /** New messages were queued for WhatsApp. */
    public void wakeSender() {
        if (sender != null) {
            sender.wake();
        }
    }

    @Override
    public Optional<String> handshake(String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode) || config.verifyToken().isEmpty() || challenge == null
                || !java.security.MessageDigest.isEqual(config.verifyToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                String.valueOf(verifyToken).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    @Override
    public Outcome receive(byte[] body, String signatureHeader) {
        if (!enabled()) {
            return Outcome.OFF;
        }
        if (!signature.verify(body, signatureHeader)) {
            return Outcome.BAD_SIGNATURE;
        }
        WebhookDelivery delivery;
        try {
            delivery = parser.parse(body);
        } catch (IOException e) {
            return Outcome.BAD_PAYLOAD;
        }
        lastWebhook = clock.instant();
        if (delivery.isEmpty()) {
            return Outcome.ACCEPTED;
        }
        try {
            intake.submit(delivery).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not store a WhatsApp delivery; Meta will send it again: {}", e.toString());
            return Outcome.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNAVAILABLE;
        }
        if (!delivery.messages().isEmpty()) {
            inboundWorker.wake();
        }
        return Outcome.ACCEPTED;
    }

    /** Writes deliveries in one transaction: new messages (redeliveries ignored) and statuses. */
    private List<Void> store(Tx tx, List<WebhookDelivery> deliveries) {
        Instant now = tx.now();
        for (WebhookDelivery d : deliveries) {
            d.idChanges().forEach(c -> userIds.changed(tx.sql(), c, now));
            d.templateUpdates().forEach(u -> templates.apply(tx.sql(), u, now));
            for (WebhookDelivery.PreferenceUpdate p : d.preferences()) {
                tx.publish(new io.loyaltyhub.api.chat.event.MarketingPreferenceChanged(WebhookParser.CHANNEL, p.userId(),
                        p.marketing(), "whatsapp:user_preferences", p.at() == null ? now : p.at()), p.userId());
            }
        }
        List<InboundMessage> messages = new java.util.ArrayList<>();
        for (WebhookDelivery d : deliveries) {
            for (InboundMessage m : d.messages()) {
                messages.add(userIds.resolve(tx.sql(), m, now)); // in order: a link applies to what follows
            }
        }
        inbound.insertNew(tx.sql(), messages, now, InboundStore.NEW);
        boolean requeued = false;
        for (WebhookDelivery d : deliveries) {
            for (WebhookDelivery.StatusUpdate s : d.statuses()) {
                requeued |= applyStatus(tx, s, now);
            }
        }
        if (requeued) {
            wakeSender();
        }
        return java.util.Collections.nCopies(deliveries.size(), null);
    }

    /** @return whether a failed message was queued again */
    private boolean applyStatus(Tx tx, WebhookDelivery.StatusUpdate s, Instant now) {
        SqlRunner sql = tx.sql();
        Instant at = s.at() == null ? now : s.at();
        switch (s.status()) {
            case "sent" -> outbound.applyStatus(sql, WebhookParser.CHANNEL, s.providerId(), OutboundStore.Status.SENT,
                    null, null, at);
            case "delivered" -> outbound.applyStatus(sql, WebhookParser.CHANNEL, s.providerId(),
                    OutboundStore.Status.DELIVERED, null, null, at);
            case "read" -> outbound.applyStatus(sql, WebhookParser.CHANNEL, s.providerId(), OutboundStore.Status.READ,
                    null, null, at);
            case "failed" -> {
                Optional<OutboundStore.Pending> p = outbound.byProviderId(sql, WebhookParser.CHANNEL, s.providerId());
                if (p.isEmpty()) {
                    return false; // not ours, or already queued again
                }
                SendOutcome outcome = SendOutcome.ofCode(s.errorCode());
                if (outcome == SendOutcome.HELD_BACK && outbound.hold(sql, p.get().id(),
                        now.plus(WhatsAppSender.HOLD_BACK), s.errorCode(), s.errorTitle(), now)) {
                    return false; // tried once more a day later; held before, it fails below
                }
                boolean again = switch (outcome) {
                    case OUTSIDE_WINDOW -> !p.get().asTemplate() && sender.fallbackFor(p.get()).isPresent()
                            && outbound.requeueFailed(sql, p.get().id(), now, s.errorCode(), s.errorTitle(), true, now);
                    case PAIR_RATE, THROTTLED, RETRY -> p.get().attempts() < WhatsAppSender.MAX_ATTEMPTS
                            && outbound.requeueFailed(sql, p.get().id(), now.plus(Duration.ofSeconds(6)),
                            s.errorCode(), s.errorTitle(), p.get().asTemplate(), now);
                    default -> false;
                };
                if (!again) {
                    boolean failedNow = outbound.applyStatus(sql, WebhookParser.CHANNEL, s.providerId(),
                            OutboundStore.Status.FAILED, s.errorCode(), s.errorTitle(), at);
                    if (failedNow && outcome == SendOutcome.MARKETING_STOPPED) { // once, also when Meta redelivers
                        WhatsAppSender.marketingStopped(tx, p.get().userId(), s.errorCode(), now);
                    }
                }
                return again;
            }
            default -> LOG.debug("Ignoring WhatsApp status '{}' of {}", s.status(), s.providerId());
        }
        return false;
    }

    public ChannelStatus status() {
        return transactions.inTransaction(tx -> {
            ChannelFigures f = ChannelFigures.read(tx.sql(), WebhookParser.CHANNEL, tx.now());
            Instant lastIn = lastWebhook != null ? lastWebhook : f.lastReceived();
            String lastError = sender == null ? null : sender.lastError().orElse(null);
            String detail = enabled() ? "on: phone number id " + config.phoneNumberId() + ", up to "
                    + config.sendRate() + " messages/s" : "off: " + config.missing().orElse("");
            return new ChannelStatus(WebhookParser.CHANNEL, enabled(), detail, lastIn, f.queued(), f.sent24h(),
                    f.failed24h(), lastError != null ? lastError : f.lastFailure());
        });
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
