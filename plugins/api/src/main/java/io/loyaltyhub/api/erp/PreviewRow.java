package io.loyaltyhub.api.erp;

import java.util.Map;

/**
 * A row of a preview: the bill fields it maps to, a check per field, and what posting it would do.
 *
 * @param fields   bill field to the mapped value as text
 * @param problems bill field to what is wrong with it (empty: all fine)
 * @param outcome  "would earn 125 points", "already posted", or the refusal
 * @param ok       true when it would be posted
 */
public record PreviewRow(String ref, String kind, Map<String, String> fields, Map<String, String> problems,
                         String outcome, boolean ok) {
}
