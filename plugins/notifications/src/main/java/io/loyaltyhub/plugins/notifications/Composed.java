package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.chat.Reply;

/**
 * A notification ready for the channel's queue.
 *
 * @param reply      what to send: the text, or the WhatsApp template outside the 24-hour window
 * @param fallback   inside the window, the approved template to send instead should the window close before it goes
 * @param asTemplate whether {@code reply} is the template
 */
record Composed(String userId, Reply reply, Reply.Template fallback, boolean asTemplate, String text,
                TemplateView template, Trigger.Category category) {
}
