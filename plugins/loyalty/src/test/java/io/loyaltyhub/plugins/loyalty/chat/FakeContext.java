package io.loyaltyhub.plugins.loyalty.chat;

import java.util.Map;

/** The testkit's context with this plugin's settings. */
class FakeContext extends io.loyaltyhub.testkit.FakeContext {
    FakeContext() {
        super("loyalty", Map.of(
            "time-zone", "Asia/Kolkata",
            "whatsapp-number", "",
            "referral-link", "https://wa.me/{number}?text=JOIN%20{code}"));
    }

    @Override
    public FakeContext with(Class<?> type, Object service) {
        super.with(type, service);
        return this;
    }
}
