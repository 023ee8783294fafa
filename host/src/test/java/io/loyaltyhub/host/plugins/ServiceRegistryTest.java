package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.plugin.PluginService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRegistryTest {
    interface Points extends PluginService {
        long balance(String mobile);
    }

    interface Unrelated {
    }

    static final class PointsImpl implements Points, Unrelated {
        @Override
        public long balance(String mobile) {
            return 42;
        }
    }

    @Test
    void pluginServicesAreFoundByTheirApiInterface() {
        ServiceRegistry registry = new ServiceRegistry();
        assertThat(registry.find(Points.class)).isEmpty();
        registry.registerPluginService("loyalty", new PointsImpl());
        assertThat(registry.find(Points.class)).get().extracting(p -> p.balance("+919800000000")).isEqualTo(42L);
        assertThat(registry.find(Unrelated.class)).isEmpty();
        assertThat(ServiceRegistry.serviceInterfaces(PointsImpl.class)).containsExactly(Points.class);
    }

    @Test
    void theFirstProviderWins() {
        ServiceRegistry registry = new ServiceRegistry();
        PointsImpl first = new PointsImpl();
        registry.registerPluginService("a", first);
        registry.registerPluginService("b", new PointsImpl());
        assertThat(registry.find(Points.class)).containsSame(first);
    }
}
