package io.loyaltyhub.api.chat;

import java.time.Instant;
import java.util.List;

/**
 * A WhatsApp message template as Meta last reported it.
 *
 * @param language        Meta's code, e.g. {@code en}, {@code en_US}, {@code hi}
 * @param status          APPROVED, PENDING, REJECTED, PAUSED, DISABLED, ... (Meta's words)
 * @param category        UTILITY, MARKETING or AUTHENTICATION
 * @param parameterFormat NAMED or POSITIONAL
 * @param parameters      the body's parameters in order: names for NAMED, "1", "2", ... for POSITIONAL
 * @param body            the body text with its {{placeholders}}
 * @param reason          Meta's reason for the last change (rejections, pauses), or null
 */
public record WaTemplate(String name, String language, String status, String category, String parameterFormat,
                         List<String> parameters, String body, String reason, Instant updatedAt) {
    public WaTemplate {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    public boolean approved() {
        return "APPROVED".equals(status);
    }

    public boolean named() {
        return "NAMED".equals(parameterFormat);
    }
}
