package io.loyaltyhub.testkit;

import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.plugin.JsonCodec;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginSettings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PluginContext} for unit tests: settings from a map (changeable), services and extensions the test adds,
 * and a fixed clock ({@link #NOW}, 21 Nov 2026, 11:30 IST). What a test did not provide fails with an
 * AssertionError naming it, so a test never passes by accident on a default.
 */
public class FakeContext implements PluginContext {
    public static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

    public final Map<String, String> settings;
    private final String pluginId;
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final Map<Class<?>, List<Object>> extensions = new HashMap<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private JsonCodec json;
    private Transactions transactions;

    public FakeContext(String pluginId, Map<String, String> settings) {
        this.pluginId = pluginId;
        this.settings = new HashMap<>(settings);
    }

    public FakeContext with(Class<?> type, Object service) {
        services.put(type, service);
        return this;
    }

    public FakeContext withExtension(Class<?> type, Object extension) {
        extensions.computeIfAbsent(type, t -> new ArrayList<>()).add(extension);
        return this;
    }

    public FakeContext withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public FakeContext withJson(JsonCodec json) {
        this.json = json;
        return this;
    }

    public FakeContext withTransactions(Transactions transactions) {
        this.transactions = transactions;
        return this;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public PluginSettings settings() {
        return new PluginSettings() {
            @Override
            public String string(String key) {
                String v = settings.get(key);
                if (v == null) {
                    throw new AssertionError("the test set no setting " + key);
                }
                return v;
            }

            @Override
            public long number(String key) {
                return Long.parseLong(string(key));
            }

            @Override
            public BigDecimal decimal(String key) {
                return new BigDecimal(string(key));
            }

            @Override
            public boolean flag(String key) {
                return Boolean.parseBoolean(string(key));
            }

            @Override
            public Duration duration(String key) {
                return Duration.parse(string(key));
            }

            @Override
            public Map<String, String> asMap() {
                return Map.copyOf(settings);
            }
        };
    }

    @Override
    public Transactions transactions() {
        if (transactions == null) {
            throw new AssertionError("the test gave no Transactions: the code under test should call services");
        }
        return transactions;
    }

    @Override
    public JsonCodec json() {
        if (json == null) {
            throw new AssertionError("the test gave no JsonCodec");
        }
        return json;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        return extensions.getOrDefault(type, List.of()).stream().map(type::cast).toList();
    }
}
