package io.loyaltyhub.ui.security;

import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.ui.audit.AuditView;
import io.loyaltyhub.ui.dashboard.DashboardView;
import io.loyaltyhub.ui.events.EventsView;
import io.loyaltyhub.ui.plugins.PluginsView;
import io.loyaltyhub.ui.staff.StaffView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.loyaltyhub.ui.security.AccessRule.Decision.ALLOW;
import static io.loyaltyhub.ui.security.AccessRule.Decision.DENY;
import static io.loyaltyhub.ui.security.AccessRule.Decision.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

class AccessRuleTest {

    static final Actor ADMIN = Actor.staff(1, "alice", Role.ADMIN);
    static final Actor MANAGER = Actor.staff(2, "max", Role.MANAGER);
    static final Actor SUPPORT = Actor.staff(3, "sue", Role.SUPPORT);

    @RequiredScope("staff:write")
    static class StaffWriteView {
    }

    static class PlainView {
    }

    @Test
    void nobodyLoggedInGoesToLoginExceptForPublicViews() {
        assertThat(AccessRule.decide(LoginView.class, null)).isEqualTo(ALLOW);
        assertThat(AccessRule.decide(DashboardView.class, null)).isEqualTo(LOGIN);
        assertThat(AccessRule.decide(PlainView.class, null)).isEqualTo(LOGIN);
        assertThat(AccessRule.decide(AccessDeniedView.class, null)).isEqualTo(LOGIN);
    }

    @Test
    void scopeDecidesForLoggedInActors() {
        assertThat(AccessRule.decide(StaffWriteView.class, ADMIN)).isEqualTo(ALLOW);
        assertThat(AccessRule.decide(StaffWriteView.class, MANAGER)).isEqualTo(DENY);
        assertThat(AccessRule.decide(StaffView.class, MANAGER)).isEqualTo(DENY);
        assertThat(AccessRule.decide(StaffView.class, ADMIN)).isEqualTo(ALLOW);
        assertThat(AccessRule.decide(AuditView.class, SUPPORT)).isEqualTo(DENY);
        assertThat(AccessRule.decide(EventsView.class, SUPPORT)).isEqualTo(DENY);
        assertThat(AccessRule.decide(EventsView.class, MANAGER)).isEqualTo(ALLOW);
        assertThat(AccessRule.decide(PluginsView.class, SUPPORT)).isEqualTo(ALLOW);
        assertThat(AccessRule.decide(DashboardView.class, SUPPORT)).isEqualTo(ALLOW);
    }

    @Test
    void viewsWithoutScopeNeedOnlyALogin() {
        assertThat(AccessRule.decide(PlainView.class, SUPPORT)).isEqualTo(ALLOW);
        assertThat(AccessRule.decide(AccessDeniedView.class, SUPPORT)).isEqualTo(ALLOW);
    }

    @Test
    void apiKeyActorsFollowTheirScopes() {
        Actor key = Actor.apiKey(9, "ci", Set.of("staff:*"));
        assertThat(AccessRule.decide(StaffWriteView.class, key)).isEqualTo(ALLOW);
        assertThat(AccessRule.decide(AuditView.class, key)).isEqualTo(DENY);
    }

    /** Fail closed: a new view must say which scope it needs (or be listed here on purpose). */
    @Test
    void everyRouteDeclaresItsAccess() throws Exception {
        Set<Class<?>> loginOnly = Set.of(AccessDeniedView.class, PluginUnavailableView.class);
        List<Class<?>> routes = routeClasses();
        assertThat(routes).contains(LoginView.class, DashboardView.class, PluginsView.class, StaffView.class,
                AuditView.class, EventsView.class, AccessDeniedView.class, PluginUnavailableView.class,
                io.loyaltyhub.ui.customers.CustomersView.class, io.loyaltyhub.ui.customers.CustomerDetailView.class,
                io.loyaltyhub.ui.customers.LeaderboardView.class, io.loyaltyhub.ui.rewards.RewardsView.class,
                io.loyaltyhub.ui.rewards.VoucherCounterView.class, io.loyaltyhub.ui.rewards.CouponsView.class,
                io.loyaltyhub.ui.rules.RulesView.class, io.loyaltyhub.ui.rules.TiersView.class);
        for (Class<?> route : routes) {
            boolean declared = route.isAnnotationPresent(RequiredScope.class)
                    || route.isAnnotationPresent(PublicView.class) || loginOnly.contains(route);
            assertThat(declared).as("%s has @RequiredScope or @PublicView", route.getName()).isTrue();
            if (route.isAnnotationPresent(RequiredScope.class)) {
                assertThat(route.getAnnotation(RequiredScope.class).value()).as(route.getName())
                        .matches("[a-z]+:[a-z*]+");
            }
        }
        assertThat(routes.stream().filter(r -> r.isAnnotationPresent(PublicView.class)))
                .containsExactly(LoginView.class);
    }

    private static List<Class<?>> routeClasses() throws IOException, URISyntaxException {
        Path root = Path.of(AccessRule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(AccessRuleTest::load)
                    .filter(c -> c.isAnnotationPresent(Route.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AccessRuleTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
