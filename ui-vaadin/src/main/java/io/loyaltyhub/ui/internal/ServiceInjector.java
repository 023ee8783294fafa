package io.loyaltyhub.ui.internal;

import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.UiServices;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Constructor injection for views. A public constructor whose parameters are all services is
 * called with them; the one with most parameters wins. Services are the platform ones
 * ({@link StaffService}, {@link PluginAdmin}, {@link AuditLog}, {@link EventAdmin},
 * {@link UiServices}, {@link PluginServices}) and, for the project's own classes
 * ({@code io.loyaltyhub.*}), any other interface, looked up in {@link PluginServices} when the
 * instance is created (e.g. {@code LoyaltyService}). Classes with only a no-arg constructor are
 * left to Vaadin ({@link Optional#empty()}).
 *
 * <p>A plugin service that is not there (its plugin failed or is stopped) makes {@link #create}
 * throw {@link PluginServiceMissing}; the access guard asks {@link #missingPluginServices} first and
 * shows a "plugin is not running" page instead.
 */
public final class ServiceInjector {

    private static final String OWN_PACKAGE = "io.loyaltyhub.";
    private static final Set<Class<?>> PLATFORM_TYPES = Set.of(UiServices.class, StaffService.class,
            PluginAdmin.class, AuditLog.class, EventAdmin.class, PluginServices.class);

    private final Map<Class<?>, Object> platform = new LinkedHashMap<>();
    private final PluginServices pluginServices;

    public ServiceInjector(UiServices ui) {
        platform.put(UiServices.class, ui);
        platform.put(StaffService.class, ui.staff());
        platform.put(PluginAdmin.class, ui.plugins());
        platform.put(AuditLog.class, ui.audit());
        platform.put(EventAdmin.class, ui.events());
        platform.put(PluginServices.class, ui.pluginServices());
        this.pluginServices = ui.pluginServices();
    }

    /** Thrown by {@link #create} when a constructor needs a plugin service no started plugin offers. */
    public static final class PluginServiceMissing extends IllegalStateException {
        private final transient List<Class<?>> missing;

        public PluginServiceMissing(Class<?> type, List<Class<?>> missing) {
            super(type.getName() + " needs " + missing.stream().map(Class::getName).toList()
                    + ", which no started plugin offers");
            this.missing = List.copyOf(missing);
        }

        public List<Class<?>> missing() {
            return missing;
        }
    }

    /** A new instance with services injected, or empty when a no-arg constructor should be used. */
    public <T> Optional<T> create(Class<T> type) {
        Constructor<?> best = serviceConstructor(type).orElse(null);
        if (best == null) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        List<Class<?>> missing = new ArrayList<>();
        for (Class<?> p : best.getParameterTypes()) {
            Object service = platform.containsKey(p) ? platform.get(p) : pluginServices.find(p).orElse(null);
            if (service == null) {
                missing.add(p);
            }
            args.add(service);
        }
        if (!missing.isEmpty()) {
            throw new PluginServiceMissing(type, missing);
        }
        try {
            return Optional.of(type.cast(best.newInstance(args.toArray())));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("could not create " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create " + type.getName(), e);
        }
    }

    /** The plugin services {@code type}'s service constructor needs that are not there now (usually none). */
    public List<Class<?>> missingPluginServices(Class<?> type) {
        return missingPluginServices(type, pluginServices);
    }

    /** The plugin services {@code type}'s service constructor needs that {@code services} does not have. */
    public static List<Class<?>> missingPluginServices(Class<?> type, PluginServices services) {
        return pluginServiceTypes(type).stream().filter(t -> services.find(t).isEmpty()).toList();
    }

    /** The plugin service types (not platform ones) that {@code type}'s service constructor takes. */
    public static List<Class<?>> pluginServiceTypes(Class<?> type) {
        return serviceConstructor(type)
                .map(c -> Arrays.stream(c.getParameterTypes()).filter(p -> !PLATFORM_TYPES.contains(p))
                        .distinct().toList())
                .orElse(List.of());
    }

    private static Optional<Constructor<?>> serviceConstructor(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.empty();
        }
        boolean own = type.getName().startsWith(OWN_PACKAGE);
        Constructor<?> best = null;
        boolean tie = false;
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 0 || !injectable(c, own)) {
                continue;
            }
            if (best == null || c.getParameterCount() > best.getParameterCount()) {
                best = c;
                tie = false;
            } else if (c.getParameterCount() == best.getParameterCount()) {
                tie = true;
            }
        }
        if (tie) {
            throw new IllegalStateException(type.getName()
                    + " has several service constructors with " + best.getParameterCount() + " parameters");
        }
        return Optional.ofNullable(best);
    }

    private static boolean injectable(Constructor<?> c, boolean own) {
        return Arrays.stream(c.getParameterTypes())
                .allMatch(p -> PLATFORM_TYPES.contains(p) || (own && p.isInterface() && !p.getName().startsWith("java.")));
    }
}
