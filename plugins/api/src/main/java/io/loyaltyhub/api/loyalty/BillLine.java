package io.loyaltyhub.api.loyalty;

import java.math.BigDecimal;

public record BillLine(String sku, String category, BigDecimal quantity, BigDecimal amount) {
}
