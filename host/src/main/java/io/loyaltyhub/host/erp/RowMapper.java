package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.SourceRow;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillLine;
import io.loyaltyhub.api.loyalty.Birthday;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a source row into a bill, a reversal or a customer with an instance's {@link Mapping}: column names are
 * matched without regard to case, dates read with the mapping's format and zone, amounts scaled. Every problem of a
 * row is named (not only the first), so one fix of the data or the mapping clears it. Pure: no database.
 */
final class RowMapper {
    private final Mapping mapping;
    private final ZoneId zone;
    private final DateTimeFormatter format;

    RowMapper(Mapping mapping) {
        this.mapping = mapping;
        this.zone = ZoneId.of(mapping.timeZone());
        this.format = mapping.dateFormat().isBlank() ? null : new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(mapping.dateFormat()).parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                .toFormatter(Locale.ENGLISH);
    }

    /** Checks that the mapping can work at all (a zone and a date pattern that parse); throws with the reason. */
    static Map<String, String> problems(Mapping mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            ZoneId.of(mapping.timeZone());
        } catch (DateTimeException e) {
            out.put("timeZone", "not a time zone: " + mapping.timeZone() + " (e.g. Asia/Kolkata)");
        }
        if (!mapping.dateFormat().isBlank()) {
            try {
                DateTimeFormatter.ofPattern(mapping.dateFormat());
            } catch (IllegalArgumentException e) {
                out.put("dateFormat", "not a date pattern: " + e.getMessage());
            }
        }
        if (mapping.amountScale() < 0 || mapping.amountScale() > 6) {
            out.put("amountScale", "must be between 0 and 6");
        }
        try {
            Currency.getInstance(mapping.currency());
        } catch (IllegalArgumentException e) {
            out.put("currency", "not a currency code: " + mapping.currency());
        }
        for (BillField f : List.of(BillField.BILL_NUMBER, BillField.BILLED_AT, BillField.CUSTOMER_MOBILE,
                BillField.AMOUNT)) {
            if (mapping.column(f).isEmpty()) {
                out.put("columns." + f.name(), f.label() + " must be mapped to a column");
            }
        }
        return out;
    }

    MappedRow map(SourceRow row) {
        return switch (row.kind()) {
            case BILL -> bill(row);
            case RETURN -> reversal(row);
            case CUSTOMER -> customer(row);
        };
    }

    /** The row's mapped fields as text (a preview shows them). */
    Map<BillField, String> fields(SourceRow row) {
        Map<BillField, String> out = new EnumMap<>(BillField.class);
        for (BillField f : mapping.columns().keySet()) {
            if (!f.line()) {
                Object v = value(row.values(), f);
                if (v != null) {
                    out.put(f, String.valueOf(v));
                }
            }
        }
        return out;
    }

    private MappedRow bill(SourceRow row) {
        Map<BillField, String> problems = new EnumMap<>(BillField.class);
        Map<String, Object> v = row.values();
        String number = text(v, BillField.BILL_NUMBER);
        if (number == null) {
            problems.put(BillField.BILL_NUMBER, "missing");
        } else if (number.length() > 64) {
            problems.put(BillField.BILL_NUMBER, "longer than 64 characters");
        }
        OffsetDateTime billedAt = date(v, BillField.BILLED_AT, problems);
        String mobile = text(v, BillField.CUSTOMER_MOBILE);
        if (mobile == null) {
            problems.put(BillField.CUSTOMER_MOBILE, "missing");
        }
        BigDecimal amount = amount(v, BillField.AMOUNT, problems, true);
        String currency = currency(v, problems);
        List<BillLine> lines = new ArrayList<>();
        if (mapping.column(BillField.LINE_AMOUNT).isPresent()) {
            for (Map<String, Object> line : row.lines()) {
                BigDecimal lineAmount = amount(line, BillField.LINE_AMOUNT, problems, false);
                BigDecimal quantity = decimal(line, BillField.LINE_QUANTITY, problems);
                if (lineAmount != null) {
                    lines.add(new BillLine(text(line, BillField.LINE_SKU), text(line, BillField.LINE_CATEGORY),
                            quantity == null ? BigDecimal.ONE : quantity, lineAmount));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new MappedRow.Unmapped(row, number, problems);
        }
        String store = text(v, BillField.STORE_ID);
        return new MappedRow.ToPost(row, new Bill(number, store != null ? store
                : mapping.storeId().isBlank() ? null : mapping.storeId(), billedAt, mobile,
                text(v, BillField.CUSTOMER_NAME), amount, currency, List.copyOf(lines),
                text(v, BillField.COUPON_CODE), text(v, BillField.AFFILIATE_CODE)));
    }

    private MappedRow reversal(SourceRow row) {
        Map<String, Object> v = row.values();
        String number = mapping.column(BillField.RETURN_BILL_NUMBER).isPresent()
                ? text(v, BillField.RETURN_BILL_NUMBER) : text(v, BillField.BILL_NUMBER);
        if (number == null) {
            return new MappedRow.Unmapped(row, null, Map.of(BillField.RETURN_BILL_NUMBER, "missing"));
        }
        String reason = text(v, BillField.RETURN_REASON);
        return new MappedRow.Reversal(row, number, reason == null ? "returned (ERP)" : "returned (ERP): " + reason);
    }

    private MappedRow customer(SourceRow row) {
        Map<BillField, String> problems = new EnumMap<>(BillField.class);
        Map<String, Object> v = row.values();
        String mobile = text(v, BillField.CUSTOMER_MOBILE);
        if (mobile == null) {
            problems.put(BillField.CUSTOMER_MOBILE, "missing");
        }
        Birthday birthday = null;
        if (value(v, BillField.CUSTOMER_BIRTHDAY) != null) {
            OffsetDateTime at = date(v, BillField.CUSTOMER_BIRTHDAY, problems);
            if (at != null) {
                try {
                    birthday = new Birthday(at.getMonthValue(), at.getDayOfMonth(), at.getYear() >= 1900
                            && at.getYear() <= 2100 ? at.getYear() : null);
                } catch (IllegalArgumentException e) {
                    problems.put(BillField.CUSTOMER_BIRTHDAY, e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            return new MappedRow.Unmapped(row, null, problems);
        }
        return new MappedRow.CustomerRecord(row, mobile, text(v, BillField.CUSTOMER_NAME), birthday);
    }

    private Object value(Map<String, Object> values, BillField field) {
        String column = mapping.column(field).orElse(null);
        if (column == null) {
            return null;
        }
        Object v = values.get(column);
        if (v == null) {
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (e.getKey().equalsIgnoreCase(column)) {
                    return e.getValue();
                }
            }
        }
        return v;
    }

    private String text(Map<String, Object> values, BillField field) {
        Object v = value(values, field);
        if (v == null) {
            return null;
        }
        String s = (v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString()).trim();
        return s.isEmpty() ? null : s;
    }

    private String currency(Map<String, Object> v, Map<BillField, String> problems) {
        String code = text(v, BillField.CURRENCY);
        if (code == null) {
            return mapping.currency();
        }
        code = code.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            problems.put(BillField.CURRENCY, "unknown currency '" + code + "'");
            return null;
        }
    }

    private BigDecimal amount(Map<String, Object> v, BillField field, Map<BillField, String> problems,
                              boolean required) {
        BigDecimal raw = decimal(v, field, problems);
        if (raw == null) {
            if (required && !problems.containsKey(field)) {
                problems.put(field, "missing");
            }
            return null;
        }
        BigDecimal amount = raw.movePointLeft(mapping.amountScale());
        if (amount.signum() < 0) {
            problems.put(field, "negative (" + amount.toPlainString() + "): a return must come as a return row");
            return null;
        }
        return amount;
    }

    private BigDecimal decimal(Map<String, Object> v, BillField field, Map<BillField, String> problems) {
        Object raw = value(v, field);
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof java.math.BigInteger) {
            return new BigDecimal(raw.toString());
        }
        if (raw instanceof Double || raw instanceof Float) {
            return new BigDecimal(raw.toString()); // the shortest text that reads back as the same double
        }
        // "1,25,000.50", "₹ 1250", "Rs. 99": grouping and currency signs are not part of the number
        String s = raw.toString().trim().replace("₹", "").replaceFirst("(?i)^rs\\.?", "")
                .replace(",", "").replace(" ", "").replace("\u00a0", "");
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            problems.put(field, "not a number: '" + raw + "'");
            return null;
        }
    }

    private OffsetDateTime date(Map<String, Object> v, BillField field, Map<BillField, String> problems) {
        Object raw = value(v, field);
        if (raw == null || raw instanceof String s && s.isBlank()) {
            problems.put(field, "missing");
            return null;
        }
        try {
            return switch (raw) {
                case OffsetDateTime o -> o;
                case ZonedDateTime z -> z.toOffsetDateTime();
                case Instant i -> i.atZone(zone).toOffsetDateTime();
                case LocalDateTime l -> l.atZone(zone).toOffsetDateTime();
                case LocalDate d -> d.atStartOfDay(zone).toOffsetDateTime();
                case java.sql.Timestamp t -> t.toLocalDateTime().atZone(zone).toOffsetDateTime();
                case java.sql.Date d -> d.toLocalDate().atStartOfDay(zone).toOffsetDateTime();
                case java.util.Date d -> d.toInstant().atZone(zone).toOffsetDateTime();
                default -> parse(raw.toString().trim());
            };
        } catch (DateTimeException e) {
            problems.put(field, "not a date" + (format == null ? "" : " in the format " + mapping.dateFormat())
                    + ": '" + raw + "'");
            return null;
        }
    }

    private OffsetDateTime parse(String s) {
        if (format != null) {
            TemporalAccessor t = format.parse(s);
            LocalDate day = LocalDate.from(t);
            LocalDateTime at = t.isSupported(ChronoField.MINUTE_OF_HOUR) || t.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.of(day, java.time.LocalTime.of(t.get(ChronoField.HOUR_OF_DAY),
                    t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
                    t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0))
                    : day.atStartOfDay();
            return t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? at.atOffset(java.time.ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
                    : at.atZone(zone).toOffsetDateTime();
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(iso).atStartOfDay(zone).toOffsetDateTime();
            }
        }
    }
}
