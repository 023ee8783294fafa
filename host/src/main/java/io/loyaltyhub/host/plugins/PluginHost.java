package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.chat.ChatFlow;
import io.loyaltyhub.api.http.WebEndpoint;
import io.loyaltyhub.api.event.EventListener;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginDeclaration;
import io.loyaltyhub.api.platform.PluginState;
import io.loyaltyhub.host.HostJson;
import io.loyaltyhub.host.db.Persistence;
import io.loyaltyhub.host.db.TransactionRunner;
import org.flywaydb.core.Flyway;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Loads the plugin jars of one directory and takes each through: load (PF4J), declare (settings
 * schema, entities), configure (stored settings validated), migrate (its own Flyway history),
 * then one SessionFactory for all, then start, then collect its extensions. A plugin that fails
 * at any stage is marked failed with the reason and the others go on.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Path pluginsDir;
    private final DataSource dataSource;
    private final Persistence persistence;
    private final TransactionRunner tx;
    private final PluginSettingsStore settingsStore;
    private final HostJson json;
    private final Clock clock;
    private final ServiceRegistry services;
    private final Map<String, PluginRecord> records = new LinkedHashMap<>();
    private final Map<Class<?>, Object> extensionInstances = new ConcurrentHashMap<>();
    private final List<ApiEndpoint> endpoints = new ArrayList<>();
    private final List<EventListener> listeners = new ArrayList<>();
    private final List<ScheduledJob> jobs = new ArrayList<>();
    private final java.util.Set<String> listenerIds = new java.util.HashSet<>();
    private final java.util.Set<String> jobIds = new java.util.HashSet<>();
    private final List<ChatFlow> chatFlows = new ArrayList<>();
    private final List<WebEndpoint> webEndpoints = new ArrayList<>();
    private final java.util.Set<String> flowIds = new java.util.HashSet<>();
    private PluginManager manager;

    public PluginHost(Path pluginsDir, DataSource dataSource, Persistence persistence, TransactionRunner tx,
                      PluginSettingsStore settingsStore, HostJson json, Clock clock, ServiceRegistry services) {
        this.pluginsDir = pluginsDir;
        this.dataSource = dataSource;
        this.persistence = persistence;
        this.tx = tx;
        this.settingsStore = settingsStore;
        this.json = json;
        this.clock = clock;
        this.services = services;
    }

    public synchronized void loadAll() throws IOException {
        manager = new DefaultPluginManager(pluginsDir) {
            @Override
            protected PluginFactory createPluginFactory() {
                return PluginHost.this::createPlugin;
            }

            @Override
            protected ExtensionFactory createExtensionFactory() {
                return new ExtensionFactory() {
                    @Override
                    public <T> T create(Class<T> type) {
                        return createExtension(type);
                    }
                };
            }
        };
        for (Path jar : jars()) {
            PluginRecord r = new PluginRecord(jar);
            try {
                r.id = manager.loadPlugin(jar);
                r.wrapper = manager.getPlugin(r.id);
                r.version = r.wrapper.getDescriptor().getVersion();
                r.description = r.wrapper.getDescriptor().getPluginDescription();
            } catch (RuntimeException e) {
                r.fail("not a valid plugin jar", e);
                records.put(jar.getFileName().toString(), r);
                LOG.error("Plugin {} not loaded: {}", jar.getFileName(), r.error);
                continue;
            }
            if (!r.id.matches("[a-z][a-z0-9-]{1,40}")) {
                r.fail("plugin id must be lower-case letters, digits and -, 2-41 characters");
                records.put(r.id, r);
                continue;
            }
            records.put(r.id, r);
            if (declare(r) && configure(r)) {
                migrate(r);
            }
        }
        buildPersistence(candidates());
        List<PluginRecord> ready = candidates(); // mapping may have failed some
        for (PluginRecord r : ready) {
            start(r);
        }
        List<PluginRecord> started = records.values().stream().filter(PluginRecord::started).toList();
        if (started.size() != ready.size()) {
            buildPersistence(started); // drop the entities of plugins that failed to start
        }
        for (PluginRecord r : records.values()) {
            if (r.state == PluginState.STARTED) {
                LOG.info("Plugin {} {} started", r.id, r.version);
            } else {
                LOG.error("Plugin {} FAILED: {}", r.id, r.error);
            }
        }
    }

    private List<Path> jars() throws IOException {
        if (!Files.isDirectory(pluginsDir)) {
            LOG.warn("Plugins directory {} does not exist: no plugins loaded", pluginsDir);
            return List.of();
        }
        try (Stream<Path> s = Files.list(pluginsDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Plugins that passed every stage so far (load, declare, configure, migrate, mapping). */
    private List<PluginRecord> candidates() {
        return records.values().stream().filter(r -> r.error == null).toList();
    }

    private boolean declare(PluginRecord r) {
        try {
            List<PluginDeclaration> declarations = new ArrayList<>();
            for (Class<?> c : extensionClasses(r)) {
                if (PluginDeclaration.class.isAssignableFrom(c)) {
                    declarations.add((PluginDeclaration) c.getDeclaredConstructor().newInstance());
                }
            }
            if (declarations.size() > 1) {
                r.fail("declares " + declarations.size() + " PluginDeclaration extensions; at most one is allowed");
                return false;
            }
            r.declaration = declarations.isEmpty() ? new PluginDeclaration() { } : declarations.getFirst();
            r.schema = r.declaration.settingsSchema();
            r.context = new HostPluginContext(r.id, r.schema, settingsStore, tx, json, clock, services,
                    this::startedExtensions);
            return true;
        } catch (Exception | LinkageError e) {
            r.fail("declaration failed", e);
            return false;
        }
    }

    private boolean configure(PluginRecord r) {
        try {
            // Keys a newer plugin version no longer declares are ignored, not fatal.
            Map<String, String> stored = new java.util.HashMap<>(settingsStore.stored(r.id));
            stored.keySet().removeIf(k -> r.schema.find(k).isEmpty());
            Map<String, String> errors = SettingsValidation.errors(r.schema, stored);
            if (!errors.isEmpty()) {
                r.fail("invalid settings: " + errors + " (fix them on the Plugins page, then restart)");
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            r.fail("settings could not be read", e);
            return false;
        }
    }

    private void migrate(PluginRecord r) {
        try {
            Flyway.configure(r.classLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + r.id)
                    .table("flyway_history_" + r.id.replace('-', '_'))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            r.fail("migration failed", e);
        }
    }

    private void buildPersistence(Collection<PluginRecord> plugins) {
        List<Class<?>> entities = new ArrayList<>();
        List<ClassLoader> loaders = new ArrayList<>();
        for (PluginRecord r : plugins) {
            entities.addAll(r.declaration.entityClasses());
            loaders.add(r.classLoader());
        }
        try {
            persistence.rebuild(entities, loaders);
        } catch (RuntimeException e) {
            // One plugin's bad mapping must not take the others down: find it by building alone.
            LOG.warn("Entity mapping failed for the plugin set, checking each plugin: {}", e.toString());
            List<PluginRecord> good = new ArrayList<>();
            for (PluginRecord r : plugins) {
                try {
                    persistence.rebuild(r.declaration.entityClasses(), List.of(r.classLoader()));
                    good.add(r);
                } catch (RuntimeException single) {
                    r.fail("entity mapping failed", single);
                }
            }
            if (good.size() < plugins.size()) {
                buildPersistence(good);
            } else {
                throw e;
            }
        }
    }

    private void start(PluginRecord r) {
        try {
            org.pf4j.PluginState s = manager.startPlugin(r.id);
            if (s != org.pf4j.PluginState.STARTED) {
                Throwable failure = r.wrapper.getFailedException();
                if (failure != null) {
                    r.fail("start failed", failure);
                } else {
                    r.fail("start failed: plugin state " + s);
                }
                return;
            }
            List<ApiEndpoint> e = extensions(r, ApiEndpoint.class);
            List<EventListener> l = extensions(r, EventListener.class);
            List<ScheduledJob> j = extensions(r, ScheduledJob.class);
            List<ChatFlow> f = extensions(r, ChatFlow.class);
            List<WebEndpoint> w = extensions(r, WebEndpoint.class);
            checkIds(r, "chat flow", f.stream().map(ChatFlow::id).toList(), flowIds);
            List<io.loyaltyhub.api.plugin.PluginService> offered = extensions(r, io.loyaltyhub.api.plugin.PluginService.class);
            checkIds(r, "listener", l.stream().map(EventListener::id).toList(), listenerIds);
            checkIds(r, "job", j.stream().map(ScheduledJob::id).toList(), jobIds);
            listenerIds.addAll(l.stream().map(EventListener::id).toList());
            jobIds.addAll(j.stream().map(ScheduledJob::id).toList());
            offered.forEach(service -> services.registerPluginService(r.id, service));
            endpoints.addAll(e);
            listeners.addAll(l);
            jobs.addAll(j);
            chatFlows.addAll(f);
            webEndpoints.addAll(w);
            flowIds.addAll(f.stream().map(ChatFlow::id).toList());
            r.state = PluginState.STARTED;
        } catch (RuntimeException | LinkageError e) {
            r.fail("start failed", e);
            stopQuietly(r);
        }
    }

    /**
     * Listener and job ids key the exactly-once records and the cluster-wide schedule, so they must
     * be unique across plugins: each must start with its plugin's id and a dot.
     */
    private static void checkIds(PluginRecord r, String kind, List<String> ids, java.util.Set<String> taken) {
        java.util.Set<String> own = new java.util.HashSet<>();
        for (String id : ids) {
            if (id == null || !id.startsWith(r.id + ".") || !id.matches("[a-z0-9][a-z0-9.-]{2,99}")) {
                throw new IllegalStateException(kind + " id '" + id + "' must be '" + r.id
                        + ".<name>' (lower-case letters, digits, . and -, at most 100 characters)");
            }
            if (!own.add(id) || taken.contains(id)) {
                throw new IllegalStateException(kind + " id '" + id + "' is used twice");
            }
        }
    }

    private List<Class<?>> extensionClasses(PluginRecord r) throws ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        for (String name : manager.getExtensionClassNames(r.id)) {
            out.add(Class.forName(name, true, r.classLoader()));
        }
        return out;
    }

    private <T> List<T> extensions(PluginRecord r, Class<T> type) {
        try {
            List<T> out = new ArrayList<>();
            for (Class<?> c : extensionClasses(r)) {
                if (type.isAssignableFrom(c)) {
                    out.add(type.cast(createExtension(c)));
                }
            }
            return out;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("extension class missing: " + e.getMessage(), e);
        }
    }

    /** Plugin classes get their context through the constructor, if they take one. */
    private Plugin createPlugin(PluginWrapper wrapper) {
        PluginRecord r = records.get(wrapper.getPluginId());
        String className = wrapper.getDescriptor().getPluginClass();
        try {
            Class<?> c = wrapper.getPluginClassLoader().loadClass(className);
            if (!Plugin.class.isAssignableFrom(c)) {
                throw new IllegalStateException(className + " does not extend org.pf4j.Plugin");
            }
            return (Plugin) instantiate(c, r == null ? null : r.context);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("plugin class " + className + " not found in the jar", e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T createExtension(Class<T> type) {
        return (T) extensionInstances.computeIfAbsent(type, c -> {
            PluginWrapper owner = manager.whichPlugin(c);
            PluginRecord r = owner == null ? null : records.get(owner.getPluginId());
            Object root = owner != null && owner.getPlugin() instanceof io.loyaltyhub.api.plugin.PluginRoot<?> p
                    ? p.root() : null;
            return instantiate(c, r == null ? null : r.context, root);
        });
    }

    private static Object instantiate(Class<?> c, PluginContext context) {
        return instantiate(c, context, null);
    }

    /** Through the constructor that takes the plugin's root (docs/adr/0014), else its context, else none. */
    private static Object instantiate(Class<?> c, PluginContext context, Object root) {
        try {
            if (root != null) {
                for (Constructor<?> k : c.getConstructors()) {
                    if (k.getParameterCount() == 1 && k.getParameterTypes()[0].isInstance(root)
                            && k.getParameterTypes()[0] != Object.class) {
                        return k.newInstance(root);
                    }
                }
            }
            for (Constructor<?> k : c.getConstructors()) {
                if (k.getParameterCount() == 1 && k.getParameterTypes()[0] == PluginContext.class) {
                    return k.newInstance(context);
                }
            }
            return c.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.toString(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getName() + " needs a public constructor taking its plugin's root, "
                    + "PluginContext, or nothing", e);
        }
    }

    private void stopQuietly(PluginRecord r) {
        try {
            if (r.wrapper != null && r.wrapper.getPluginState() == org.pf4j.PluginState.STARTED) {
                manager.stopPlugin(r.id);
            }
        } catch (RuntimeException e) {
            LOG.warn("Plugin {} did not stop cleanly: {}", r.id, e.toString());
        }
    }

    public synchronized List<ApiEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public synchronized List<EventListener> listeners() {
        return List.copyOf(listeners);
    }

    public synchronized List<ScheduledJob> jobs() {
        return List.copyOf(jobs);
    }

    /** Public routes outside /api/v1 (e.g. the referral redirect). */
    public synchronized List<WebEndpoint> webEndpoints() {
        return List.copyOf(webEndpoints);
    }

    /** Extensions of {@code type} of every started plugin ({@link PluginContext#extensions}). */
    /** The extensions of {@code type} of started plugins, keyed by plugin id (in load order). */
    public synchronized <T> java.util.Map<String, List<T>> startedExtensionsByPlugin(Class<T> type) {
        java.util.Map<String, List<T>> out = new java.util.LinkedHashMap<>();
        for (PluginRecord r : records.values()) {
            if (r.state == PluginState.STARTED) {
                List<T> found = extensions(r, type);
                if (!found.isEmpty()) {
                    out.put(r.id, found);
                }
            }
        }
        return out;
    }

    public synchronized List<?> startedExtensions(Class<?> type) {
        List<Object> out = new ArrayList<>();
        for (PluginRecord r : records.values()) {
            if (r.state == PluginState.STARTED) {
                out.addAll(extensions(r, type));
            }
        }
        return out;
    }

    /** The conversations started plugins contribute. */
    public synchronized List<ChatFlow> chatFlows() {
        return List.copyOf(chatFlows);
    }

    synchronized List<PluginRecord> records() {
        return List.copyOf(records.values());
    }

    synchronized PluginRecord record(String id) {
        return records.get(id);
    }

    /** Stops started plugins one by one (PF4J's stopPlugins() can throw ConcurrentModificationException). */
    @Override
    public synchronized void close() {
        if (manager == null) {
            return;
        }
        List<PluginRecord> started = new ArrayList<>(records.values().stream().filter(PluginRecord::started).toList());
        java.util.Collections.reverse(started);
        for (PluginRecord r : started) {
            stopQuietly(r);
        }
        manager = null;
    }
}
