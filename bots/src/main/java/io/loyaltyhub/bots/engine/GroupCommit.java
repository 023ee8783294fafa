package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.data.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Makes many small writes durable in few commits: callers hand in an item and wait; one writer
 * thread takes everything that has queued up meanwhile and writes it in one transaction. Under
 * load a commit carries hundreds of items, so a webhook is answered after its data is on disk
 * without one disk flush per request. If a batch fails, each item is retried alone so one bad
 * item cannot fail the others.
 */
public final class GroupCommit<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Item<T>(T value, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Item<T>> queue;
    private final Transactions transactions;
    private final BiConsumer<Tx, List<T>> write;
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param write writes a batch in the given transaction; must be safe to run again (INSERT IGNORE)
     */
    public GroupCommit(String name, Transactions transactions, int maxBatch, BiConsumer<Tx, List<T>> write) {
        this.transactions = transactions;
        this.write = write;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(maxBatch * 16);
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Queues the item; the future completes once it is committed (or fails with why it was not). */
    public CompletableFuture<Void> submit(T value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("shutting down"));
            return done;
        }
        try {
            if (!queue.offer(new Item<>(value, done), 5, TimeUnit.SECONDS)) {
                done.completeExceptionally(new IllegalStateException("write queue full"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    private void run() {
        List<Item<T>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Item<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
        Item<T> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("shutting down"));
        }
    }

    private void commit(List<Item<T>> batch) {
        try {
            List<T> values = batch.stream().map(Item::value).toList();
            transactions.run(tx -> {
                write.accept(tx, values);
                return null;
            });
            batch.forEach(i -> i.done().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.warn("Write failed: {}", e.toString());
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            for (Item<T> i : batch) {
                commit(new ArrayList<>(List.of(i)));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
