package io.loyaltyhub.host.config;

import io.loyaltyhub.bots.ChatConfig;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.bots.whatsapp.WhatsAppConfig;

import org.eclipse.microprofile.config.Config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The server's configuration, read once at start from MicroProfile Config (defaults in
 * {@code config/microprofile-config.properties}, overridden by environment variables such as
 * {@code SERVER_PORT}, then by {@code -D} system properties). Every key is documented in the README.
 *
 * @param dbUrl empty: run the embedded MariaDB under {@code dataDir}; otherwise an external MariaDB
 */
public record ServerConfig(String host, int serverPort, Set<String> trustedProxies, String adminHost, int adminPort,
                           Duration adminSessionTimeout,
                           Path dataDir, Path pluginsDir, String dbUrl, String dbUser, String dbPassword,
                           int dbPoolSize, String bootstrapUser, Optional<String> bootstrapPassword,
                           Optional<String> apiBootstrapKey, int eventMaxAttempts, String instanceId,
                           ChatConfig chat, OpsConfig ops) {

    /**
     * Housekeeping and monitoring.
     *
     * @param eventRetention   delivered events (and their delivery and applied records) are deleted after this; 0: kept
     * @param inboundRetention received messages, answered, are deleted after this (message history); 0: kept
     * @param metricsToken     when present, {@code /metrics} answers only {@code Authorization: Bearer <token>}
     */
    public record OpsConfig(Duration eventRetention, Duration inboundRetention, boolean metricsEnabled,
                            Optional<String> metricsToken) {
        public static OpsConfig defaults() {
            return new OpsConfig(Duration.ofDays(7), Duration.ofDays(90), true, Optional.empty());
        }
    }

    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    /** Reads and checks every key; the first bad one stops the start with a message naming it. */
    public static ServerConfig from(Config config) {
        Reader r = new Reader(config);
        Path dataDir = r.path("data.dir", "./data");
        String pluginsText = r.string("plugins.dir", "");
        Path pluginsDir = pluginsText.isEmpty() ? defaultPluginsDir() : r.path("plugins.dir", pluginsText);
        String dbUrl = r.string("db.url", "");
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:mariadb:") && !dbUrl.startsWith("jdbc:mysql:")) {
            throw new ConfigException("db.url: expected a MariaDB JDBC URL such as "
                    + "jdbc:mariadb://db.example:3306/loyalty (or empty for the embedded database), got '" + dbUrl + "'");
        }
        String bootstrapUser = r.string("admin.bootstrap-user", "admin");
        if (!bootstrapUser.matches("[A-Za-z0-9._@-]{3,64}")) {
            throw new ConfigException("admin.bootstrap-user: expected 3-64 letters, digits or . _ @ -, got '"
                    + bootstrapUser + "'");
        }
        Optional<String> bootstrapPassword = r.optional("admin.bootstrap-password");
        bootstrapPassword.ifPresent(p -> {
            if (p.length() < 12) {
                throw new ConfigException("admin.bootstrap-password: expected at least 12 characters");
            }
        });
        Optional<String> apiKey = r.optional("api.bootstrap-key");
        apiKey.ifPresent(k -> {
            if (k.length() < 32 || !k.matches("[A-Za-z0-9._~-]+")) {
                throw new ConfigException("api.bootstrap-key: expected at least 32 characters of letters, digits "
                        + "or . _ ~ - (e.g. from 'openssl rand -hex 32')");
            }
        });
        return new ServerConfig(
                r.string("server.host", "0.0.0.0"),
                r.port("server.port", 8080),
                r.addresses("server.trusted-proxies"),
                r.string("admin.host", "0.0.0.0"),
                r.port("admin.port", 8081),
                r.duration("admin.session-timeout", Duration.ofMinutes(30)),
                dataDir,
                pluginsDir,
                dbUrl,
                r.string("db.user", dbUrl.isEmpty() ? "root" : ""),
                r.string("db.password", ""),
                r.intInRange("db.pool-size", 10, 1, 500),
                bootstrapUser,
                bootstrapPassword,
                apiKey,
                r.intInRange("events.max-attempts", 8, 1, 100),
                r.string("instance.id", defaultInstanceId()),
                chat(r),
                ops(r));
    }

    /** The same configuration with other chat settings (tests point WhatsApp at WireMock). */
    public ServerConfig withChat(ChatConfig newChat) {
        return new ServerConfig(host, serverPort, trustedProxies, adminHost, adminPort, adminSessionTimeout, dataDir,
                pluginsDir, dbUrl, dbUser, dbPassword, dbPoolSize, bootstrapUser, bootstrapPassword, apiBootstrapKey,
                eventMaxAttempts, instanceId, newChat, ops);
    }

    public ServerConfig withPoolSize(int size) {
        return new ServerConfig(host, serverPort, trustedProxies, adminHost, adminPort, adminSessionTimeout, dataDir,
                pluginsDir, dbUrl, dbUser, dbPassword, size, bootstrapUser, bootstrapPassword, apiBootstrapKey,
                eventMaxAttempts, instanceId, chat, ops);
    }

    public ServerConfig withOps(OpsConfig newOps) {
        return new ServerConfig(host, serverPort, trustedProxies, adminHost, adminPort, adminSessionTimeout, dataDir,
                pluginsDir, dbUrl, dbUser, dbPassword, dbPoolSize, bootstrapUser, bootstrapPassword, apiBootstrapKey,
                eventMaxAttempts, instanceId, chat, newOps);
    }

    private static OpsConfig ops(Reader r) {
        Optional<String> token = r.optional("metrics.token");
        token.ifPresent(t -> {
            if (t.length() < 16 || !t.matches("[A-Za-z0-9._~-]+")) {
                throw new ConfigException("metrics.token: expected at least 16 letters, digits or . _ ~ - "
                        + "(e.g. from 'openssl rand -hex 32')");
            }
        });
        String enabled = r.string("metrics.enabled", "true");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ConfigException("metrics.enabled: expected true or false, got '" + enabled + "'");
        }
        return new OpsConfig(r.duration("retention.delivered-events", Duration.ofDays(7)),
                r.duration("retention.inbound-messages", Duration.ofDays(90)), enabled.equals("true"), token);
    }

    private static ChatConfig chat(Reader r) {
        String language = r.string("chat.default-language", "en");
        if (!ChatConfig.LANGUAGES.contains(language)) {
            throw new ConfigException("chat.default-language: expected one of " + ChatConfig.LANGUAGES + ", got '"
                    + language + "'");
        }
        String region = r.string("chat.default-region", "IN");
        if (!region.matches("[A-Z]{2}")) {
            throw new ConfigException("chat.default-region: expected a two-letter country code such as IN, got '"
                    + region + "'");
        }
        String base = r.string("whatsapp.api-base-url", "https://graph.facebook.com");
        if (!base.matches("https?://[^\\s/]+(/.*)?")) {
            throw new ConfigException("whatsapp.api-base-url: expected an http(s) URL, got '" + base + "'");
        }
        String version = r.string("whatsapp.api-version", "v23.0");
        if (!version.matches("v\\d+\\.\\d+")) {
            throw new ConfigException("whatsapp.api-version: expected a Graph API version such as v23.0, got '"
                    + version + "'");
        }
        String numberId = r.string("whatsapp.phone-number-id", "");
        if (!numberId.isEmpty() && !numberId.matches("\\d{5,30}")) {
            throw new ConfigException("whatsapp.phone-number-id: expected the number's id (digits) from WhatsApp "
                    + "Manager, got '" + numberId + "'");
        }
        String businessAccountId = r.string("whatsapp.business-account-id", "");
        if (!businessAccountId.isEmpty() && !businessAccountId.matches("\\d{5,30}")) {
            throw new ConfigException("whatsapp.business-account-id: expected the WhatsApp Business Account id "
                    + "(digits) from WhatsApp Manager, got '" + businessAccountId + "'");
        }
        return new ChatConfig(language, region, new WhatsAppConfig(base, version, numberId,
                r.optional("whatsapp.access-token"), r.string("whatsapp.app-secret", ""),
                r.string("whatsapp.verify-token", ""), r.intInRange("whatsapp.send-rate", 80, 1, 1000),
                r.string("whatsapp.fallback-template", ""), r.string("whatsapp.fallback-language", "en"),
                r.duration("whatsapp.timeout", Duration.ofSeconds(10)), businessAccountId), telegram(r),
                r.intInRange("chat.workers", 4, 1, 64));
    }

    private static TelegramConfig telegram(Reader r) {
        Optional<String> token = r.optional("telegram.bot-token");
        if (token.isPresent() && !token.get().matches("\\d{3,20}:[A-Za-z0-9_-]{20,100}")) {
            // never echo the token
            throw new ConfigException("telegram.bot-token: expected the token BotFather gave, such as "
                    + "123456789:AAH... (digits, a colon, then letters, digits, _ or -)");
        }
        String username = r.string("telegram.bot-username", "").replaceFirst("^@", "");
        if (!username.isEmpty() && !username.matches("[A-Za-z][A-Za-z0-9_]{3,31}")) {
            throw new ConfigException("telegram.bot-username: expected the bot's username such as loyalty_bot "
                    + "(5-32 letters, digits or _), got '" + username + "'");
        }
        String base = r.string("telegram.api-base-url", TelegramConfig.DEFAULT_API);
        if (!base.matches("https?://[^\\s/:]+(:\\d{1,5})?/?")) {
            throw new ConfigException("telegram.api-base-url: expected an http(s) URL with a host and optional port "
                    + "only, such as https://api.telegram.org, got '" + base + "'");
        }
        String modeText = r.string("telegram.mode", "polling");
        TelegramConfig.Mode mode = TelegramConfig.Mode.of(modeText).orElseThrow(() -> new ConfigException(
                "telegram.mode: expected polling or webhook, got '" + modeText + "'"));
        String secret = r.string("telegram.webhook-secret", "");
        if (!secret.isEmpty() && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new ConfigException("telegram.webhook-secret: expected 1-256 letters, digits, _ or - "
                    + "(Telegram's rule), e.g. from 'openssl rand -hex 32'");
        }
        String url = r.string("telegram.webhook-url", "");
        if (!url.isEmpty() && !url.matches("https://[^\\s/]+/\\S*")) {
            throw new ConfigException("telegram.webhook-url: expected the public HTTPS URL of /webhooks/telegram such as "
                    + "https://loyalty.example.com/webhooks/telegram, got '" + url + "'");
        }
        return new TelegramConfig(token, username, base.replaceFirst("/$", ""), mode, secret, url,
                r.duration("telegram.timeout", Duration.ofSeconds(10)), Duration.ofSeconds(30));
    }

    /** {@code plugins/} next to the server jar (or next to the classes directory in a dev run). */
    static Path defaultPluginsDir() {
        try {
            Path code = Path.of(ServerConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent().resolve("plugins");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("plugins");
        }
    }

    private static String defaultInstanceId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("local");
        return host + "-" + ProcessHandle.current().pid();
    }

    /** Typed reads that turn a bad value into a ConfigException naming the key. */
    private record Reader(Config config) {
        String string(String key, String fallback) {
            return optional(key).orElse(fallback);
        }

        Optional<String> optional(String key) {
            return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
        }

        int port(String key, int fallback) {
            return intInRange(key, fallback, 0, 65535);
        }

        int intInRange(String key, int fallback, int min, int max) {
            Optional<String> raw = optional(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                int v = Integer.parseInt(raw.get());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new ConfigException(key + ": expected a whole number from " + min + " to " + max
                    + ", got '" + raw.get() + "'");
        }

        Duration duration(String key, Duration fallback) {
            Optional<String> raw = optional(key);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                return Durations.parse(raw.get());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new ConfigException(key + ": expected a duration such as 30m, 12h or PT30M, got '" + raw.get() + "'");
            }
        }

        /** Comma-separated IP addresses (no host names: a proxy is trusted by what it is, not by DNS). */
        Set<String> addresses(String key) {
            Set<String> out = new LinkedHashSet<>();
            for (String part : string(key, "").split(",")) {
                String a = part.trim();
                if (a.isEmpty()) {
                    continue;
                }
                if (!a.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
                    throw new ConfigException(key + ": expected comma-separated IP addresses, got '" + a + "'");
                }
                out.add(a);
            }
            return Set.copyOf(out);
        }

        Path path(String key, String fallback) {
            String raw = string(key, fallback);
            try {
                Path p = Path.of(raw).toAbsolutePath().normalize();
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    throw new ConfigException(key + ": expected a directory, but " + p + " is a file");
                }
                return p;
            } catch (InvalidPathException e) {
                throw new ConfigException(key + ": expected a directory path, got '" + raw + "'");
            }
        }
    }
}
