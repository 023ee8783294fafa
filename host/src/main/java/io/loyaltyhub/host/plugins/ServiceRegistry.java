package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.plugin.PluginService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Services by the api interface they implement: the host's own and those plugins offer. */
public final class ServiceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    public <T> void register(Class<T> type, T implementation) {
        services.putIfAbsent(type, implementation);
    }

    /** Registers a plugin's service under every interface of it that extends {@link PluginService}. */
    void registerPluginService(String pluginId, PluginService service) {
        for (Class<?> type : serviceInterfaces(service.getClass())) {
            Object previous = services.putIfAbsent(type, service);
            if (previous != null && previous != service) {
                LOG.warn("Plugin {} offers {} too; keeping the one of {}", pluginId, type.getName(),
                        previous.getClass().getName());
            }
        }
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    static Set<Class<?>> serviceInterfaces(Class<?> implementation) {
        Set<Class<?>> out = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c = implementation; c != null; c = c.getSuperclass()) {
            todo.addAll(java.util.List.of(c.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> i = todo.pop();
            if (i != PluginService.class && PluginService.class.isAssignableFrom(i) && out.add(i)) {
                todo.addAll(java.util.List.of(i.getInterfaces()));
            }
        }
        return out;
    }
}
