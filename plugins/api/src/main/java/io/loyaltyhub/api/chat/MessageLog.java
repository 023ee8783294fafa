package io.loyaltyhub.api.chat;

import io.loyaltyhub.api.plugin.PluginService;

import java.util.List;

/** The message history, for the admin UI and the REST API. */
public interface MessageLog extends PluginService {

    /** Both directions, on every channel, for a user id (a mobile number for customers); newest first. */
    List<ChatMessage> history(String userId, int limit);

    /** Outbound messages by id (those that exist), for callers that track what they queued. */
    List<ChatMessage> outbound(java.util.Collection<Long> ids);
}
