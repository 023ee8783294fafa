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
    long queue(io.loyaltyhub.api.data.Tx tx, String channel, String userId, Reply reply, Reply.Template fallback,
               String idempotencyKey);
}
