package io.loyaltyhub.ui.audit;

import io.loyaltyhub.api.platform.AuditQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AuditFilterTest {

    @Test
    void blankFieldsMeanAny() {
        AuditFilter filter = new AuditFilter();
        filter.setActor("  ");
        AuditQuery query = filter.toQuery(ZoneOffset.UTC);
        assertThat(query).isEqualTo(new AuditQuery(null, null, null, null, AuditFilter.LIMIT));
    }

    @Test
    void datesAreWholeDaysInTheZone() {
        AuditFilter filter = new AuditFilter();
        filter.setActor(" staff:alice ");
        filter.setEntityType("plugin");
        filter.setFrom(LocalDate.of(2025, 3, 1));
        filter.setTo(LocalDate.of(2025, 3, 1));
        AuditQuery query = filter.toQuery(ZoneId.of("Europe/Berlin"));
        assertThat(query.actor()).isEqualTo("staff:alice");
        assertThat(query.entityType()).isEqualTo("plugin");
        assertThat(query.from()).isEqualTo(Instant.parse("2025-02-28T23:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2025-03-01T23:00:00Z"));
    }
}
