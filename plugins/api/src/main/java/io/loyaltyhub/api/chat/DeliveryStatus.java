package io.loyaltyhub.api.chat;

/** Where an outbound message is. Only moves forward (a late "delivered" never undoes "read"). */
public enum DeliveryStatus {
    QUEUED,
    SENT,
    DELIVERED,
    READ,
    FAILED,
    /** Inbound messages: taken in and answered. */
    RECEIVED
}
