package io.loyaltyhub.api.chat;

import java.time.Instant;

/**
 * One message in the log, either way.
 *
 * @param summary    readable content: the text, "[buttons] ..." or "[template] name"
 * @param errorCode  the channel's error code when it failed (e.g. WhatsApp 131047), else null
 * @param tag        what sent it, for outbound messages that are not replies (e.g. {@code points-earned v3}); else null
 */
public record ChatMessage(long id, String channel, String userId, Direction direction, String summary,
                          DeliveryStatus status, String errorCode, String errorTitle, Instant at, Instant statusAt,
                          String tag) {
}
