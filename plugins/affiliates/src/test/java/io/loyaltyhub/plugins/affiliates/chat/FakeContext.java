package io.loyaltyhub.plugins.affiliates.chat;

import java.util.Map;

/** The testkit's context with this plugin's settings. */
class FakeContext extends io.loyaltyhub.testkit.FakeContext {
    FakeContext() {
        super("affiliates", Map.of(
            "public-base-url", "https://aff.example",
            "fallback-url", "https://shop.example.com/",
            "currency", "INR",
            "default-region", "IN"));
    }

    @Override
    public FakeContext with(Class<?> type, Object service) {
        super.with(type, service);
        return this;
    }
}
