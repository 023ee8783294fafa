package io.loyaltyhub.api.erp;

import java.util.List;

/**
 * What one read found.
 *
 * @param rows   oldest first
 * @param cursor where the next read starts (the same as before when nothing was read)
 * @param more   true when the read stopped at its limit and more rows are ready now
 */
public record SourceBatch(List<SourceRow> rows, String cursor, boolean more) {
    public SourceBatch {
        rows = List.copyOf(rows);
    }
}
