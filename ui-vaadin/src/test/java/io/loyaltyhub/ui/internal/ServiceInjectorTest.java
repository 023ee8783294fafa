package io.loyaltyhub.ui.internal;

import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.ui.UiServices;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceInjectorTest {

    final StaffService staff = stub(StaffService.class);
    final PluginAdmin plugins = stub(PluginAdmin.class);
    final AuditLog audit = stub(AuditLog.class);
    final EventAdmin events = stub(EventAdmin.class);
    final UiServices services = new UiServices(staff, plugins, audit, events);
    final ServiceInjector injector = new ServiceInjector(services);

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
