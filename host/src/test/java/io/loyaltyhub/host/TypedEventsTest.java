package io.loyaltyhub.host;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.loyalty.event.BillProcessed;
import io.loyaltyhub.api.loyalty.event.CustomerJoined;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Event records read what the map-based publishers wrote, ignore what they do not know, and write it back alike. */
class TypedEventsTest {
    private final HostJson json = new HostJson();

    @Test
    void anOldFormatRowReadsIntoItsRecord() {
        // exactly as LoyaltyServiceImpl wrote it before the records, plus a field from a newer publisher
        String stored = "{\"billNumber\":\"B-1\",\"customerId\":7,\"mobile\":\"+919845012345\",\"amount\":1000.50,"
                + "\"currency\":\"INR\",\"pointsEarned\":10,\"pointsPending\":10,\"billedAt\":\"2026-11-21T05:59:00Z\","
                + "\"affiliateCode\":\"ABC1234\",\"lines\":[{\"sku\":\"S1\",\"category\":\"toys\",\"quantity\":2,"
                + "\"amount\":400}],\"loyaltyTierAtBill\":\"GOLD\"}";
        BillProcessed b = json.readEvent(stored, BillProcessed.class); // how TypedListener reads stored events
        assertThat(b.billNumber()).isEqualTo("B-1");
        assertThat(b.amount()).isEqualByComparingTo("1000.50");
        assertThat(b.billedAt()).isEqualTo(Instant.parse("2026-11-21T05:59:00Z"));
        assertThat(b.lines()).singleElement().satisfies(l -> assertThat(l.category()).isEqualTo("toys"));
        assertThat(b.storeId()).isNull(); // not in old rows
        assertThat(b.balance()).isZero(); // a number the old rows lack reads as 0
    }

    @Test
    void aRecordIsWrittenUnderItsTypeWithTheFieldsListenersRead() {
        CustomerJoined j = new CustomerJoined(3, "+919845012345", "Asha", "en", "whatsapp", 100, null, "FRIEND1", false);
        assertThat(DomainEvent.typeOf(CustomerJoined.class)).isEqualTo("loyalty.customer-joined");
        String written = json.write(j);
        assertThat(written).contains("\"customerId\":3", "\"referralCode\":\"FRIEND1\"");
        assertThat(json.read(written, CustomerJoined.class)).isEqualTo(j);
    }
}
