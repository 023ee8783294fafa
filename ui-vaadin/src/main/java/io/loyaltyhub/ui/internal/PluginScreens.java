package io.loyaltyhub.ui.internal;

import com.vaadin.flow.component.Component;
import io.loyaltyhub.admin.AdminScreen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The screens started plugins bring ({@link AdminScreen}), by view class: the shell mounts them, makes their views
 * through them and takes their scope for the access rule. A screen whose route is invalid or taken is left out
 * (and said so), never the shell's own.
 */
public final class PluginScreens {
    private static final Logger LOG = LoggerFactory.getLogger(PluginScreens.class);

    private final Map<Class<?>, AdminScreen> byView = new LinkedHashMap<>();

    public PluginScreens(List<AdminScreen> screens, Set<String> takenRoutes) {
        Set<String> routes = new HashSet<>(takenRoutes);
        for (AdminScreen s : screens) {
            try {
                String route = s.route();
                if (route == null || !route.matches("[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)*") || !routes.add(route)) {
                    LOG.error("Admin screen {} of {}: route '{}' is invalid or taken; not mounted", s.title(),
                            s.getClass().getName(), route);
                    continue;
                }
                byView.put(s.view(), s);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Admin screen {} could not be read: {}", s.getClass().getName(), e.toString());
            }
        }
    }

    public List<AdminScreen> all() {
        return new ArrayList<>(byView.values());
    }

    public Optional<AdminScreen> of(Class<?> view) {
        return Optional.ofNullable(byView.get(view));
    }

    /** The scope a plugin view needs, if it is one. */
    public Optional<String> scopeOf(Class<?> view) {
        return of(view).map(AdminScreen::scope);
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> create(Class<T> type) {
        return of(type).map(s -> {
            Component c = s.create();
            return (T) c;
        });
    }
}
