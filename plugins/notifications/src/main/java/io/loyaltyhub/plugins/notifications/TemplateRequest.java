package io.loyaltyhub.plugins.notifications;

import java.util.List;

/**
 * A template as the REST API and the editor send it.
 *
 * @param trigger  e.g. {@code points-earned}; only when creating
 * @param language {@code en} or {@code hi}; only when creating
 * @param category UTILITY (default: the trigger's) or MARKETING
 * @param whatsapp the approved WhatsApp template for sends outside the 24-hour window; null: none
 */
public record TemplateRequest(String trigger, String language, String body, String category, Mapping whatsapp) {

    /** @param parameters our variables in the order of the WhatsApp template's body parameters */
    public record Mapping(String name, String language, List<String> parameters) {
    }

    TemplateContent content(Trigger trigger) {
        Trigger.Category c;
        if (category == null || category.isBlank()) {
            c = trigger.defaultCategory;
        } else {
            try {
                c = Trigger.Category.valueOf(category.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw io.loyaltyhub.api.common.Rejected.invalid("unknown category",
                        java.util.Map.of("category", "must be UTILITY or MARKETING"));
            }
        }
        WhatsAppMapping m = whatsapp == null || whatsapp.name() == null || whatsapp.name().isBlank() ? null
                : new WhatsAppMapping(whatsapp.name().trim(), whatsapp.language() == null ? null
                : whatsapp.language().trim(), whatsapp.parameters());
        return new TemplateContent(body, c, m);
    }

    WhatsAppMapping mapping() {
        return whatsapp == null ? null : new WhatsAppMapping(whatsapp.name(), whatsapp.language(), whatsapp.parameters());
    }
}
