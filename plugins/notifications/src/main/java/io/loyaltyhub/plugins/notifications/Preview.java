package io.loyaltyhub.plugins.notifications;

import java.util.List;

/**
 * A template rendered with sample values, as the reader would see it.
 *
 * @param text     the free-form message (inside WhatsApp's 24-hour window, and on Telegram)
 * @param length   its length in characters; at most {@code limit}
 * @param whatsapp outside the window: the WhatsApp template message that goes instead, or null without a mapping
 * @param problems what would stop the template from being saved (unknown variables, length), empty when none
 */
public record Preview(String text, int length, int limit, WhatsAppPreview whatsapp, List<String> problems) {

    /** The template message: its name and language, and each body parameter with its name (NAMED) and value. */
    public record WhatsAppPreview(String name, String language, String status, List<Parameter> parameters) {
    }

    public record Parameter(String name, String value) {
    }
}
