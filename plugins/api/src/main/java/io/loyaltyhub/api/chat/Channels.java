package io.loyaltyhub.api.chat;

import io.loyaltyhub.api.plugin.PluginService;

import java.util.List;

/** The channels and a way to message users on them (notifications, broadcasts). */
public interface Channels extends PluginService {

    List<ChannelStatus> status();

    /**
     * Queues a message; it is sent once, in order per user, within the channel's rate limits.
     *
     * @param idempotencyKey the same key again queues nothing (returns the first message's id)
     * @param fallback       sent instead if the user is outside WhatsApp's 24-hour window; may be null
     * @return the message id in the log
     */
    long send(String channel, String userId, Reply reply, Reply.Template fallback, String idempotencyKey);

    /**
     * Like {@link #send}, inside the caller's transaction: the message is queued only if it commits
     * (an event listener telling a user about the event it applies, exactly once).
     */
    default long queue(io.loyaltyhub.api.data.Tx tx, String channel, String userId, Reply reply,
                       Reply.Template fallback, String idempotencyKey) {
        return queue(tx, channel, userId, reply, fallback, idempotencyKey, null);
    }

    /**
     * Like {@link #queue(io.loyaltyhub.api.data.Tx, String, String, Reply, Reply.Template, String)}, with a tag the
     * message history shows (what sent it, e.g. {@code points-earned v3}).
     *
     * @return the message id, or 0 when the channel is off (nothing queued)
     */
    long queue(io.loyaltyhub.api.data.Tx tx, String channel, String userId, Reply reply, Reply.Template fallback,
               String idempotencyKey, String tag);

    /** When the user last wrote on the channel (WhatsApp's 24-hour customer-service window starts there). */
    java.util.Optional<java.time.Instant> lastInbound(String channel, String userId);

    /** Whether the channel is configured and sending. */
    boolean enabled(String channel);
}
