package io.loyaltyhub.host;

import io.helidon.webserver.WebServer;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.chat.MessageLog;
import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.event.EventListener;
import io.loyaltyhub.bots.Bots;
import io.loyaltyhub.host.http.chat.ChatEndpoint;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.platform.PluginInfo;
import io.loyaltyhub.host.audit.AuditLogService;
import io.loyaltyhub.host.audit.AuditWriter;
import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.db.Database;
import io.loyaltyhub.host.db.Persistence;
import io.loyaltyhub.host.db.TransactionRunner;
import io.loyaltyhub.host.events.EventAdminService;
import io.loyaltyhub.host.events.EventDispatcher;
import io.loyaltyhub.host.events.Outbox;
import io.loyaltyhub.host.http.ApiRoutes;
import io.loyaltyhub.host.http.OpenApiDocument;
import io.loyaltyhub.host.http.platform.ApiKeysEndpoint;
import io.loyaltyhub.host.http.platform.AuditEndpoint;
import io.loyaltyhub.host.http.platform.AuthEndpoint;
import io.loyaltyhub.host.http.platform.EventsEndpoint;
import io.loyaltyhub.host.http.platform.PluginsEndpoint;
import io.loyaltyhub.host.http.platform.StaffEndpoint;
import io.loyaltyhub.host.jobs.JobScheduler;
import io.loyaltyhub.host.jobs.RetentionJob;
import io.loyaltyhub.host.plugins.PluginAdminService;
import io.loyaltyhub.host.plugins.PluginHost;
import io.loyaltyhub.host.plugins.PluginSettingsStore;
import io.loyaltyhub.host.plugins.ServiceRegistry;
import io.loyaltyhub.host.security.ApiKeys;
import io.loyaltyhub.host.security.Authenticator;
import io.loyaltyhub.host.security.LoginThrottle;
import io.loyaltyhub.host.security.PasswordHasher;
import io.loyaltyhub.host.security.StaffAccounts;
import io.loyaltyhub.host.security.StaffTokens;
import io.loyaltyhub.ui.AdminUiServer;
import io.loyaltyhub.ui.UiServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole server in one JVM, started in order: database, host tables, plugins, HTTP, events,
 * jobs, admin UI. {@link #close()} stops it in reverse order, the embedded database last.
 */
public final class LoyaltyServer implements AutoCloseable {
    private List<io.loyaltyhub.api.job.ScheduledJob> jobs = List.of();
    private static final Logger LOG = LoggerFactory.getLogger(LoyaltyServer.class);
    public static final String VERSION = Optional.ofNullable(LoyaltyServer.class.getPackage().getImplementationVersion())
            .orElse("dev");

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Database database;
    private PluginHost plugins;
    private PluginAdminService pluginAdmin;
    private WebServer web;
    private AdminUiServer adminUi;
    private Optional<String> generatedAdminPassword = Optional.empty();
    private ServerConfig config;
    private ServiceRegistry services;

    private LoyaltyServer() {
    }

    public static LoyaltyServer start(ServerConfig config, Clock clock) throws Exception {
        LoyaltyServer s = new LoyaltyServer();
        try {
            s.boot(config, clock);
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private void boot(ServerConfig config, Clock clock) throws Exception {
        this.config = config;
        HostJson json = new HostJson();
        database = Database.open(config);
        toClose.add(database);
        database.migrateHost();
        database.migrate("bots");

        Persistence persistence = new Persistence(database.dataSource());
        toClose.add(persistence);
        Outbox outbox = new Outbox(json);
        TransactionRunner tx = new TransactionRunner(database.dataSource(), persistence, outbox,
                new AuditWriter(json), clock);

        StaffAccounts staff = new StaffAccounts(tx, new PasswordHasher(), new LoginThrottle(clock, 20,
                Duration.ofMinutes(15)), clock);
        ApiKeys apiKeys = new ApiKeys(tx);
        StaffTokens staffTokens = new StaffTokens(tx, Duration.ofHours(8));
        generatedAdminPassword = staff.ensureBootstrapAdmin(config.bootstrapUser(), config.bootstrapPassword());
        config.apiBootstrapKey().ifPresent(apiKeys::ensureBootstrapKey);

        PluginSettingsStore settings = new PluginSettingsStore(database.dataSource(), clock);
        services = new ServiceRegistry();
        services.register(PhoneNumbers.class, new LibPhoneNumbers());
        plugins = new PluginHost(config.pluginsDir(), database.dataSource(), persistence, tx, settings, json, clock,
                services);
        toClose.add(plugins);
        plugins.loadAll();
        pluginAdmin = new PluginAdminService(plugins, settings, tx);
        services.register(io.loyaltyhub.api.platform.PluginAdmin.class, pluginAdmin);
        AuditLogService audit = new AuditLogService(tx);
        EventAdminService eventAdmin = new EventAdminService(tx);
        PlatformMetrics metrics = new PlatformMetrics(eventAdmin, pluginAdmin);
        toClose.add(metrics);

        List<EventListener> listeners = plugins.listeners();
        tx.inHostTransaction(t -> {
            outbox.subscribe(t.connection(), EventDispatcher.subscriptions(listeners), t.now());
            return null;
        });
        EventDispatcher dispatcher = new EventDispatcher(tx, listeners, clock, config.eventMaxAttempts(),
                Duration.ofSeconds(1), Duration.ofMillis(200));
        toClose.add(dispatcher);
        List<io.loyaltyhub.api.job.ScheduledJob> jobs = new ArrayList<>(plugins.jobs());
        jobs.add(new RetentionJob(tx, config.ops(), clock));
        this.jobs = List.copyOf(jobs);
        JobScheduler scheduler = new JobScheduler(tx, jobs, clock, config.instanceId());
        toClose.add(scheduler);

        Bots bots = Bots.start(config.chat(), tx, plugins.chatFlows(), services.find(PhoneNumbers.class), clock);
        toClose.add(bots);
        services.register(ChatSimulator.class, bots.simulator());
        services.register(MessageLog.class, bots.messageLog());
        services.register(Channels.class, bots.channels());
        services.register(io.loyaltyhub.api.chat.WhatsAppTemplates.class, bots.whatsappTemplates());
        io.loyaltyhub.host.erp.ErpConnectorsService connectors = new io.loyaltyhub.host.erp.ErpConnectorsService(tx,
                json, () -> plugins.startedExtensionsByPlugin(io.loyaltyhub.api.erp.ErpConnector.class),
                () -> services.find(io.loyaltyhub.api.loyalty.LoyaltyService.class), clock, config.instanceId(),
                System.getenv(), new io.loyaltyhub.host.erp.ErpConnectorsService.Health(3, Duration.ofHours(2)));
        toClose.add(connectors);
        services.register(io.loyaltyhub.api.erp.ErpConnectors.class, connectors);
        metrics.connectors(connectors);

        List<ApiEndpoint> endpoints = new ArrayList<>(List.of(
                new AuthEndpoint(staff, staffTokens),
                new PluginsEndpoint(pluginAdmin),
                new StaffEndpoint(staff),
                new ApiKeysEndpoint(apiKeys),
                new AuditEndpoint(audit),
                new EventsEndpoint(eventAdmin),
                new ChatEndpoint(bots.simulator(), bots.messageLog(), bots.channels()),
                new io.loyaltyhub.host.http.platform.ConnectorsEndpoint(connectors)));
        endpoints.addAll(plugins.endpoints());
        String openApi = OpenApiDocument.render(json, VERSION, endpoints);
        web = HttpServer.start(config.host(), config.serverPort(), database,
                new ApiRoutes(new Authenticator(staffTokens, apiKeys), json, config.trustedProxies()), endpoints, openApi,
                bots.whatsappWebhook(), bots.telegramWebhook(), plugins.webEndpoints(), config.ops());
        toClose.add(() -> web.stop());

        dispatcher.start("event-dispatcher");
        scheduler.start(Duration.ofSeconds(1));
        connectors.start();

        adminUi = AdminUiServer.start(config.adminHost(), config.adminPort(), new UiServices(staff, pluginAdmin, audit, eventAdmin,
                services::find, () -> plugins.startedExtensions(io.loyaltyhub.admin.AdminScreen.class).stream()
                        .map(io.loyaltyhub.admin.AdminScreen.class::cast).toList()),
                config.adminSessionTimeout());
        toClose.add(adminUi);
    }

    /** Every job the scheduler runs (the plugins' and the host's), for tests and benchmarks to run one now. */
    public List<io.loyaltyhub.api.job.ScheduledJob> jobs() {
        return jobs;
    }

    public int port() {
        return web.port();
    }

    public int adminPort() {
        return adminUi.port();
    }

    public Database database() {
        return database;
    }

    public List<PluginInfo> plugins() {
        return pluginAdmin.list();
    }

    /** A service of the host or of a started plugin (e.g. LoyaltyService), for the UI, bots and tests. */
    public <T> Optional<T> service(Class<T> type) {
        return services.find(type);
    }

    public ServerConfig config() {
        return config;
    }

    /** The bootstrap admin's password, only when it was generated on this (the very first) start. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    @Override
    public synchronized void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", toClose.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        toClose.clear();
    }
}
