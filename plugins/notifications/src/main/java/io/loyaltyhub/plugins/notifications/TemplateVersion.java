package io.loyaltyhub.plugins.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One saved version of a template, never changed (see {@code notify_template_version}). */
@Entity
@Table(name = "notify_template_version")
public class TemplateVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "template_id", nullable = false)
    private long templateId;

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

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Column(name = "saved_by", nullable = false, length = 100)
    private String savedBy;

    protected TemplateVersion() {
    }

    /** A copy of {@code t} as it is now. */
    TemplateVersion(TemplateView t) {
        this.templateId = t.id();
        this.version = t.version();
        this.body = t.body();
        this.waName = t.whatsapp() == null ? null : t.whatsapp().name();
        this.waLanguage = t.whatsapp() == null ? null : t.whatsapp().language();
        this.waCategory = t.category().name();
        this.waParams = t.whatsapp() == null ? "" : String.join(",", t.whatsapp().parameters());
        this.savedAt = t.updatedAt();
        this.savedBy = t.updatedBy();
    }

    VersionView view() {
        return new VersionView(version, body, waName, waLanguage, waCategory, waParams, savedAt, savedBy);
    }

    /** A saved version as the REST API and the editor's history show it. */
    public record VersionView(int version, String body, String whatsappName, String whatsappLanguage, String category,
                              String whatsappParameters, Instant savedAt, String savedBy) {
    }
}
