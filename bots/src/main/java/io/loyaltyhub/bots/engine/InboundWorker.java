package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.data.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Answers stored inbound messages after the webhook was acknowledged. One claimer per instance
 * takes unanswered messages (oldest first, with a lease so a crashed instance's messages come
 * back); each user has a lane that answers their messages one at a time, in order, while
 * different users are answered in parallel on virtual threads.
 */
public final class InboundWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboundWorker.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int MAX_IN_FLIGHT = 256;

    private final Transactions transactions;
    private final ConversationEngine engine;
    private final Runnable repliesQueued;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    /**
     * Turns running at once. Few on purpose: each holds database connections, and the webhook's
     * intake must always find one free, so a burst of messages queues here, not in front of the 200.
     */
    private final Semaphore turns;
    private final Map<String, ArrayDeque<InboundStore.Claimed>> lanes = new HashMap<>();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore wake = new Semaphore(0);
    private final Duration idlePoll;
    private volatile boolean running = true;
    private Thread claimer;

    /** @param repliesQueued told after each answer, so the senders look at once */
    public InboundWorker(Transactions transactions, ConversationEngine engine, Runnable repliesQueued, Duration idlePoll,
                         int concurrentTurns) {
        this.turns = new Semaphore(concurrentTurns);
        this.transactions = transactions;
        this.engine = engine;
        this.repliesQueued = repliesQueued;
        this.idlePoll = idlePoll;
    }

    public void start() {
        claimer = Thread.ofPlatform().name("chat-inbound").daemon().start(this::loop);
    }

    /** New messages were stored: look now rather than at the next poll. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                int free = inFlight.availablePermits();
                List<InboundStore.Claimed> claimed = free == 0 ? List.of()
                        : transactions.inTransaction(tx -> engine.inboundStore().claim(tx.sql(), Math.min(free, 100),
                        tx.now(), LEASE));
                for (InboundStore.Claimed c : claimed) {
                    inFlight.acquire();
                    enqueue(c);
                }
                if (claimed.isEmpty()) {
                    wake.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Claiming inbound messages failed: {}", e.toString());
                Workers.sleep(1000);
            }
        }
    }

    private void enqueue(InboundStore.Claimed c) {
        String key = c.message().channel() + "|" + c.message().audience() + "|" + c.message().user().userId();
        synchronized (lanes) {
            ArrayDeque<InboundStore.Claimed> lane = lanes.get(key);
            if (lane != null) {
                lane.add(c);
                return;
            }
            lane = new ArrayDeque<>();
            lane.add(c);
            lanes.put(key, lane);
        }
        runners.submit(() -> drain(key));
    }

    private void drain(String key) {
        while (true) {
            InboundStore.Claimed next;
            synchronized (lanes) {
                ArrayDeque<InboundStore.Claimed> lane = lanes.get(key);
                next = lane.peek();
                if (next == null) {
                    lanes.remove(key);
                    return;
                }
            }
            try {
                turns.acquireUninterruptibly();
                try {
                    engine.answer(next.id(), next.message(), OutboundStore.Status.QUEUED);
                } finally {
                    turns.release();
                }
                repliesQueued.run();
            } catch (RuntimeException e) {
                LOG.warn("Answering message {} failed (attempt {}): {}", next.message().messageId(), next.attempts(),
                        e.toString());
                try {
                    transactions.run(tx -> {
                        engine.inboundStore().failed(tx.sql(), next.id(), next.attempts(), e.toString(), tx.now());
                        return null;
                    });
                } catch (RuntimeException again) {
                    LOG.warn("Could not record the failure; the lease will bring the message back: {}", again.toString());
                }
            } finally {
                synchronized (lanes) {
                    lanes.get(key).poll();
                }
                inFlight.release();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Workers.stop(claimer, runners);
    }
}
