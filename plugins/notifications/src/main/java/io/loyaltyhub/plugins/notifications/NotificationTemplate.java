package io.loyaltyhub.plugins.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A template row (see {@code notify_template}); {@link TemplateView} is what leaves the plugin. */
@Entity
@Table(name = "notify_template")
public class NotificationTemplate {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trigger_id", nullable = false, length = 40)
    private String triggerId;

    @Column(nullable = false, length = 20)
    private String channel;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String body;

    @Column(name = "wa_name", length = 512)
    private String waName;

    @Column(name = "wa_language", length = 15)
    private String waLanguage;

    @Column(name = "wa_category", nullable = false, length = 20)
    private String waCategory;

    @Column(name = "wa_params", nullable = false, length = 1000)
    private String waParams = "";

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected NotificationTemplate() {
    }

    NotificationTemplate(Trigger trigger, String language, TemplateContent content, Instant at, String by) {
        this.triggerId = trigger.id;
        this.channel = trigger.channel();
        this.language = language;
        this.version = 0;
        change(content, at, by);
    }

    /** A new version with this content. */
    void change(TemplateContent content, Instant at, String by) {
        this.body = content.body();
        this.waName = content.whatsapp() == null ? null : content.whatsapp().name();
        this.waLanguage = content.whatsapp() == null ? null : content.whatsapp().language();
        this.waCategory = content.category().name();
        this.waParams = content.whatsapp() == null ? "" : String.join(",", content.whatsapp().parameters());
        this.version++;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    Long id() {
        return id;
    }

    int version() {
        return version;
    }

    TemplateView view() {
        Trigger trigger = Trigger.byId(triggerId).orElseThrow();
        WhatsAppMapping mapping = waName == null ? null : new WhatsAppMapping(waName, waLanguage,
                waParams.isBlank() ? java.util.List.of() : java.util.List.of(waParams.split(",")));
        return new TemplateView(id, trigger.id, channel, language, version, body, Trigger.Category.valueOf(waCategory),
                mapping, updatedAt, updatedBy);
    }
}
