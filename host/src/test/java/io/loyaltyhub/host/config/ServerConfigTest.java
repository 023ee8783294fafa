package io.loyaltyhub.host.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {
    private static Config config(Map<String, String> values) {
        ConfigSource source = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String name) {
                return values.get(name);
            }

            @Override
            public String getName() {
                return "test";
            }
        };
        return ConfigProviderResolver.instance().getBuilder().withSources(source).build();
    }

    @Test
    void defaultsGiveTheEmbeddedSetup() {
        ServerConfig c = ServerConfig.from(config(Map.of()));
        assertThat(c.serverPort()).isEqualTo(8080);
        assertThat(c.adminPort()).isEqualTo(8081);
        assertThat(c.embeddedDatabase()).isTrue();
        assertThat(c.dbUser()).isEqualTo("root");
        assertThat(c.dataDir().isAbsolute()).isTrue();
        assertThat(c.dataDir().getFileName().toString()).isEqualTo("data");
        assertThat(c.bootstrapUser()).isEqualTo("admin");
        assertThat(c.bootstrapPassword()).isEmpty();
        assertThat(c.adminSessionTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void valuesAreRead() {
        ServerConfig c = ServerConfig.from(config(Map.of("server.port", "9000", "db.url",
                "jdbc:mariadb://db:3306/loyalty", "db.user", "loyalty", "admin.session-timeout", "2h",
                "admin.bootstrap-password", "a-long-enough-secret")));
        assertThat(c.serverPort()).isEqualTo(9000);
        assertThat(c.embeddedDatabase()).isFalse();
        assertThat(c.dbUser()).isEqualTo("loyalty");
        assertThat(c.adminSessionTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(c.bootstrapPassword()).contains("a-long-enough-secret");
    }

    @Test
    void aWrongValueNamesTheKeyAndWhatIsExpected() {
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("server.port", "eighty"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.port: expected a whole number from 0 to 65535, got 'eighty'");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("admin.port", "70000"))))
                .hasMessageStartingWith("admin.port: expected a whole number from 0 to 65535");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("db.url", "postgres://x"))))
                .hasMessageStartingWith("db.url: expected a MariaDB JDBC URL");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("admin.bootstrap-password", "short"))))
                .hasMessageStartingWith("admin.bootstrap-password: expected at least 12 characters");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("api.bootstrap-key", "too-short"))))
                .hasMessageStartingWith("api.bootstrap-key: expected at least 32 characters");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("admin.session-timeout", "soon"))))
                .hasMessageStartingWith("admin.session-timeout: expected a duration");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("admin.bootstrap-user", "a b"))))
                .hasMessageStartingWith("admin.bootstrap-user:");
    }

    @Test
    void telegramIsOffByDefaultAndPollsOnceItHasAToken() {
        var off = ServerConfig.from(config(Map.of())).chat().telegram();
        assertThat(off.enabled()).isFalse();
        assertThat(off.missing()).contains("no telegram.bot-token");
        assertThat(off.apiBaseUrl()).isEqualTo("https://api.telegram.org");
        assertThat(off.mode()).isEqualTo(io.loyaltyhub.bots.telegram.TelegramConfig.Mode.POLLING);

        var on = ServerConfig.from(config(Map.of("telegram.bot-token", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
                "telegram.bot-username", "@loyalty_partner_bot"))).chat().telegram();
        assertThat(on.enabled()).isTrue();
        assertThat(on.botUsername()).isEqualTo("loyalty_partner_bot");
        assertThat(on.deepLink("inv42")).contains("https://t.me/loyalty_partner_bot?start=inv42");
    }

    @Test
    void telegramWebhookModeReadsSecretAndUrl() {
        var t = ServerConfig.from(config(Map.of("telegram.bot-token", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
                "telegram.mode", "webhook", "telegram.webhook-secret", "0123456789abcdef_-",
                "telegram.webhook-url", "https://loyalty.example.com/webhooks/telegram",
                "telegram.api-base-url", "http://127.0.0.1:9999", "telegram.timeout", "3s"))).chat().telegram();
        assertThat(t.mode()).isEqualTo(io.loyaltyhub.bots.telegram.TelegramConfig.Mode.WEBHOOK);
        assertThat(t.enabled()).isTrue();
        assertThat(t.telegramUrl().getPort()).isEqualTo(9999);
        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(3));
        var noSecret = ServerConfig.from(config(Map.of("telegram.bot-token", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
                "telegram.mode", "webhook", "telegram.webhook-url", "https://loyalty.example.com/webhooks/telegram")))
                .chat().telegram();
        assertThat(noSecret.enabled()).isFalse();
        assertThat(noSecret.missing().orElseThrow()).startsWith("no telegram.webhook-secret");
    }

    @Test
    void badTelegramValuesNameTheKeyButNeverEchoTheToken() {
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("telegram.bot-token", "not-a-token-secret"))))
                .hasMessageStartingWith("telegram.bot-token: expected")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-a-token-secret"));
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("telegram.mode", "push"))))
                .hasMessage("telegram.mode: expected polling or webhook, got 'push'");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("telegram.api-base-url", "https://api.telegram.org/x"))))
                .hasMessageStartingWith("telegram.api-base-url: expected");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("telegram.webhook-secret", "has space"))))
                .hasMessageStartingWith("telegram.webhook-secret: expected");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("telegram.webhook-url", "http://plain.example.com/x"))))
                .hasMessageStartingWith("telegram.webhook-url: expected");
        assertThatThrownBy(() -> ServerConfig.from(config(Map.of("telegram.bot-username", "a b"))))
                .hasMessageStartingWith("telegram.bot-username:");
    }

    @Test
    void durations() {
        assertThat(Durations.parse("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("p2d")).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> Durations.parse("15 minutes")).isInstanceOf(IllegalArgumentException.class);
    }
}
