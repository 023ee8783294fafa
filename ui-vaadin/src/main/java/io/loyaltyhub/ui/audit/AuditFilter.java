package io.loyaltyhub.ui.audit;

import io.loyaltyhub.api.platform.AuditQuery;

import java.time.LocalDate;
import java.time.ZoneId;

/** The audit log filter as typed: blank means "any", dates are whole days (both inclusive). */
public class AuditFilter {

    /** Entries shown at most. */
    public static final int LIMIT = 500;

    private String actor = "";
    private String entityType = "";
    private LocalDate from;
    private LocalDate to;

    /** The query: from the start of {@code from} to the start of the day after {@code to}, in {@code zone}. */
    public AuditQuery toQuery(ZoneId zone) {
        return new AuditQuery(blankToNull(actor), blankToNull(entityType),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                LIMIT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
