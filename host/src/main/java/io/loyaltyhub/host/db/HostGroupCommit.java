package io.loyaltyhub.host.db;

import io.loyaltyhub.api.data.GroupCommit;
import io.loyaltyhub.api.data.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes many small writes durable in few commits: callers hand in an item and wait; one writer thread takes
 * everything that has queued up meanwhile and writes it in one transaction, which also answers each item. Under load
 * a commit carries hundreds of items, so each caller is answered after its item is committed without one disk flush
 * per request. If a batch fails, each item is tried alone so one bad item cannot fail the others; the write must
 * therefore be safe to run again (keys make a repeated insert a no-op).
 *
 * <p>The writer thread is started by the first item and ends after a second without work, so its owner needs no
 * stop hook and a stopped plugin leaves no thread behind.
 *
 * @param <T> what callers submit
 * @param <R> what the write answers for each item, in order
 */
final class HostGroupCommit<T, R> implements GroupCommit<T, R> {
    private static final Logger LOG = LoggerFactory.getLogger(HostGroupCommit.class);
    private static final long IDLE_MILLIS = 1000;

    private record Item<T, R>(T value, CompletableFuture<R> done) {
    }

    private final String name;
    private final BlockingQueue<Item<T, R>> queue;
    private final Transactions transactions;
    private final GroupCommit.Write<T, R> write;
    private final int maxBatch;
    private final AtomicBoolean writing = new AtomicBoolean();

    /**
     * @param write writes a batch in the given transaction and answers one result per item, in order; it may run
     *              again for the same items (the transaction is retried, or items are tried alone after a failure)
     */
    HostGroupCommit(String name, Transactions transactions, int maxBatch, int capacity, GroupCommit.Write<T, R> write) {
        this.name = name;
        this.transactions = transactions;
        this.write = write;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    @Override
    public CompletableFuture<R> submit(T value) {
        CompletableFuture<R> done = new CompletableFuture<>();
        if (!queue.offer(new Item<>(value, done))) {
            done.completeExceptionally(new IllegalStateException("write queue full"));
            return done;
        }
        if (writing.compareAndSet(false, true)) {
            Thread.ofPlatform().name(name).daemon().start(this::run);
        }
        return done;
    }

    private void run() {
        List<Item<T, R>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Item<T, R> first;
            try {
                first = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                writing.set(false);
                // an item queued after the poll but before the flag was cleared found a writer running: take it on
                if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Item<T, R>> batch) {
        try {
            List<T> values = batch.stream().map(Item::value).toList();
            List<R> results = transactions.inTransaction(tx -> write.write(tx, values));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.warn("{}: write failed: {}", name, e.toString());
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            for (Item<T, R> i : batch) {
                commit(List.of(i));
            }
        }
    }
}
