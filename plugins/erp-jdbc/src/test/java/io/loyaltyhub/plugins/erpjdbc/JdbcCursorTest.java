package io.loyaltyhub.plugins.erpjdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcCursorTest {

    @Test
    void nullAndBlankAreTheStart() {
        assertThat(JdbcCursor.parse(null).isStart()).isTrue();
        assertThat(JdbcCursor.parse("  ").isStart()).isTrue();
        assertThat(JdbcCursor.START.format()).isEmpty();
    }

    @Test
    void roundTripsEveryPart() {
        JdbcCursor c = JdbcCursor.START
                .with("b", new JdbcCursor.Part("2024-05-01T10:15:00.123456000", "INV-0042"))
                .with("r", new JdbcCursor.Part("2024-05-01T09:00:00.000000000+05:30", new BigDecimal("17")))
                .with("c", new JdbcCursor.Part("12345678901234567890", null));

        String text = c.format();

        assertThat(text).isEqualTo("b=2024-05-01T10:15:00.123456000|s:INV-0042;"
                + "r=2024-05-01T09:00:00.000000000+05:30|n:17;c=12345678901234567890|");
        JdbcCursor back = JdbcCursor.parse(text);
        assertThat(back).isEqualTo(c);
        assertThat(back.part("b").tiebreak()).isEqualTo("INV-0042");
        assertThat(back.part("r").tiebreak()).isEqualTo(new BigDecimal("17"));
        assertThat(back.part("c").tiebreak()).isNull();
        assertThat(back.part("x")).isNull();
    }

    @Test
    void escapesSeparatorsAndBackslashes() {
        String nasty = "A|B;C\\D=E s:n: ;|\\";
        JdbcCursor c = JdbcCursor.START.with("b", new JdbcCursor.Part("w|=;\\", nasty));

        String text = c.format();

        assertThat(text).isEqualTo("b=w\\|=\\;\\\\|s:A\\|B\\;C\\\\D=E s:n: \\;\\|\\\\");
        JdbcCursor back = JdbcCursor.parse(text);
        assertThat(back.part("b").watermark()).isEqualTo("w|=;\\");
        assertThat(back.part("b").tiebreak()).isEqualTo(nasty);
    }

    @Test
    void anEmptyTextTiebreakIsNotNone() {
        JdbcCursor c = JdbcCursor.START.with("b", new JdbcCursor.Part("1", ""));
        assertThat(c.format()).isEqualTo("b=1|s:");
        assertThat(JdbcCursor.parse(c.format()).part("b").tiebreak()).isEqualTo("");
    }

    @Test
    void keepsNumberTiebreaksExact() {
        JdbcCursor c = JdbcCursor.START.with("b", new JdbcCursor.Part("5", new BigDecimal("1234567890123456789012.50")));
        assertThat(JdbcCursor.parse(c.format()).part("b").tiebreak()).isEqualTo(new BigDecimal("1234567890123456789012.50"));
    }

    @Test
    void withReplacesOnlyItsPartAndKeepsUnknownOnes() {
        JdbcCursor c = JdbcCursor.parse("b=1|n:1;z=future|s:x");

        JdbcCursor moved = c.with("b", new JdbcCursor.Part("2", new BigDecimal("9")));

        assertThat(moved.format()).isEqualTo("b=2|n:9;z=future|s:x");
        assertThat(c.format()).isEqualTo("b=1|n:1;z=future|s:x");
    }

    @Test
    void toleratesATrailingSeparator() {
        assertThat(JdbcCursor.parse("b=1|n:1;").part("b").watermark()).isEqualTo("1");
    }

    @Test
    void refusesWhatItDidNotWrite() {
        assertThatThrownBy(() -> JdbcCursor.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCursor.parse("b=|s:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCursor.parse("b=1|x:y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCursor.parse("b=1|n:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCursor.parse("b=1|s:a|s:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCursor.parse("b=1;b=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCursor.parse("b=1|s:x\\")).isInstanceOf(IllegalArgumentException.class);
    }
}
