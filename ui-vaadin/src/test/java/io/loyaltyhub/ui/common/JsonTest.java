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
}
