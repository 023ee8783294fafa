package io.loyaltyhub.ui.chat;

import io.loyaltyhub.api.chat.Direction;
import io.loyaltyhub.ui.common.Times;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelFactsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void channelNames() {
        assertThat(ChannelFacts.channelName("whatsapp")).isEqualTo("WhatsApp");
        assertThat(ChannelFacts.channelName("telegram")).isEqualTo("Telegram");
        assertThat(ChannelFacts.channelName("simulator")).isEqualTo("Simulator");
        assertThat(ChannelFacts.channelName("sms")).isEqualTo("Sms");
        assertThat(ChannelFacts.channelName(null)).isEmpty();
        assertThat(ChannelFacts.cardId("whatsapp")).isEqualTo("channel-whatsapp");
        assertThat(ChannelFacts.cardId("My Channel")).isEqualTo("channel-my-channel");
    }

    @Test
    void howLongAgo() {
        assertThat(ChannelFacts.ago(NOW.minusSeconds(2), NOW)).isEqualTo("just now");
        assertThat(ChannelFacts.ago(NOW.minusSeconds(42), NOW)).isEqualTo("42 s ago");
        assertThat(ChannelFacts.ago(NOW.minusSeconds(5 * 60 + 10), NOW)).isEqualTo("5 min ago");
        assertThat(ChannelFacts.ago(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("3 h ago");
        assertThat(ChannelFacts.ago(NOW.minusSeconds(3 * 86400), NOW)).isEqualTo("3 days ago");
        assertThat(ChannelFacts.ago(NOW.plusSeconds(10), NOW)).isEqualTo("just now");
        assertThat(ChannelFacts.ago(NOW.plusSeconds(3600), NOW)).isEqualTo("in the future");
        assertThat(ChannelFacts.lastInbound(null, NOW)).isEqualTo("never");
        assertThat(ChannelFacts.lastInbound(NOW.minusSeconds(60), NOW))
                .isEqualTo(Times.format(NOW.minusSeconds(60)) + " (1 min ago)");
    }

    @Test
    void directionAndError() {
        assertThat(ChannelFacts.direction(Direction.IN)).isEqualTo("← in");
        assertThat(ChannelFacts.direction(Direction.OUT)).isEqualTo("→ out");
        assertThat(ChannelFacts.direction(null)).isEmpty();
        assertThat(ChannelFacts.error("131047", "Re-engagement message")).isEqualTo("131047 Re-engagement message");
        assertThat(ChannelFacts.error(null, "Timed out")).isEqualTo("Timed out");
        assertThat(ChannelFacts.error("400", null)).isEqualTo("400");
        assertThat(ChannelFacts.error(null, " ")).isEmpty();
    }
}
