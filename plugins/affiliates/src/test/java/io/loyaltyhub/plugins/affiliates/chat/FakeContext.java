package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.plugin.JsonCodec;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginSettings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A PluginContext with the services the chat uses, the plugin's settings and a fixed clock (21 Nov 2026, 11:30 IST). */
class FakeContext implements PluginContext {
    static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

    final Map<String, String> settings = new HashMap<>(Map.of(
            "public-base-url", "https://aff.example",
            "fallback-url", "https://shop.example.com/",
            "currency", "INR",
            "default-region", "IN"));
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    FakeContext with(Class<?> type, Object service) {
        services.put(type, service);
        return this;
    }

    @Override
    public String pluginId() {
        return "affiliates";
    }

    @Override
    public PluginSettings settings() {
        return new PluginSettings() {
            @Override
            public String string(String key) {
                String v = settings.get(key);
                if (v == null) {
                    throw new IllegalArgumentException("no setting " + key);
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
                throw new AssertionError("duration is not used by the code under test");
            }

            @Override
            public Map<String, String> asMap() {
                return Map.copyOf(settings);
            }
        };
    }

    @Override
    public Transactions transactions() {
        throw new AssertionError("the chat flow calls services, not the database");
    }

    @Override
    public JsonCodec json() {
        throw new AssertionError("json is not used by the code under test");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
