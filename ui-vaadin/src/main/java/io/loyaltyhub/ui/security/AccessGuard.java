package io.loyaltyhub.ui.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.VaadinSession;
import io.loyaltyhub.api.platform.Actor;

/**
 * Runs before every navigation (added to each UI when it is created) and applies the
 * {@link AccessRule}: to the login view when nobody is logged in, to "access denied" (keeping the
 * address) when the role lacks the view's scope.
 */
public class AccessGuard implements BeforeEnterListener {

    /** Session attribute: where to go after logging in. */
    static final String AFTER_LOGIN = "loyalty.afterLogin";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        Actor actor = CurrentActor.get().orElse(null);
        switch (AccessRule.decide(target, actor)) {
            case ALLOW -> {
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
