package io.loyaltyhub.plugins.loyalty.chat;

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

/** A PluginContext with the two services, a few settings and a fixed clock. */
class FakeContext implements PluginContext {
    final Map<String, String> settings = new HashMap<>(Map.of(
            "time-zone", "Asia/Kolkata",
            "whatsapp-number", "",
            "referral-link", "https://wa.me/{number}?text=JOIN%20{code}"));
    private final Map<Class<?>, Object> services = new HashMap<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);

    FakeContext with(Class<?> type, Object service) {
        services.put(type, service);
        return this;
    }

    @Override
    public String pluginId() {
        return "loyalty";
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
