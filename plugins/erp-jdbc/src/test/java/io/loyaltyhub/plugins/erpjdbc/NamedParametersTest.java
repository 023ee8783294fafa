package io.loyaltyhub.plugins.erpjdbc;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedParametersTest {

    private static final Map<String, Object> VALUES = Map.of("watermark", "W", "tiebreak", "T", "batch", 5);

    @Test
    void turnsNamesIntoPlaceholdersAndBindsInOrder() {
        NamedParameters q = NamedParameters.parse("SELECT * FROM invoices WHERE (modified_at > :watermark OR"
                + " (modified_at = :watermark AND invoice_no > :tiebreak)) ORDER BY modified_at, invoice_no LIMIT :batch");

        NamedParameters.Bound b = q.bind(VALUES);

        assertThat(b.sql()).isEqualTo("SELECT * FROM invoices WHERE (modified_at > ? OR"
                + " (modified_at = ? AND invoice_no > ?)) ORDER BY modified_at, invoice_no LIMIT ?");
        assertThat(b.values()).containsExactly("W", "W", "T", 5);
        assertThat(q.names()).containsExactly("watermark", "tiebreak", "batch");
    }

    @Test
    void leavesPostgresCastsAlone() {
        NamedParameters.Bound b = NamedParameters.parse("SELECT created::date, x::numeric(10,2) FROM t WHERE w > :watermark::timestamp")
                .bind(VALUES);

        assertThat(b.sql()).isEqualTo("SELECT created::date, x::numeric(10,2) FROM t WHERE w > ?::timestamp");
        assertThat(b.values()).containsExactly("W");
    }

    @Test
    void ignoresColonsInStringsIdentifiersAndComments() {
        String sql = "SELECT ':watermark', 'it''s :batch', \"odd:col\", `my:col` FROM t -- :tiebreak here\n"
                + "WHERE /* :batch */ a = :tiebreak AND b = '10:30' AND c := 1 AND d[1:2] = 0";

        NamedParameters.Bound b = NamedParameters.parse(sql).bind(VALUES);

        assertThat(b.sql()).isEqualTo("SELECT ':watermark', 'it''s :batch', \"odd:col\", `my:col` FROM t -- :tiebreak here\n"
                + "WHERE /* :batch */ a = ? AND b = '10:30' AND c := 1 AND d[1:2] = 0");
        assertThat(b.values()).containsExactly("T");
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(NamedParameters.parse("SELECT 'x :batch").names()).isEmpty();
    }

    @Test
    void expandsACollectionIntoPlaceholders() {
        NamedParameters q = NamedParameters.parse("SELECT * FROM lines WHERE invoice_no IN (:bills) ORDER BY line_no");

        NamedParameters.Bound b = q.bind(Map.of("bills", List.of("A-1", 2, "C-3")));

        assertThat(b.sql()).isEqualTo("SELECT * FROM lines WHERE invoice_no IN (?, ?, ?) ORDER BY line_no");
        assertThat(b.values()).containsExactly("A-1", 2, "C-3");
    }

    @Test
    void anEmptyCollectionBecomesOneNull() {
        NamedParameters.Bound b = NamedParameters.parse("x IN (:bills)").bind(Map.of("bills", List.of()));

        assertThat(b.sql()).isEqualTo("x IN (?)");
        assertThat(b.values()).containsExactly((Object) null);
    }

    @Test
    void nullValuesAreBound() {
        Map<String, Object> values = new HashMap<>();
        values.put("tiebreak", null);
        NamedParameters.Bound b = NamedParameters.parse("a > :tiebreak").bind(values);

        assertThat(b.values()).isEqualTo(Arrays.asList((Object) null));
    }

    @Test
    void aMissingValueNamesTheParameter() {
        assertThatThrownBy(() -> NamedParameters.parse("a > :nope").bind(VALUES))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(":nope");
    }

    @Test
    void namesMayHaveDigitsAndUnderscores() {
        NamedParameters q = NamedParameters.parse("SELECT :a_1, :_b2");
        assertThat(q.names()).containsExactly("a_1", "_b2");
        assertThat(q.bind(Map.of("a_1", 1, "_b2", 2)).sql()).isEqualTo("SELECT ?, ?");
    }
}
