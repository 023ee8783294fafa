package io.loyaltyhub.api.erp;

import java.util.List;
import java.util.Map;

/**
 * A row as the source read it, before mapping: values keyed by the source's column names (as given in the mapping),
 * as the source typed them ({@code String}, {@code Number}, {@code java.time} or {@code java.sql} dates).
 *
 * @param ref    where the row is, stable across reads ({@code bill B-1}, {@code sales-0412.csv:17}); the rejects
 *               queue is keyed by it
 * @param kind   a bill, a return or cancellation of one, or a customer record
 * @param values the row's columns
 * @param lines  a bill's lines (each a row of columns); empty when the source has none
 */
public record SourceRow(String ref, Kind kind, Map<String, Object> values, List<Map<String, Object>> lines) {

    public enum Kind { BILL, RETURN, CUSTOMER }

    public SourceRow {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
