package io.loyaltyhub.ui.rules;

import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillLine;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The "what would this bill earn?" panel's logic: reading bill lines typed as text, making the bill. */
public final class PreviewBills {

    private PreviewBills() {
    }

    /**
     * Bill lines, one per text line: {@code sku,category,amount} with an optional fourth
     * {@code quantity} (default 1). Sku or category may be empty; blank lines and lines starting
     * with {@code #} are skipped; a tab or semicolon works as separator too.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static List<BillLine> parseLines(String text) {
        List<BillLine> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] rows = text.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] cells = row.split("[,;\\t]", -1);
            int n = i + 1;
            if (cells.length < 3 || cells.length > 4) {
                throw new IllegalArgumentException("Line " + n + ": write sku,category,amount (and optionally ,quantity).");
            }
            String sku = emptyToNull(cells[0]);
            String category = emptyToNull(cells[1]);
            if (sku == null && category == null) {
                throw new IllegalArgumentException("Line " + n + ": give a sku, a category or both.");
            }
            BigDecimal amount = number(cells[2], "amount", n);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("Line " + n + ": the amount may not be negative.");
            }
            BigDecimal quantity = cells.length == 4 && !cells[3].isBlank() ? number(cells[3], "quantity", n) : BigDecimal.ONE;
            if (quantity.signum() <= 0) {
                throw new IllegalArgumentException("Line " + n + ": the quantity must be more than 0.");
            }
            lines.add(new BillLine(sku, category, quantity, amount));
        }
        return lines;
    }

    private static BigDecimal number(String cell, String what, int line) {
        String t = cell.strip();
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Line " + line + ": the " + what + " \"" + t + "\" is not a number.");
        }
    }

    private static String emptyToNull(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** A bill number no real bill has: "PREVIEW-" and 8 hex digits. */
    public static String billNumber(UUID uuid) {
        return "PREVIEW-" + uuid.toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The bill to preview (no store, coupon or affiliate); currency upper case, INR when blank. */
    public static Bill bill(String billNumber, String mobile, BigDecimal amount, OffsetDateTime billedAt,
                            String currency, List<BillLine> lines) {
        String cur = currency == null || currency.isBlank() ? "INR" : currency.strip().toUpperCase(Locale.ROOT);
        return new Bill(billNumber, null, billedAt, mobile == null ? null : mobile.strip(), null, amount, cur,
                List.copyOf(lines), null, null);
    }
}
