package io.loyaltyhub.host;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.PluginState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What operators alert on, on {@code /metrics}: event deliveries waiting and dead, plugins failed.
 * Read from the database at scrape time, so every instance reports the cluster's numbers.
 */
final class PlatformMetrics implements AutoCloseable {
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final List<Meter> meters = new ArrayList<>();

    /** Connectors' figures on top (the service exists once the channels are up). */
    void connectors(io.loyaltyhub.api.erp.ErpConnectors connectors) {
        gauge("loyalty.connectors.unhealthy", "ERP connectors failing in a row or lagging behind the threshold",
                () -> (long) connectors.unhealthy().size());
        gauge("loyalty.connectors.lag.max", "Seconds since the newest bill read by the most lagging running ERP connector",
                () -> connectors.list().stream().filter(c -> "RUNNING".equals(c.state()) && c.lagSeconds() != null)
                        .mapToLong(io.loyaltyhub.api.erp.ConnectorInfo::lagSeconds).max().orElse(0));
        gauge("loyalty.connectors.rejects.open", "Rows of ERP connectors waiting in the rejects queue",
                () -> connectors.list().stream().mapToLong(io.loyaltyhub.api.erp.ConnectorInfo::openRejects).sum());
    }

    PlatformMetrics(EventAdmin events, PluginAdmin plugins) {
        gauge("loyalty.events.pending", "Event deliveries not yet applied", events::backlog);
        gauge("loyalty.events.dead", "Event deliveries that gave up (dead letters)", events::deadLetterCount);
        gauge("loyalty.plugins.failed", "Plugins that failed to load or start",
                () -> plugins.list().stream().filter(p -> p.state() == PluginState.FAILED).count());
    }

    private void gauge(String name, String description, Supplier<Long> value) {
        // One server per registry in production; tests start several in a row, so replace, don't reuse.
        registry.remove(name, List.of());
        meters.add(Metrics.getOrCreate(Gauge.builder(name, value).description(description)));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
