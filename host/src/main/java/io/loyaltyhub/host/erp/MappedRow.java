package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.SourceRow;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.Birthday;

import java.util.Map;

/** A source row after mapping: something to post, or the reasons it cannot be. */
sealed interface MappedRow {

    SourceRow row();

    /** The bill number the row is about, if it has one (for the rejects list). */
    String billNumber();

    record ToPost(SourceRow row, Bill bill) implements MappedRow {
        @Override
        public String billNumber() {
            return bill.billNumber();
        }
    }

    /** A return or cancellation: the whole bill is reversed. */
    record Reversal(SourceRow row, String billNumber, String reason) implements MappedRow {
    }

    /** A customer of the ERP's customer master. */
    record CustomerRecord(SourceRow row, String mobile, String name, Birthday birthday) implements MappedRow {
        @Override
        public String billNumber() {
            return null;
        }
    }

    /** Cannot be posted: a message per field. */
    record Unmapped(SourceRow row, String billNumber, Map<BillField, String> problems) implements MappedRow {
        String reason() {
            StringBuilder out = new StringBuilder();
            problems.forEach((f, p) -> out.append(out.isEmpty() ? "" : "; ").append(f.label()).append(": ").append(p));
            return out.toString();
        }
    }
}
