package io.loyaltyhub.api.chat;

/** Where an outbound message is. Only moves forward (a late "delivered" never undoes "read"). */
public enum DeliveryStatus {
    QUEUED,
    /** Held back by the channel (WhatsApp 131049, its per-user marketing limit): tried once more a day later. */
    HELD,
    SENT,
    DELIVERED,
    READ,
    FAILED,
    /** Inbound messages: taken in and answered. */
    RECEIVED
}
