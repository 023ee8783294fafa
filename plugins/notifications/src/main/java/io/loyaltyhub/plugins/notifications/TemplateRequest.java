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
public record TemplateRequest(String trigger, String language, String body, String category, WhatsAppTemplateRequest whatsapp) {

    /** @param parameters our variables in the order of the WhatsApp template's body parameters */
    public record WhatsAppTemplateRequest(String name, String language, List<String> parameters) {
    }

    /** @param current the category to keep when none is given (a change), or null (a new template: the trigger's) */
    TemplateContent content(Trigger trigger, Trigger.Category current) {
        Trigger.Category c;
        if (category == null || category.isBlank()) {
            c = current != null ? current : trigger.defaultCategory;
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
                : whatsapp.language().trim(), parameters());
        return new TemplateContent(body, c, m);
    }

    WhatsAppMapping mapping() {
        return whatsapp == null ? null : new WhatsAppMapping(whatsapp.name(), whatsapp.language(), parameters());
    }

    private java.util.List<String> parameters() {
        if (whatsapp.parameters() == null) {
            return java.util.List.of();
        }
        if (whatsapp.parameters().stream().anyMatch(p -> p == null || p.isBlank())) {
            throw io.loyaltyhub.api.common.Rejected.invalid("a parameter is empty",
                    java.util.Map.of("whatsapp.parameters", "must be variables, none empty"));
        }
        return whatsapp.parameters().stream().map(String::trim).toList();
    }
}
