package io.loyaltyhub.ui.internal;

import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.UiServices;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceInjectorTest {

    final StaffService staff = stub(StaffService.class);
    final PluginAdmin plugins = stub(PluginAdmin.class);
    final AuditLog audit = stub(AuditLog.class);
    final EventAdmin events = stub(EventAdmin.class);
    final LoyaltyService loyalty = stub(LoyaltyService.class);
    final UiServices services = new UiServices(staff, plugins, audit, events,
            registry(Map.of(LoyaltyService.class, loyalty)));
    final ServiceInjector injector = new ServiceInjector(services);

    /** A plugin service registry over a map, like the host's. */
    static PluginServices registry(Map<Class<?>, Object> map) {
        return new PluginServices() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return Optional.ofNullable(type.cast(map.get(type)));
            }
        };
    }

    public static class NeedsLoyalty {
        final LoyaltyService loyalty;
        final StaffService staff;
        final PluginServices pluginServices;

        public NeedsLoyalty(LoyaltyService loyalty, StaffService staff, PluginServices pluginServices) {
            this.loyalty = loyalty;
            this.staff = staff;
            this.pluginServices = pluginServices;
        }
    }

    public static class NeedsRewards {
        public NeedsRewards(LoyaltyService loyalty, RewardsService rewards) {
        }
    }

    public static class NoArgs {
    }

    public static class TwoServices {
        final PluginAdmin plugins;
        final EventAdmin events;

        public TwoServices() {
            this(null, null);
        }

        public TwoServices(PluginAdmin plugins, EventAdmin events) {
            this.plugins = plugins;
            this.events = events;
        }
    }

    public static class AllServices {
        final UiServices all;
        final StaffService staff;
        final AuditLog audit;

        public AllServices(UiServices all, StaffService staff, AuditLog audit) {
            this.all = all;
            this.staff = staff;
            this.audit = audit;
        }
    }

    public static class OtherParameter {
        public OtherParameter(String text) {
        }
    }

    public static class Ambiguous {
        public Ambiguous(StaffService s) {
        }

        public Ambiguous(AuditLog a) {
        }
    }

    public static class Failing {
        public Failing(StaffService s) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void injectsServicesThroughTheLargestServiceConstructor() {
        TwoServices two = injector.create(TwoServices.class).orElseThrow();
        assertThat(two.plugins).isSameAs(plugins);
        assertThat(two.events).isSameAs(events);

        AllServices all = injector.create(AllServices.class).orElseThrow();
        assertThat(all.all).isSameAs(services);
        assertThat(all.staff).isSameAs(staff);
        assertThat(all.audit).isSameAs(audit);
    }

    @Test
    void leavesOtherClassesToVaadin() {
        assertThat(injector.create(NoArgs.class)).isEmpty();
        assertThat(injector.create(OtherParameter.class)).isEmpty();
        assertThat(injector.create(Runnable.class)).isEmpty();
    }

    @Test
    void refusesAmbiguityAndPassesOnConstructorFailures() {
        assertThatThrownBy(() -> injector.create(Ambiguous.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("several");
        assertThatThrownBy(() -> injector.create(Failing.class)).isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }

    @Test
    void resolvesOtherInterfacesThroughThePluginServices() {
        NeedsLoyalty view = injector.create(NeedsLoyalty.class).orElseThrow();
        assertThat(view.loyalty).isSameAs(loyalty);
        assertThat(view.staff).isSameAs(staff);
        assertThat(view.pluginServices).isSameAs(services.pluginServices());
        assertThat(injector.missingPluginServices(NeedsLoyalty.class)).isEmpty();
        assertThat(ServiceInjector.pluginServiceTypes(NeedsLoyalty.class)).containsExactly(LoyaltyService.class);
        assertThat(ServiceInjector.pluginServiceTypes(TwoServices.class)).isEmpty();
    }

    @Test
    void aMissingPluginServiceIsNamedBeforeAndRefusedOnCreation() {
        assertThat(injector.missingPluginServices(NeedsRewards.class)).containsExactly(RewardsService.class);
        assertThat(ServiceInjector.missingPluginServices(NeedsRewards.class, PluginServices.none()))
                .containsExactly(LoyaltyService.class, RewardsService.class);
        assertThat(injector.missingPluginServices(NoArgs.class)).isEmpty();
        assertThatThrownBy(() -> injector.create(NeedsRewards.class))
                .isInstanceOfSatisfying(ServiceInjector.PluginServiceMissing.class,
                        e -> assertThat(e.missing()).containsExactly(RewardsService.class))
                .hasMessageContaining("RewardsService");
    }

    @Test
    void thePluginCanComeAndGoWhileTheUiRuns() {
        java.util.Map<Class<?>, Object> live = new java.util.HashMap<>();
        ServiceInjector dynamic = new ServiceInjector(new UiServices(staff, plugins, audit, events, registry(live)));
        assertThat(dynamic.missingPluginServices(NeedsLoyalty.class)).containsExactly(LoyaltyService.class);
        live.put(LoyaltyService.class, loyalty);
        assertThat(dynamic.create(NeedsLoyalty.class).orElseThrow().loyalty).isSameAs(loyalty);
    }

    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("toString")) {
                return type.getSimpleName();
            }
            if (m.getName().equals("hashCode")) {
                return System.identityHashCode(p);
            }
            if (m.getName().equals("equals")) {
                return p == a[0];
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }
}
