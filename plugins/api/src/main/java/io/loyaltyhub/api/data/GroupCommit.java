package io.loyaltyhub.api.data;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Many small writes made durable in few commits ({@link Transactions#groupCommit}): callers submit an
 * item and wait for its future; one writer takes everything queued meanwhile and writes it in one
 * transaction. A webhook or a click is then answered after its data is committed, without one disk
 * flush per request.
 *
 * @param <T> what callers submit
 * @param <R> what the write answers for each item
 */
public interface GroupCommit<T, R> {

    /** Queues the item; the future completes with its result once committed, or fails with why it was not. */
    CompletableFuture<R> submit(T item);

    /**
     * Writes one batch in the given transaction and answers one result per item, in order. It may run
     * again for the same items (the transaction is retried, or items are tried alone after a failure),
     * so it must be safe to repeat (keys make a repeated insert a no-op).
     */
    @FunctionalInterface
    interface Write<T, R> {
        List<R> write(Tx tx, List<T> items) throws Exception;
    }
}
