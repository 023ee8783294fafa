package io.loyaltyhub.ui.security;

import io.loyaltyhub.api.platform.Actor;

/**
 * Who may open which view. {@link PublicView}: anyone. Otherwise a logged-in actor is needed, and
 * for a view with {@link RequiredScope} an actor that {@link Actor#may may} use that scope. Views
 * with neither annotation (the access-denied view, Vaadin's error views) need a login only.
 */
public final class AccessRule {

    public enum Decision {
        /** Show the view. */
        ALLOW,
        /** Nobody is logged in: go to the login view. */
        LOGIN,
        /** Logged in, but the role does not grant the scope: show "access denied", never the view. */
        DENY
    }

    private AccessRule() {
    }

    /** @param actor the logged-in actor, or null */
    public static Decision decide(Class<?> view, Actor actor) {
        return decide(view, actor, java.util.Optional.empty());
    }

    /** @param pluginScope the scope a plugin's screen declares (its view has no annotation) */
    public static Decision decide(Class<?> view, Actor actor, java.util.Optional<String> pluginScope) {
        if (view.isAnnotationPresent(PublicView.class)) {
            return Decision.ALLOW;
        }
        if (actor == null) {
            return Decision.LOGIN;
        }
        RequiredScope annotated = view.getAnnotation(RequiredScope.class);
        String scope = annotated != null ? annotated.value() : pluginScope.orElse(null);
        if (scope == null) {
            return Decision.ALLOW;
        }
        return actor.may(scope) ? Decision.ALLOW : Decision.DENY;
    }

    /** Whether {@code actor} (null: nobody) may open {@code view}. */
    public static boolean mayOpen(Class<?> view, Actor actor) {
        return decide(view, actor) == Decision.ALLOW;
    }
}
