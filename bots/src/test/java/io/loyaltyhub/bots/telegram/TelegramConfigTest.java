package io.loyaltyhub.bots.telegram;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramConfigTest {
    private static TelegramConfig config(String token, TelegramConfig.Mode mode, String secret, String url) {
        return new TelegramConfig(Optional.ofNullable(token), "@loyalty_test_bot", "http://127.0.0.1:8089", mode,
                secret, url, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Test
    void offWithoutATokenAndWebhookModeNeedsSecretAndUrl() {
        assertThat(TelegramConfig.off().missing()).contains("no telegram.bot-token");
        assertThat(config("1:x", TelegramConfig.Mode.POLLING, "", "").enabled()).isTrue();
        assertThat(config("1:x", TelegramConfig.Mode.WEBHOOK, "", "https://h/webhooks/telegram").missing().orElseThrow())
                .startsWith("no telegram.webhook-secret");
        assertThat(config("1:x", TelegramConfig.Mode.WEBHOOK, "s", "").missing().orElseThrow())
                .startsWith("no telegram.webhook-url");
        assertThat(config("1:x", TelegramConfig.Mode.WEBHOOK, "s", "https://h/webhooks/telegram").enabled()).isTrue();
    }

    @Test
    void theApiUrlAndDeepLinks() {
        var u = config("1:x", TelegramConfig.Mode.POLLING, "", "").telegramUrl();
        assertThat(u.getSchema()).isEqualTo("http");
        assertThat(u.getHost()).isEqualTo("127.0.0.1");
        assertThat(u.getPort()).isEqualTo(8089);
        assertThat(TelegramConfig.off().telegramUrl().getPort()).isEqualTo(443);
        var c = config("1:x", TelegramConfig.Mode.POLLING, "", "");
        assertThat(c.botUsername()).isEqualTo("loyalty_test_bot");
        assertThat(c.deepLink("inv_AB12")).contains("https://t.me/loyalty_test_bot?start=inv_AB12");
        assertThatThrownBy(() -> c.deepLink("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TelegramConfig.Mode.of("Webhook")).contains(TelegramConfig.Mode.WEBHOOK);
        assertThat(TelegramConfig.Mode.of("push")).isEmpty();
    }
}
