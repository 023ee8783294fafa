package io.loyaltyhub.plugins.notifications;

/**
 * What a save of a template says: the body and the WhatsApp mapping (null: none, so only free-form text inside the
 * 24-hour window).
 */
public record TemplateContent(String body, Trigger.Category category, WhatsAppMapping whatsapp) {
}
