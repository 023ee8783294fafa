package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.data.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The claim loop every channel's sender shares: claims due messages of one channel (at most one
 * per user, see {@link OutboundStore#claimDue}), hands each to the channel's {@code send} on a
 * virtual thread, bounds how many are in flight, and looks again as soon as one finishes (that
 * user's next message may be due) or it is woken. What a send does with the answer is the
 * channel's business.
 */
public final class OutboundDrain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundDrain.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final String name;
    private final String channel;
    private final int batch;
    private final Transactions transactions;
    private final OutboundStore outbound;
    private final Consumer<OutboundStore.Pending> send;
    private final Semaphore inFlight;
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private Thread claimer;

    /**
     * @param send sends one claimed message and records the outcome; must not throw (a throw is
     *             logged and the message comes back when its lease ends)
     */
    public OutboundDrain(String name, String channel, int batch, int maxInFlight, Transactions transactions,
                         OutboundStore outbound, Consumer<OutboundStore.Pending> send) {
        this.name = name;
        this.channel = channel;
        this.batch = batch;
        this.inFlight = new Semaphore(maxInFlight);
        this.transactions = transactions;
        this.outbound = outbound;
        this.send = send;
    }

    public void start() {
        claimer = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Messages were queued: look now rather than at the next poll. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                int free = inFlight.availablePermits();
                List<OutboundStore.Pending> due = free == 0 ? List.of() : transactions.inTransaction(tx ->
                        outbound.claimDue(tx.sql(), channel, Math.min(free, batch), tx.now(), LEASE));
                for (OutboundStore.Pending p : due) {
                    inFlight.acquire();
                    senders.submit(() -> {
                        try {
                            send.accept(p);
                        } catch (RuntimeException e) {
                            LOG.warn("{}: message {} failed unexpectedly; its lease brings it back", name, p.id(), e);
                        } finally {
                            inFlight.release();
                            wake.release(); // the user's next message may be due now
                        }
                    });
                }
                if (due.isEmpty()) {
                    wake.tryAcquire(200, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: claiming messages failed: {}", name, e.toString());
                Workers.sleep(1000);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        Workers.stop(claimer, senders);
    }
}
