package io.loyaltyhub.ui.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void abbreviates() {
        assertThat(Json.abbreviate(null, 5)).isEmpty();
        assertThat(Json.abbreviate("{\n  \"a\": 1\n}", 50)).isEqualTo("{ \"a\": 1 }");
        assertThat(Json.abbreviate("abcdefgh", 5)).isEqualTo("abcd…");
    }

    @Test
    void indentsJsonButNotStrings() {
        assertThat(Json.pretty("{\"a\":1,\"b\":[1,2],\"c\":\"x, {y}\",\"d\":{}}"))
                .isEqualTo("""
                        {
                          "a": 1,
                          "b": [
                            1,
                            2
                          ],
                          "c": "x, {y}",
                          "d": {}
                        }""");
        assertThat(Json.pretty("not json")).isEqualTo("not json");
    }

    @Test
    void parsesAndWritesObjects() {
        assertThat(Json.parseObject("{\"a\": 1, \"b\": [\"x\"], \"c\": 1.50, \"d\": null}"))
                .containsExactly(java.util.Map.entry("a", 1), java.util.Map.entry("b", java.util.List.of("x")),
                        java.util.Map.entry("c", new java.math.BigDecimal("1.50")),
                        new java.util.AbstractMap.SimpleEntry<>("d", null));
        assertThat(Json.parseObject("  ")).isEmpty();
        assertThat(Json.write(java.util.Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(Json.write(null)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parseObject("[1]"))
                .hasMessageStartingWith("Write a JSON object");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parseObject("{\"a\": 1} x"))
                .hasMessageStartingWith("Not valid JSON");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parseObject("{\"a\" 1}"))
                .hasMessageStartingWith("Not valid JSON (line 1)");
    }
}
