package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.chat.ChatMessage;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.MessageLog;
import io.loyaltyhub.api.plugin.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves notifications from the log to the channels' outbound queue: claims due ones (a lease, so a dispatcher that
 * dies lets them come back), composes each outside any transaction (it reads other plugins' services), then queues
 * the message and marks the notification in one transaction. The outbound idempotency key is the notification's id
 * (and its retry count), so a notification claimed twice after a crash is still queued once. One reader's
 * notifications are handled one after another, in order; different readers' in parallel. It also copies the
 * channels' delivery statuses (sent, delivered, read, failed, held) into the log.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration ERROR_DELAY = Duration.ofSeconds(30);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(2);
    private static final int BATCH = 200;

    private final PluginContext context;
    private final NotificationLog log;
    private final Composer composer;
    private final RewardCosts rewardCosts;
    private final Semaphore wake = new Semaphore(0);
    private volatile ExecutorService workers;
    private volatile boolean running;
    /** System.nanoTime of the last status copy: pacing, not business time (tests stop the clock). */
    private volatile long lastStatusSync = System.nanoTime() - STATUS_EVERY.toNanos();
    private Thread loop;

    Dispatcher(PluginContext context, NotificationLog log, Composer composer, RewardCosts rewardCosts) {
        this.context = context;
        this.rewardCosts = rewardCosts;
        this.log = log;
        this.composer = composer;
    }

    void start() {
        workers = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        loop = Thread.ofPlatform().name("notifications-dispatcher").daemon().start(this::run);
    }

    /** Something became due (a retry): look now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                refreshRewardCosts();
                int handled = dispatchDue();
                if (System.nanoTime() - lastStatusSync >= STATUS_EVERY.toNanos()) {
                    syncStatuses();
                    lastStatusSync = System.nanoTime();
                }
                if (handled == 0) {
                    wake.tryAcquire(250, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Notifications: dispatching failed, trying again shortly: {}", e.toString());
                sleep(1000);
            }
        }
    }

    /** A rewards service that fails must not stop the messages: "reward within reach" waits for the next refresh. */
    private void refreshRewardCosts() {
        try {
            rewardCosts.refresh(false);
        } catch (RuntimeException e) {
            LOG.warn("Notifications: could not read the reward catalog: {}", e.toString());
        }
    }

    /** @return how many notifications were handled */
    int dispatchDue() throws InterruptedException {
        if (context.service(Channels.class).isEmpty()) {
            return 0; // the server is still starting (the channels come up after the plugins): not "channel off"
        }
        Instant now = context.clock().instant();
        List<NotificationLog.Claimed> due = context.transactions().inTransaction(tx ->
                log.claim(tx.sql(), tx.now(), BATCH, LEASE));
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, List<NotificationLog.Claimed>> byReader = new LinkedHashMap<>();
        for (NotificationLog.Claimed n : due) {
            byReader.computeIfAbsent(n.trigger().audience + ":" + n.recipientId(), k -> new ArrayList<>()).add(n);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<NotificationLog.Claimed> one : byReader.values()) {
            running.add(workers.submit(() -> one.forEach(n -> dispatch(n, now))));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("Notifications: a reader's batch failed; its lease brings it back", e.getCause());
            }
        }
        return due.size();
    }

    private void dispatch(NotificationLog.Claimed n, Instant claimedAt) {
        try {
            Decision d = composer.compose(n, context.clock().instant());
            context.transactions().run(tx -> {
                Instant now = tx.now();
                boolean ours = switch (d) {
                    case Decision.Send send -> {
                        Composed c = send.message();
                        long outboundId = context.service(Channels.class).map(ch -> ch.queue(tx, n.trigger().channel(),
                                c.userId(), c.reply(), c.fallback(), key(n), n.trigger().id + " v"
                                        + c.template().version())).orElse(0L);
                        yield outboundId == 0
                                ? log.refused(tx.sql(), n, "REFUSED", "the " + n.trigger().channel() + " channel is off", now)
                                : log.queued(tx.sql(), n, outboundId, c, now);
                    }
                    case Decision.Refuse r -> log.refused(tx.sql(), n, "REFUSED", r.reason(), now);
                    case Decision.Skip skip -> log.refused(tx.sql(), n, "SKIPPED", skip.reason(), now);
                    case Decision.Wait w -> log.waitUntil(tx.sql(), n, w.until(), w.reason(), now);
                };
                if (!ours) { // the lease ran out and another dispatcher has it: undo the queued message
                    throw new LostClaim();
                }
                return null;
            });
        } catch (LostClaim lost) {
            LOG.info("Notification {} was taken over by another dispatcher; left to it", n.id());
        } catch (RuntimeException e) {
            LOG.warn("Notification {} ({}) could not be dispatched; trying again in {}s", n.id(), n.trigger().id,
                    ERROR_DELAY.toSeconds(), e);
            try {
                context.transactions().run(tx -> {
                    log.failedToDispatch(tx.sql(), n, e.toString(), ERROR_DELAY, tx.now());
                    return null;
                });
            } catch (RuntimeException again) {
                LOG.warn("Notification {}: its lease brings it back: {}", n.id(), again.toString());
            }
        }
    }

    /** This dispatcher's claim of a notification ran out before it finished. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super(null, null, false, false);
        }
    }

    /** The outbound queue's key: the same notification queues one message, each retry from the UI one more. */
    static String key(NotificationLog.Claimed n) {
        return "notify:" + n.id() + (n.retries() == 0 ? "" : ":retry" + n.retries());
    }

    /** Copies delivery statuses from the channels' log for notifications still in flight (queued in the last week). */
    void syncStatuses() {
        MessageLog messages = context.service(MessageLog.class).orElse(null);
        if (messages == null) {
            return;
        }
        Instant now = context.clock().instant();
        Map<Long, Long> byOutbound = context.transactions().inTransaction(tx ->
                log.inFlight(tx.sql(), now.minus(Duration.ofDays(7)), 1000));
        if (byOutbound.isEmpty()) {
            return;
        }
        List<ChatMessage> current = messages.outbound(byOutbound.keySet());
        context.transactions().run(tx -> {
            for (ChatMessage m : current) {
                log.applyChannelStatus(tx.sql(), byOutbound.get(m.id()), m, tx.now());
            }
            log.checked(tx.sql(), byOutbound.values(), tx.now());
            return null;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
