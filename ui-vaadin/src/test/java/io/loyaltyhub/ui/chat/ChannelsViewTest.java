package io.loyaltyhub.ui.chat;

import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Reply;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelsViewTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static final class FakeChannels implements Channels {
        List<ChannelStatus> status = new ArrayList<>();
        RuntimeException failure;

        @Override
        public List<ChannelStatus> status() {
            if (failure != null) {
                throw failure;
            }
            return status;
        }

        @Override
        public long send(String channel, String userId, Reply reply, Reply.Template fallback, String idempotencyKey) {
            throw new AssertionError("send is not used by the code under test");
        }

        @Override
        public long queue(io.loyaltyhub.api.data.Tx tx, String channel, String userId, Reply reply,
                          Reply.Template fallback, String idempotencyKey, String tag) {
            throw new AssertionError("queue is not used by the code under test");
        }

        @Override
        public java.util.Optional<java.time.Instant> lastInbound(String channel, String userId) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean enabled(String channel) {
            return status.stream().anyMatch(s -> s.channel().equals(channel) && s.configured());
        }
    }

    final FakeChannels channels = new FakeChannels();

    ChannelsView view() {
        ChannelsView view = new ChannelsView(channels);
        view.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return view;
    }

    static ChannelStatus whatsapp(long queued, String lastError) {
        return new ChannelStatus("whatsapp", true, "+15550001111", NOW.minusSeconds(120), queued, 40, 2, lastError);
    }

    static final ChannelStatus TELEGRAM_OFF = new ChannelStatus("telegram", false, "off: no telegram.bot-token",
            null, 0, 0, 0, null);

    @Test
    void oneCardPerChannel() {
        channels.status = List.of(whatsapp(3, "131047 Re-engagement message"), TELEGRAM_OFF);
        ChannelsView view = view();
        view.refresh();

        assertThat(view.cardRow.getChildren()).extracting(c -> c.getId().orElse(""))
                .containsExactly("channel-whatsapp", "channel-telegram");
        ChannelCard wa = view.card("whatsapp");
        assertThat(wa.text("channel-state")).isEqualTo("configured");
        assertThat(wa.text("channel-detail")).isEqualTo("+15550001111");
        assertThat(wa.text("channel-last-inbound")).endsWith("(2 min ago)");
        assertThat(wa.text("channel-queued")).isEqualTo("3");
        assertThat(wa.text("channel-sent")).isEqualTo("40");
        assertThat(wa.text("channel-failed")).isEqualTo("2");
        assertThat(wa.text("channel-last-error")).isEqualTo("131047 Re-engagement message");
        ChannelCard tg = view.card("telegram");
        assertThat(tg.text("channel-state")).isEqualTo("off");
        assertThat(tg.text("channel-detail")).isEqualTo("off: no telegram.bot-token");
        assertThat(tg.text("channel-last-inbound")).isEqualTo("never");
        assertThat(tg.text("channel-last-error")).isEqualTo("none");
        assertThat(tg.getElement().getAttribute("data-configured")).isEqualTo("false");
        assertThat(view.empty.isVisible()).isFalse();
    }

    @Test
    void refreshUpdatesCardsInPlace() {
        channels.status = List.of(whatsapp(3, null), TELEGRAM_OFF);
        ChannelsView view = view();
        view.refresh();
        ChannelCard wa = view.card("whatsapp");

        channels.status = List.of(whatsapp(0, null));
        view.refresh();
        assertThat(view.card("whatsapp")).isSameAs(wa);
        assertThat(wa.text("channel-queued")).isEqualTo("0");
        assertThat(view.cardRow.getChildren()).containsExactly(wa);
        assertThat(view.card("telegram")).isNull();
    }

    @Test
    void aFailureShowsAndKeepsTheLastCards() {
        channels.status = List.of(TELEGRAM_OFF);
        ChannelsView view = view();
        view.refresh();
        channels.failure = new IllegalStateException("database down");
        view.refresh();
        assertThat(view.error.message()).contains("database down");
        assertThat(view.cardRow.getChildren()).hasSize(1);
        channels.failure = null;
        view.refresh();
        assertThat(view.error.message()).isEmpty();
    }

    @Test
    void noChannels() {
        ChannelsView view = view();
        view.refresh();
        assertThat(view.empty.isVisible()).isTrue();
    }
}
