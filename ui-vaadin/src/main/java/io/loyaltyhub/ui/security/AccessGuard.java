package io.loyaltyhub.ui.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import io.loyaltyhub.api.platform.Actor;

import java.util.List;
import java.util.function.Function;

/**
 * Runs before every navigation (added to each UI when it is created, before the view is created)
 * and applies the {@link AccessRule}: to the login view when nobody is logged in, to "access
 * denied" (keeping the address) when the role lacks the view's scope. A view allowed but needing
 * a plugin service that no started plugin offers goes to {@link PluginUnavailableView}.
 */
public class AccessGuard implements BeforeEnterListener {

    /** Session attribute: where to go after logging in. */
    static final String AFTER_LOGIN = "loyalty.afterLogin";

    private final transient Function<Class<?>, List<Class<?>>> missingServices;
    private final transient Function<Class<?>, java.util.Optional<String>> pluginScope;

    /**
     * @param missingServices the plugin services a view needs that are not there now
     * @param pluginScope     the scope of a plugin's screen (plugin views carry no annotation)
     */
    public AccessGuard(Function<Class<?>, List<Class<?>>> missingServices,
                       Function<Class<?>, java.util.Optional<String>> pluginScope) {
        this.missingServices = missingServices;
        this.pluginScope = pluginScope;
    }

    public AccessGuard(Function<Class<?>, List<Class<?>>> missingServices) {
        this(missingServices, view -> java.util.Optional.empty());
    }

    public AccessGuard() {
        this(view -> List.of());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        Actor actor = CurrentActor.get().orElse(null);
        switch (AccessRule.decide(target, actor, pluginScope.apply(target))) {
            case ALLOW -> {
                List<Class<?>> missing = missingServices.apply(target);
                if (!missing.isEmpty()) {
                    event.rerouteTo(PluginUnavailableView.class,
                            new RouteParameters("plugin", PluginUnavailableView.pluginName(missing.getFirst())));
                }
            }
            case LOGIN -> {
                VaadinSession session = VaadinSession.getCurrent();
                if (session != null) {
                    session.setAttribute(AFTER_LOGIN, event.getLocation().getPathWithQueryParameters());
                }
                event.forwardTo(LoginView.class);
            }
            case DENY -> event.rerouteTo(AccessDeniedView.class);
        }
    }
}
