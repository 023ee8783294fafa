package io.loyaltyhub.bots.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.api.chat.WaTemplate;
import io.loyaltyhub.api.chat.WhatsAppTemplates;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Transactions;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link WhatsAppTemplates} over {@code chat_wa_template}: replaced as a whole by {@link #sync()} (Meta's list is the
 * truth), changed one by one by the {@code message_template_status_update} webhook.
 */
public final class TemplateCatalog implements WhatsAppTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final String COLUMNS = "name, language, status, category, parameter_format, parameters, body, "
            + "reason, updated_at";

    private final Transactions transactions;
    private final WhatsAppConfig config;
    private final GraphApiClient client;

    /** @param client null when the channel is off */
    public TemplateCatalog(Transactions transactions, WhatsAppConfig config, GraphApiClient client) {
        this.transactions = transactions;
        this.config = config;
        this.client = client;
    }

    @Override
    public List<WaTemplate> list() {
        return transactions.inTransaction(tx -> tx.sql().query("SELECT " + COLUMNS
                + " FROM chat_wa_template ORDER BY name, language", TemplateCatalog::row));
    }

    @Override
    public Optional<WaTemplate> find(String name, String language) {
        return transactions.inTransaction(tx -> tx.sql().one("SELECT " + COLUMNS
                + " FROM chat_wa_template WHERE name = ? AND language = ?", TemplateCatalog::row, name, language));
    }

    @Override
    public int sync() {
        if (client == null) {
            throw new IllegalStateException("The WhatsApp channel is off (" + config.missing().orElse("") + ").");
        }
        if (config.businessAccountId().isBlank()) {
            throw new IllegalStateException("Set whatsapp.business-account-id to read the message templates.");
        }
        List<JsonNode> remote;
        try {
            remote = client.templates(config.businessAccountId());
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the message templates: " + e.getMessage(), e);
        }
        List<WaTemplate> templates = remote.stream().map(TemplateCatalog::fromGraph).toList();
        transactions.run(tx -> {
            Instant now = tx.now();
            // an upsert: a reason the webhook gave stays while the status is the same
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (WaTemplate t : templates) {
                seen.add(t.name() + "\u0000" + t.language());
                tx.sql().update("INSERT INTO chat_wa_template (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON DUPLICATE KEY UPDATE reason = IF(status = VALUES(status), reason, NULL), "
                                + "status = VALUES(status), category = VALUES(category), "
                                + "parameter_format = VALUES(parameter_format), parameters = VALUES(parameters), "
                                + "body = VALUES(body), updated_at = VALUES(updated_at)",
                        t.name(), t.language(), t.status(), t.category(), t.parameterFormat(),
                        JSON.valueToTree(t.parameters()).toString(), t.body(), t.reason(), now);
            }
            for (WaTemplate gone : tx.sql().query("SELECT " + COLUMNS + " FROM chat_wa_template", TemplateCatalog::row)) {
                if (!seen.contains(gone.name() + "\u0000" + gone.language())) { // deleted in WhatsApp Manager
                    tx.sql().update("DELETE FROM chat_wa_template WHERE name = ? AND language = ?", gone.name(),
                            gone.language());
                }
            }
            return null;
        });
        return templates.size();
    }

    /**
     * Applies a status change Meta reported. Meta's events are mostly statuses; REINSTATED and UNFLAGGED mean approved
     * again, FLAGGED means still approved but at risk of a pause (the reason says so). A template not known yet is
     * noted with format UNKNOWN: its parameters are known only after a sync, and until then it is not sent.
     */
    void apply(SqlRunner sql, WebhookDelivery.TemplateUpdate u, Instant now) {
        String reason = u.reason() == null || u.reason().equals("NONE") ? null : cut(u.reason());
        String status = switch (u.event()) {
            case "REINSTATED", "UNFLAGGED" -> "APPROVED";
            case "FLAGGED" -> {
                reason = cut("flagged for low quality" + (reason == null ? "" : ": " + reason));
                yield "APPROVED";
            }
            default -> u.event();
        };
        int changed = sql.update("UPDATE chat_wa_template SET status = ?, reason = ?, updated_at = ? "
                + "WHERE name = ? AND language = ?", status, reason, now, u.name(), u.language());
        if (changed == 0) {
            sql.update("INSERT IGNORE INTO chat_wa_template (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    u.name(), u.language(), status, u.category() == null ? "" : u.category(), "UNKNOWN", "[]", "",
                    reason, now);
        }
    }

    /** One entry of Meta's {@code data} list. */
    static WaTemplate fromGraph(JsonNode t) {
        String body = "";
        for (JsonNode c : t.path("components")) {
            if (c.path("type").asText("").equalsIgnoreCase("BODY")) {
                body = c.path("text").asText("");
            }
        }
        String format = t.path("parameter_format").asText("POSITIONAL").toUpperCase(java.util.Locale.ROOT);
        String rejected = t.path("rejected_reason").asText("NONE");
        return new WaTemplate(t.path("name").asText(), t.path("language").asText(), t.path("status").asText(),
                t.path("category").asText(""), format.equals("NAMED") ? "NAMED" : "POSITIONAL", parameters(body),
                body, rejected.isBlank() || rejected.equals("NONE") ? null : rejected, null);
    }

    /** The body's placeholders in order of first appearance ({@code {{1}}} or {@code {{name}}}). */
    static List<String> parameters(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    private static WaTemplate row(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> params = new ArrayList<>();
        try {
            JSON.readTree(rs.getString("parameters")).forEach(n -> params.add(n.asText()));
        } catch (IOException e) {
            // an unreadable list is an empty one
        }
        return new WaTemplate(rs.getString("name"), rs.getString("language"), rs.getString("status"),
                rs.getString("category"), rs.getString("parameter_format"), params, rs.getString("body"),
                rs.getString("reason"), SqlRunner.instant(rs, "updated_at"));
    }

    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
