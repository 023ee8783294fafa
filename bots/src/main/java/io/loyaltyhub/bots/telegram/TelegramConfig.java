package io.loyaltyhub.bots.telegram;

import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The Telegram Bot API channel (the affiliates' bot). Without a bot token the channel is off; the rest runs.
 *
 * @param botToken      from BotFather, e.g. {@code 123456789:AA...}; empty: channel off
 * @param botUsername   the bot's username without '@' (deep links {@code https://t.me/<username>?start=<payload>},
 *                      and {@code /command@username} in commands); may be empty
 * @param apiBaseUrl    {@code https://api.telegram.org} (tests point it at WireMock); scheme, host and port only
 * @param mode          how updates arrive: long polling ({@code getUpdates}) or webhook ({@code POST /webhooks/telegram})
 * @param webhookSecret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}; webhook mode needs it
 * @param webhookUrl    the public HTTPS URL of {@code /webhooks/telegram}, registered with {@code setWebhook}
 *                      at start in webhook mode
 * @param timeout       per Bot API request (sending, answering callbacks)
 * @param pollTimeout   how long one {@code getUpdates} long poll waits for updates
 */
public record TelegramConfig(Optional<String> botToken, String botUsername, String apiBaseUrl, Mode mode,
                             String webhookSecret, String webhookUrl, Duration timeout, Duration pollTimeout) {

    public static final String DEFAULT_API = "https://api.telegram.org";

    public enum Mode {
        POLLING, WEBHOOK;

        /** {@code polling} or {@code webhook}, as in the configuration. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> of(String key) {
            for (Mode m : values()) {
                if (m.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    public TelegramConfig {
        botToken = botToken == null ? Optional.empty() : botToken.filter(t -> !t.isBlank());
        botUsername = botUsername == null ? "" : botUsername.strip().replaceFirst("^@", "");
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API : apiBaseUrl.strip();
        mode = mode == null ? Mode.POLLING : mode;
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        pollTimeout = pollTimeout == null ? Duration.ofSeconds(30) : pollTimeout;
    }

    public static TelegramConfig off() {
        return new TelegramConfig(Optional.empty(), "", DEFAULT_API, Mode.POLLING, "", "", Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    /** Why the channel cannot run, or empty when it can. */
    public Optional<String> missing() {
        if (botToken.isEmpty()) {
            return Optional.of("no telegram.bot-token");
        }
        if (mode == Mode.WEBHOOK && webhookSecret.isEmpty()) {
            return Optional.of("no telegram.webhook-secret (webhook mode cannot verify updates without it)");
        }
        if (mode == Mode.WEBHOOK && webhookUrl.isEmpty()) {
            return Optional.of("no telegram.webhook-url (webhook mode registers it with setWebhook)");
        }
        return Optional.empty();
    }

    public boolean enabled() {
        return missing().isEmpty();
    }

    /** The API's scheme, host and port for the Bot API client. */
    public TelegramUrl telegramUrl() {
        URI u = URI.create(apiBaseUrl);
        String scheme = u.getScheme() == null ? "https" : u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() > 0 ? u.getPort() : scheme.equals("http") ? 80 : 443;
        return new TelegramUrl(scheme, u.getHost(), port, false);
    }

    /**
     * A link that opens the bot and sends {@code /start <payload>} (payload: up to 64 of A-Z a-z 0-9 _ -),
     * e.g. for an affiliate invitation; empty without {@code telegram.bot-username}.
     */
    public Optional<String> deepLink(String payload) {
        if (botUsername.isEmpty()) {
            return Optional.empty();
        }
        if (payload == null || !payload.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a start payload is 1-64 of A-Z a-z 0-9 _ -: " + payload);
        }
        return Optional.of("https://t.me/" + URLEncoder.encode(botUsername, StandardCharsets.UTF_8) + "?start=" + payload);
    }

    /** The configuration with another mode (tests). */
    public TelegramConfig withMode(Mode newMode) {
        return new TelegramConfig(botToken, botUsername, apiBaseUrl, newMode, webhookSecret, webhookUrl, timeout,
                pollTimeout);
    }
}
