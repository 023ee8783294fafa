package io.loyaltyhub.bots;

import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.bots.whatsapp.WhatsAppConfig;

import java.util.List;

/**
 * Configuration of the bots.
 *
 * @param defaultLanguage the language of a new conversation until the user picks one
 * @param defaultRegion   how the simulator reads numbers typed without a country code (ISO 3166, e.g. IN)
 * @param whatsapp        the customers' channel
 * @param telegram        the affiliates' channel
 * @param concurrentTurns messages answered at once per instance (each holds database connections:
 *                        keep it well under the pool size so webhooks are always stored promptly)
 */
public record ChatConfig(String defaultLanguage, String defaultRegion, WhatsAppConfig whatsapp, TelegramConfig telegram,
                         int concurrentTurns) {
    public static final List<String> LANGUAGES = List.of("en", "hi");

    public ChatConfig {
        telegram = telegram == null ? TelegramConfig.off() : telegram;
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("language must be one of " + LANGUAGES + ": " + defaultLanguage);
        }
    }

    public static ChatConfig off() {
        return new ChatConfig("en", "IN", WhatsAppConfig.off(), TelegramConfig.off(), 4);
    }

    public ChatConfig withWorkers(int workers) {
        return new ChatConfig(defaultLanguage, defaultRegion, whatsapp, telegram, workers);
    }

    public ChatConfig withWhatsApp(WhatsAppConfig w) {
        return new ChatConfig(defaultLanguage, defaultRegion, w, telegram, concurrentTurns);
    }

    public ChatConfig withTelegram(TelegramConfig t) {
        return new ChatConfig(defaultLanguage, defaultRegion, whatsapp, t, concurrentTurns);
    }
}
