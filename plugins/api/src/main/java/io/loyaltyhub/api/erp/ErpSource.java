package io.loyaltyhub.api.erp;

import java.time.Instant;

/**
 * One instance's source. The host calls it from one thread at a time. The cursor is the source's own text (a
 * watermark and a tiebreak, a file and a line); the host stores it after the rows before it are posted, so a crash
 * re-reads a batch at most, and bills are idempotent by number.
 */
public interface ErpSource extends AutoCloseable {

    /** Connects and reads one row of each query; the answer carries the source's own message when it fails. */
    ConnectionCheck test();

    /**
     * The rows after {@code cursor}, oldest first.
     *
     * @param cursor null: from the start
     * @param limit  at most this many bills, returns and customers (a bill's lines do not count)
     */
    SourceBatch read(String cursor, int limit) throws ErpSourceException;

    /** A cursor from which {@link #read} returns the rows changed at or after {@code from} (a backfill). */
    String cursorFrom(Instant from) throws ErpSourceException;

    /** How many rows follow {@code cursor}, if the source can tell cheaply (for a progress bar); -1 if not. */
    default long remaining(String cursor) throws ErpSourceException {
        return -1;
    }

    /** Every row up to {@code cursor} is stored: a file source may move finished files aside. */
    default void committed(String cursor) throws ErpSourceException {
    }

    /** A row the host could not post (after mapping or by the loyalty service): a file source writes it to a rejects file with the reason. */
    default void rejected(SourceRow row, String reason) throws ErpSourceException {
    }

    @Override
    void close();
}
