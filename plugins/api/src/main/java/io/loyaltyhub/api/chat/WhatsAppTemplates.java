package io.loyaltyhub.api.chat;

import io.loyaltyhub.api.plugin.PluginService;

import java.util.List;
import java.util.Optional;

/**
 * The business account's WhatsApp message templates, read from the Graph API ({@code message_templates}) and kept
 * current by the {@code message_template_status_update} webhook.
 */
public interface WhatsAppTemplates extends PluginService {

    /** Every known template, by name and language. */
    List<WaTemplate> list();

    Optional<WaTemplate> find(String name, String language);

    /**
     * Reads the templates from Meta now and replaces the list.
     *
     * @return how many templates Meta has
     * @throws IllegalStateException with a readable reason when they cannot be read (channel off, no
     *                               {@code whatsapp.business-account-id}, Meta's error)
     */
    int sync();
}
