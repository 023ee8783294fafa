package io.loyaltyhub.bots.telegram;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static io.loyaltyhub.bots.telegram.Pacing.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

class PacingTest {
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final Pacing pacing = new Pacing(3, 29, now::get);

    @Test
    void aChatGetsAShortBurstThenOneMessageASecond() {
        assertThat(pacing.reserveChat("42")).isZero();
        assertThat(pacing.reserveChat("42")).isZero();
        assertThat(pacing.reserveChat("42")).isZero();
        assertThat(pacing.reserveChat("42")).isEqualTo(SECOND);
        assertThat(pacing.reserveChat("42")).isEqualTo(2 * SECOND);
        // another chat is not held up
        assertThat(pacing.reserveChat("43")).isZero();
        // after a quiet while the burst is back
        now.addAndGet(10 * SECOND);
        assertThat(pacing.reserveChat("42")).isZero();
    }

    @Test
    void theWholeBotStaysWithinThirtyInAnySecond() {
        int inFirstSecond = 0;
        for (int i = 0; i < 200; i++) {
            if (pacing.reserveGlobal() < SECOND) {
                inFirstSecond++;
            }
        }
        assertThat(inFirstSecond).isBetween(25, 30);
    }

    @Test
    void retryAfterPausesTheChatAndTheBot() {
        pacing.pauseChat("42", 5 * SECOND);
        assertThat(pacing.reserveChat("42")).isEqualTo(5 * SECOND);
        assertThat(pacing.reserveChat("43")).isZero();
        pacing.pauseAll(3 * SECOND);
        assertThat(pacing.reserveGlobal()).isEqualTo(3 * SECOND);
        now.addAndGet(4 * SECOND);
        assertThat(pacing.reserveGlobal()).isZero();
    }
}
