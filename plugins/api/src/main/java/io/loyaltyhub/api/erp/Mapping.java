package io.loyaltyhub.api.erp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How an instance's source columns become bill fields.
 *
 * @param columns      bill field to the source's column name (case-insensitive); an unmapped optional field is empty
 * @param dateFormat   a {@link java.time.format.DateTimeFormatter} pattern for dates given as text (e.g.
 *                     {@code dd/MM/yyyy HH:mm}); blank: ISO-8601
 * @param timeZone     the zone of dates without an offset (the store's clock), e.g. {@code Asia/Kolkata}
 * @param amountScale  amounts in the source are in units of 10^-scale (2: paise as whole numbers); 0: as they are
 * @param currency     the currency when no column gives one (ISO 4217)
 * @param storeId      the store when no column gives one (one instance per store database); may be blank
 * @param returnValues values of the {@link BillField#ROW_TYPE} column that mean a return or cancellation
 */
public record Mapping(Map<BillField, String> columns, String dateFormat, String timeZone, int amountScale,
                      String currency, String storeId, List<String> returnValues) {

    public Mapping {
        EnumMap<BillField, String> copy = new EnumMap<>(BillField.class);
        if (columns != null) {
            columns.forEach((f, c) -> {
                if (c != null && !c.isBlank()) {
                    copy.put(f, c.trim());
                }
            });
        }
        columns = Collections.unmodifiableMap(copy);
        dateFormat = dateFormat == null ? "" : dateFormat.trim();
        timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Kolkata" : timeZone.trim();
        currency = currency == null || currency.isBlank() ? "INR" : currency.trim().toUpperCase(java.util.Locale.ROOT);
        storeId = storeId == null ? "" : storeId.trim();
        returnValues = returnValues == null || returnValues.isEmpty() ? List.of("RETURN", "CANCEL", "CANCELLED")
                : List.copyOf(returnValues);
    }

    public static Mapping defaults(Map<BillField, String> columns) {
        return new Mapping(columns, "", "Asia/Kolkata", 0, "INR", "", List.of());
    }

    /** The column a field is read from, if mapped. */
    public java.util.Optional<String> column(BillField field) {
        return java.util.Optional.ofNullable(columns.get(field));
    }
}
