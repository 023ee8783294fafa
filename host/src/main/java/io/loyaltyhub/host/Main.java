package io.loyaltyhub.host;

import io.loyaltyhub.api.platform.PluginInfo;
import io.loyaltyhub.api.platform.PluginState;
import io.loyaltyhub.host.config.ConfigException;
import io.loyaltyhub.host.config.ServerConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;

/** Starts the server: config, database, plugins, HTTP, admin UI; then says where everything is. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("chat")) {
            System.exit(ChatCli.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.in, System.out,
                    System.getenv()));
            return;
        }
        long t0 = System.nanoTime();
        SLF4JBridgeHandler.removeHandlersForRootLogger(); // Helidon logs through java.util.logging
        SLF4JBridgeHandler.install();
        ServerConfig config;
        try {
            config = ServerConfig.from(ConfigProvider.getConfig());
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LoyaltyServer server;
        try {
            server = LoyaltyServer.start(config, Clock.systemUTC());
        } catch (Exception e) {
            System.err.println("The server could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Shutting down...");
            server.close();
            System.out.println("Stopped.");
        }, "shutdown"));
        System.out.println(readyBanner(server, (System.nanoTime() - t0) / 1e9));
    }

    static String readyBanner(LoyaltyServer server, double seconds) {
        ServerConfig c = server.config();
        String plugins = server.plugins().isEmpty() ? "none found in " + c.pluginsDir()
                : server.plugins().stream().map(Main::pluginLine).collect(Collectors.joining(", "));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nLoyalty server %s ready in %.1f s%n", LoyaltyServer.VERSION, seconds));
        b.append("  REST API and webhooks  http://localhost:").append(server.port())
                .append("  (/api/v1, /health, /metrics, /openapi)\n");
        b.append("  Admin UI               http://localhost:").append(server.adminPort()).append('\n');
        b.append("  Database               ").append(server.database().embedded()
                ? "embedded MariaDB " + server.database().url() + " (data in " + c.dataDir().resolve("mariadb") + ")"
                : server.database().url()).append('\n');
        b.append("  Plugins (").append(c.pluginsDir()).append(")  ").append(plugins).append('\n');
        b.append("  WhatsApp               ").append(c.chat().whatsapp().missing()
                .map(why -> "off: " + why + " (chat simulator in the admin UI, or: java -jar loyalty-server.jar chat <mobile>)")
                .orElse("on: webhook http://localhost:" + server.port() + "/webhooks/whatsapp, number id "
                        + c.chat().whatsapp().phoneNumberId())).append('\n');
        b.append("  Telegram               ").append(c.chat().telegram().missing()
                .map(why -> "off: " + why + " (affiliates' bot; chat simulator in the admin UI)")
                .orElse("on: " + (c.chat().telegram().botUsername().isEmpty() ? "bot"
                        : "@" + c.chat().telegram().botUsername()) + ", "
                        + (c.chat().telegram().mode() == io.loyaltyhub.bots.telegram.TelegramConfig.Mode.WEBHOOK
                        ? "webhook " + c.chat().telegram().webhookUrl() + " (served at http://localhost:" + server.port()
                        + "/webhooks/telegram)" : "polling getUpdates"))).append('\n');
        server.generatedAdminPassword().ifPresent(pw -> b.append("\n  First start: log in to the admin UI as '")
                .append(c.bootstrapUser()).append("' with password '").append(pw)
                .append("'.\n  It is shown only this once; change it under Staff users.\n"));
        return b.toString();
    }

    private static String pluginLine(PluginInfo p) {
        return p.id() + " " + p.version() + (p.state() == PluginState.STARTED ? "" : " " + p.state() + " (" + p.error() + ")");
    }
}
