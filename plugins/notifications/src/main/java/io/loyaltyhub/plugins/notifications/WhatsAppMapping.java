package io.loyaltyhub.plugins.notifications;

import java.util.List;

/**
 * The approved WhatsApp template a notification is sent as outside the 24-hour window.
 *
 * @param language   Meta's language code of the template, e.g. {@code en} or {@code hi}
 * @param parameters our variables, one per body parameter of the WhatsApp template, in its order (for a template
 *                   with {@code parameter_format: NAMED} they are its parameter names)
 */
public record WhatsAppMapping(String name, String language, List<String> parameters) {
    public WhatsAppMapping {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
