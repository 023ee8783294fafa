package io.loyaltyhub.api.chat;

import org.pf4j.ExtensionPoint;

/**
 * A conversation a plugin contributes, e.g. the customers' loyalty menu. The engine calls
 * {@link #handle} for every message of a user of its {@link #audience()}, one at a time per
 * user, with the state stored after the previous turn. Replies must come from {@link ChatTurn#texts()}.
 */
public interface ChatFlow extends ExtensionPoint {

    /** Stable id starting with the plugin id, e.g. {@code loyalty.customer}. */
    String id();

    Audience audience();

    /** Base name of the message bundle in the flow's jar, e.g. {@code chat/customer} for {@code chat/customer_en.properties}. */
    String bundle();

    /**
     * Handles one message. Must not throw for bad input (answer with {@link ChatStep#stay});
     * an exception is logged and answered with a generic apology, leaving the state as it was.
     */
    ChatStep handle(ChatTurn turn);
}
