package io.loyaltyhub.ui.security;

import com.vaadin.flow.server.VaadinSession;
import io.loyaltyhub.api.platform.Actor;

import java.util.Optional;

/** The logged-in actor, kept in the {@link VaadinSession} (one per HTTP session). */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Actor.class));
    }

    /** The logged-in actor; views behind the {@link AccessGuard} always have one. */
    public static Actor require() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
    }

    /** Whether the logged-in actor may use {@code scope}; false when nobody is logged in. */
    public static boolean may(String scope) {
        return get().map(a -> a.may(scope)).orElse(false);
    }

    static void set(VaadinSession session, Actor actor) {
        session.setAttribute(Actor.class, actor);
    }
}
