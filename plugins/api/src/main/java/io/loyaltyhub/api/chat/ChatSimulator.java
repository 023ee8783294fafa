package io.loyaltyhub.api.chat;

import io.loyaltyhub.api.plugin.PluginService;

import java.util.List;

/**
 * Talks to the bots with no WhatsApp or Telegram account, through the same engine and flows.
 * Conversations are kept apart from real ones (channel {@code simulator}) but act on real data.
 */
public interface ChatSimulator extends PluginService {

    /** Sends a message as {@code userId} and returns the bot's replies, rendered channel-neutral. */
    List<Reply> send(Audience audience, String userId, Inbound input);
}
