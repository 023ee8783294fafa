package io.loyaltyhub.api.chat;

import java.util.Map;

/**
 * One message from the user, with the conversation as it stood before it.
 *
 * @param messageId unique per message and channel; use it (e.g. {@code "chat:" + messageId}) as the
 *                  idempotency key of anything the turn changes, because a turn can run again after a
 *                  crash or a second instance
 * @param step      where the conversation is; empty for a new conversation
 * @param data      what earlier steps remembered (small strings only)
 * @param intent    a global keyword recognised by the engine, or {@link Intent#NONE}
 * @param texts     the flow's texts in the conversation's language
 */
public record ChatTurn(ChatUser user, String messageId, Inbound input, Intent intent, String step,
                       Map<String, String> data, Texts texts) {
    public ChatTurn {
        data = Map.copyOf(data);
        step = step == null ? "" : step;
    }

    public String language() {
        return texts.language();
    }

    public boolean isNewConversation() {
        return step.isEmpty();
    }
}
