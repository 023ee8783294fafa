package io.loyaltyhub.plugins.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The templates that ship with the plugin ({@code notifications/templates_<language>.properties}), one per trigger
 * and language. Each maps to a WhatsApp template named {@code loyalty_<trigger>} in the same language whose named
 * parameters are the body's variables in snake_case ({@code {{bill_number}}}): the retailer creates those in WhatsApp
 * Manager (see the README).
 */
final class ShippedTemplates {
    static final List<String> LANGUAGES = List.of("en", "hi");

    private ShippedTemplates() {
    }

    static Optional<TemplateContent> of(Trigger trigger, String language) {
        Properties p = load(language);
        String body = p.getProperty(trigger.id);
        if (body == null) {
            return Optional.empty();
        }
        WhatsAppMapping mapping = trigger.audience == Trigger.Audience.CUSTOMER
                ? new WhatsAppMapping(whatsappName(trigger), language, TemplateText.variables(body)) : null;
        return Optional.of(new TemplateContent(body, trigger.defaultCategory, mapping));
    }

    /** Our variable as a WhatsApp parameter name: Meta allows lower case letters, digits and _ ({@code bill_number}). */
    static String snake(String variable) {
        return variable.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** e.g. {@code loyalty_points_earned}: Meta allows lower case letters, digits and underscores. */
    static String whatsappName(Trigger trigger) {
        return "loyalty_" + trigger.id.replace('-', '_');
    }

    private static Properties load(String language) {
        Properties p = new Properties();
        try (InputStream in = ShippedTemplates.class.getResourceAsStream("/notifications/templates_" + language
                + ".properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
