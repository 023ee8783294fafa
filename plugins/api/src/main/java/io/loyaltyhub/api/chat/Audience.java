package io.loyaltyhub.api.chat;

/** Who a conversation is with. Customers talk on WhatsApp, affiliates on Telegram; both on the simulator. */
public enum Audience {
    CUSTOMER,
    AFFILIATE
}
