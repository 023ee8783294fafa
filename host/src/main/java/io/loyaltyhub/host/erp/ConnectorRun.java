package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.SourceBatch;
import io.loyaltyhub.api.erp.SourceRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One run of one connector: reads batches from its cursor until the source has nothing more, posts each batch, then
 * stores the rejects, the counts and the new cursor in one transaction. The cursor moves only after the bills it
 * covers are posted, so a crash re-reads one batch at most, and bills are idempotent by number: nothing is lost or
 * posted twice. A rejected row is written to the rejects queue and never holds up the rows after it.
 */
final class ConnectorRun {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRun.class);

    private final Transactions tx;
    private final ConnectorStore store;
    private final Clock clock;

    ConnectorRun(Transactions tx, ConnectorStore store, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param backfill read the backfill's cursor rather than the connector's
     * @param goOn     false stops the run between batches (pause, shutdown, lost lease)
     * @return the counts of the whole run
     */
    ConnectorStore.Counts run(ConnectorStore.Stored c, ErpSource source, BatchPoster poster, long runId,
                              boolean backfill, int batchSize, BooleanSupplier goOn) throws ErpSourceException {
        RowMapper mapper = new RowMapper(c.mapping());
        String cursor = backfill ? c.backfillCursor() : c.cursor();
        ConnectorStore.Counts total = ConnectorStore.Counts.NONE;
        while (goOn.getAsBoolean()) {
            SourceBatch batch = source.read(cursor, batchSize);
            List<MappedRow> mapped = batch.rows().stream().map(mapper::map).toList();
            Instant now = clock.instant();
            BatchPoster.Result result = poster.post(mapped, backfill, now);
            String next = batch.cursor();
            tx.run(t -> {
                store.resolveSettled(t.sql(), c.id(), result.settled(), t.now());
                for (BatchPoster.Refusal r : result.refusals()) {
                    store.reject(t.sql(), c.id(), runId, r.row().ref(), r.row().kind().name(), r.billNumber(),
                            r.reason(), stored(r.row()), t.now());
                }
                store.count(t.sql(), runId, result.counts(), result.newestBill(), t.now());
                store.advance(t.sql(), c.id(), backfill, next, result.newestBill(), t.now());
                return null;
            });
            for (BatchPoster.Refusal r : result.refusals()) {
                try {
                    source.rejected(r.row(), r.reason());
                } catch (ErpSourceException | RuntimeException e) {
                    LOG.warn("Connector {}: could not write a rejected row to the source's rejects file: {}", c.name(),
                            e.toString());
                }
            }
            source.committed(next);
            total = total.plus(result.counts());
            cursor = next;
            if (!batch.more()) {
                break;
            }
        }
        return total;
    }

    /** A row as the rejects queue keeps it: its columns, and its lines under {@code lines}. */
    static Map<String, Object> stored(SourceRow row) {
        Map<String, Object> out = new LinkedHashMap<>(row.values());
        if (!row.lines().isEmpty()) {
            out.put("lines", row.lines());
        }
        return out;
    }

    /** Back from the rejects queue into a row, to map and post again. */
    @SuppressWarnings("unchecked")
    static SourceRow restored(String ref, String kind, Map<String, Object> stored) {
        Map<String, Object> values = new LinkedHashMap<>(stored);
        Object lines = values.remove("lines");
        return new SourceRow(ref, SourceRow.Kind.valueOf(kind), values,
                lines instanceof List<?> l ? (List<Map<String, Object>>) l : List.of());
    }
}
