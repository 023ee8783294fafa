package io.loyaltyhub.ui.internal;

import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.StaffService;
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

/**
 * Constructor injection for views: a public constructor whose parameters are all platform
 * services ({@link StaffService}, {@link PluginAdmin}, {@link AuditLog}, {@link EventAdmin},
 * {@link UiServices}) is called with them; the one with most parameters wins. Classes with only a
 * no-arg constructor are left to Vaadin ({@link Optional#empty()}).
 */
public final class ServiceInjector {

    private final Map<Class<?>, Object> services = new LinkedHashMap<>();

    public ServiceInjector(UiServices ui) {
        services.put(UiServices.class, ui);
        services.put(StaffService.class, ui.staff());
        services.put(PluginAdmin.class, ui.plugins());
        services.put(AuditLog.class, ui.audit());
        services.put(EventAdmin.class, ui.events());
    }

    /** A new instance with services injected, or empty when a no-arg constructor should be used. */
    public <T> Optional<T> create(Class<T> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.empty();
        }
        Constructor<?> best = null;
        boolean tie = false;
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 0 || !injectable(c)) {
                continue;
            }
            if (best == null || c.getParameterCount() > best.getParameterCount()) {
                best = c;
                tie = false;
            } else if (c.getParameterCount() == best.getParameterCount()) {
                tie = true;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (tie) {
            throw new IllegalStateException(type.getName()
                    + " has several service constructors with " + best.getParameterCount() + " parameters");
        }
        List<Object> args = new ArrayList<>();
        for (Class<?> p : best.getParameterTypes()) {
            args.add(services.get(p));
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

    private boolean injectable(Constructor<?> c) {
        return Arrays.stream(c.getParameterTypes()).allMatch(services::containsKey);
    }
}
