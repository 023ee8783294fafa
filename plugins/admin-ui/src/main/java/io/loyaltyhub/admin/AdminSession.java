package io.loyaltyhub.admin;

import com.vaadin.flow.server.VaadinSession;
import io.loyaltyhub.api.platform.Actor;

import java.util.Optional;

/** Who is logged in to the admin UI, for plugin screens (the shell keeps the actor in the Vaadin session). */
public final class AdminSession {
    private AdminSession() {
    }

    public static Optional<Actor> actor() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Actor.class));
    }

    /** The logged-in actor; the shell opens plugin screens only for one. */
    public static Actor require() {
        return actor().orElseThrow(() -> new IllegalStateException("nobody is logged in"));
    }

    public static boolean may(String scope) {
        return actor().map(a -> a.may(scope)).orElse(false);
    }
}
