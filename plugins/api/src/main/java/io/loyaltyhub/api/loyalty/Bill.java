package io.loyaltyhub.api.loyalty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A bill from the ERP or POS. Field names are a public contract (REST, ERP mappings).
 *
 * @param billNumber unique per retailer; also the idempotency key of posting it
 * @param billedAt   with offset, as the store's clock said
 * @param currency   ISO 4217
 */
public record Bill(String billNumber, String storeId, OffsetDateTime billedAt, String customerMobile,
                   String customerName, BigDecimal amount, String currency, List<BillLine> lines,
                   String couponCode, String affiliateCode) {
}
