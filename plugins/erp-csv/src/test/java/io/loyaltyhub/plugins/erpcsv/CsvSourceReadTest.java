package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.SourceBatch;
import io.loyaltyhub.api.erp.SourceRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.loyaltyhub.plugins.erpcsv.CsvFixture.HEADER;
import static io.loyaltyhub.plugins.erpcsv.CsvFixture.line;
import static io.loyaltyhub.plugins.erpcsv.CsvFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

class CsvSourceReadTest {
    @TempDir
    Path temp;
    CsvFixture files;

    @BeforeEach
    void setUp() {
        files = new CsvFixture(temp);
    }

    @Test
    void groupsConsecutiveRecordsOfABillIntoOneRowWithLines() throws Exception {
        Path p = files.write("sales.csv", HEADER
                + line("SALE", "INV-1", "SKU-1", "1", "1000.00")
                + line("SALE", "INV-1", "SKU-2", "2", "180.00")
                + line("SALE", "INV-2", "SKU-3", "1", "99.00"));
        try (CsvSource source = files.source()) {
            SourceBatch batch = read(source, null, 100);

            assertThat(batch.rows()).extracting(SourceRow::ref).containsExactly("sales.csv:2", "sales.csv:4");
            SourceRow first = batch.rows().get(0);
            assertThat(first.kind()).isEqualTo(SourceRow.Kind.BILL);
            assertThat(first.values()).containsEntry("invoice_no", "INV-1").containsEntry("sku", "SKU-1")
                    .containsEntry("reason", "");
            assertThat(first.values().keySet()).startsWith("type", "invoice_no", "invoice_date");
            assertThat(first.lines()).extracting(l -> l.get("sku")).containsExactly("SKU-1", "SKU-2");
            assertThat(first.lines()).extracting(l -> l.get("qty")).containsExactly("1", "2");
            assertThat(batch.rows().get(1).lines()).hasSize(1);
            assertThat(batch.cursor()).isEqualTo("sales.csv|" + Files.size(p) + "|"
                    + Files.getLastModifiedTime(p).toMillis() + "|end");
            assertThat(batch.more()).isFalse();
        }
    }

    @Test
    void valuesAreTrimmedAndKeyedByLowerCasedHeaderNames() {
        files.write("trim.csv", " Invoice_No , Mobile ,Customer_Name,Net_Amount\n  INV-9 , 98765 43210 ,,  12.50  \n");
        try (CsvSource source = files.source()) {
            SourceRow row = read(source, null, 10).rows().get(0);
            assertThat(row.values()).containsExactly(Map.entry("invoice_no", "INV-9"),
                    Map.entry("mobile", "98765 43210"), Map.entry("customer_name", ""), Map.entry("net_amount", "12.50"));
            assertThat(row.lines()).isEmpty(); // no mapped line column in this file
        }
    }

    @Test
    void returnRowsAreKindReturnAndNotGroupedWithTheSale() {
        files.write("mixed.csv", HEADER
                + line("SALE", "INV-1", "SKU-1", "1", "1000.00")
                + line("return", "INV-1", "SKU-1", "1", "1000.00")
                + line("CANCEL", "INV-1", "SKU-2", "1", "180.00")
                + line("SALE", "INV-2", "SKU-2", "1", "180.00"));
        try (CsvSource source = files.source()) {
            List<SourceRow> rows = read(source, null, 100).rows();

            assertThat(rows).extracting(SourceRow::kind).containsExactly(SourceRow.Kind.BILL, SourceRow.Kind.RETURN,
                    SourceRow.Kind.BILL);
            assertThat(rows.get(1).ref()).isEqualTo("mixed.csv:3");
            assertThat(rows.get(1).lines()).extracting(l -> l.get("sku")).containsExactly("SKU-1", "SKU-2");
        }
    }

    @Test
    void returnValuesComeFromTheMapping() {
        Mapping mapping = new Mapping(CsvConnector.MAPPING.defaultColumns(), "", "Asia/Kolkata", 0, "INR", "",
                List.of("CN"));
        files.write("credit.csv", HEADER + line("CN", "INV-1", "SKU-1", "1", "10") + line("RETURN", "INV-2", "S", "1", "1"));
        try (CsvSource source = files.source(mapping)) {
            assertThat(read(source, null, 10).rows()).extracting(SourceRow::kind)
                    .containsExactly(SourceRow.Kind.RETURN, SourceRow.Kind.BILL);
        }
    }

    @Test
    void recordsWithoutBillNumberAreReturnedOnTheirOwnAndDoNotBlockTheRest() {
        files.write("holes.csv", HEADER
                + line("SALE", "", "SKU-1", "1", "10")
                + line("SALE", "", "SKU-2", "1", "20")
                + line("SALE", "INV-7", "SKU-3", "1", "30")
                + "SALE\n" // too short: no invoice_no column at all
                + line("SALE", "INV-8", "SKU-4", "1", "40"));
        try (CsvSource source = files.source()) {
            List<SourceRow> rows = read(source, null, 100).rows();

            assertThat(rows).extracting(SourceRow::ref)
                    .containsExactly("holes.csv:2", "holes.csv:3", "holes.csv:4", "holes.csv:5", "holes.csv:6");
            assertThat(rows).extracting(SourceRow::kind).containsOnly(SourceRow.Kind.BILL);
            assertThat(rows.get(0).lines()).extracting(l -> l.get("sku")).containsExactly("SKU-1");
            assertThat(rows.get(3).values()).containsOnlyKeys("type");
            assertThat(rows.get(4).values()).containsEntry("invoice_no", "INV-8");
        }
    }

    @Test
    void refsCountPhysicalLinesAcrossQuotedLineBreaksAndBlankLines() {
        files.write("multi.csv", "invoice_no,customer_name,sku\r\n"
                + "INV-1,\"Asha\r\nRao\",A\r\n"
                + "INV-1,\"Asha\r\nRao\",B\r\n"
                + "\r\n"
                + "INV-2,\"line one\nline two\nline three\",C\r\n"
                + ",,\r\n"
                + "INV-3,Ravi,D");
        try (CsvSource source = files.source()) {
            List<SourceRow> rows = read(source, null, 100).rows();

            assertThat(rows).extracting(SourceRow::ref).containsExactly("multi.csv:2", "multi.csv:7", "multi.csv:11");
            assertThat(rows.get(0).values()).containsEntry("customer_name", "Asha\r\nRao");
            assertThat(rows.get(0).lines()).hasSize(2);
        }
    }

    @Test
    void batchesNeverSplitABillAndResumeFromTheCursorAcrossFiles() throws Exception {
        files.write("a.csv", HEADER
                + line("SALE", "INV-1", "A1", "1", "1") + line("SALE", "INV-1", "A2", "1", "1")
                + line("SALE", "INV-1", "A3", "1", "1")
                + line("SALE", "INV-2", "B1", "1", "1") + line("SALE", "INV-2", "B2", "1", "1")
                + line("SALE", "INV-3", "C1", "1", "1"));
        Path b = files.write("b.csv", HEADER
                + line("SALE", "INV-4", "D1", "1", "1") + line("SALE", "INV-4", "D2", "1", "1")
                + line("SALE", "INV-5", "E1", "1", "1"));
        try (CsvSource source = files.source()) {
            SourceBatch one = read(source, null, 2);
            assertThat(one.rows()).extracting(r -> r.values().get("invoice_no")).containsExactly("INV-1", "INV-2");
            assertThat(one.rows().get(0).lines()).hasSize(3);
            assertThat(one.cursor()).startsWith("a.csv|").endsWith("|5");
            assertThat(one.more()).isTrue();

            SourceBatch two = read(source, one.cursor(), 2);
            assertThat(two.rows()).extracting(SourceRow::ref).containsExactly("a.csv:7");
            assertThat(two.cursor()).startsWith("a.csv|").endsWith("|end");
            assertThat(two.more()).as("b.csv is waiting").isTrue();

            SourceBatch three = read(source, two.cursor(), 2);
            assertThat(three.rows()).extracting(SourceRow::ref).containsExactly("b.csv:2", "b.csv:4");
            assertThat(three.cursor()).isEqualTo("b.csv|" + Files.size(b) + "|"
                    + Files.getLastModifiedTime(b).toMillis() + "|end");
            assertThat(three.more()).isFalse();

            SourceBatch four = read(source, three.cursor(), 2);
            assertThat(four.rows()).isEmpty();
            assertThat(four.cursor()).isEqualTo(three.cursor());
            assertThat(four.more()).isFalse();

            // A fresh source (after a restart) resumes exactly where the stored cursor says.
            try (CsvSource restarted = files.source()) {
                SourceBatch again = read(restarted, one.cursor(), 2);
                assertThat(again.rows()).isEqualTo(two.rows());
                assertThat(again.cursor()).isEqualTo(two.cursor());
            }
            // Reading an older cursor again gives the same rows (the host re-reads a batch after a crash).
            assertThat(read(source, one.cursor(), 2).rows()).isEqualTo(two.rows());
        }
    }

    @Test
    void aBillWithManyLinesCountsAsOneRow() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            text.append(line("SALE", "INV-1", "S" + i, "1", "1"));
        }
        text.append(line("SALE", "INV-2", "T", "1", "1"));
        files.write("big.csv", text.toString());
        try (CsvSource source = files.source()) {
            SourceBatch batch = read(source, null, 1);
            assertThat(batch.rows()).hasSize(1);
            assertThat(batch.rows().get(0).lines()).hasSize(5);
            assertThat(batch.cursor()).endsWith("|5");
            assertThat(batch.more()).isTrue();
        }
    }

    @Test
    void theBatchSizeSettingCapsTheLimit() {
        files.write("s.csv", HEADER + line("SALE", "A", "1", "1", "1") + line("SALE", "B", "1", "1", "1")
                + line("SALE", "C", "1", "1", "1"));
        try (CsvSource source = files.source(CsvSettings.BATCH_SIZE, "2")) {
            assertThat(read(source, null, 500).rows()).hasSize(2);
        }
    }

    @Test
    void aFileStillBeingWrittenIsNotReadUntilSettled() throws Exception {
        Path p = files.writeFresh("late.csv", (HEADER + line("SALE", "INV-1", "A", "1", "1")).getBytes(
                StandardCharsets.UTF_8));
        // A generous settle time keeps the test steady on a slow machine; the file is aged instead of waited for.
        try (CsvSource source = files.source(CsvSettings.SETTLE_SECONDS, "60")) {
            SourceBatch nothing = read(source, null, 10);
            assertThat(nothing.rows()).isEmpty();
            assertThat(nothing.cursor()).isNull();
            assertThat(nothing.more()).isFalse();
            assertThat(source.remaining(null)).isZero();

            // The copy goes on, then the file stays unchanged for longer than settle-seconds.
            Files.writeString(p, line("SALE", "INV-2", "B", "1", "1"), java.nio.file.StandardOpenOption.APPEND);
            assertThat(read(source, null, 10).rows()).isEmpty();
            CsvFixture.age(p, Instant.now().minusSeconds(61));

            assertThat(read(source, null, 10).rows()).extracting(r -> r.values().get("invoice_no"))
                    .containsExactly("INV-1", "INV-2");
        }
    }

    @Test
    void aDoneMarkerMakesAFileReadAtOnce() {
        files.writeFresh("upload.csv", (HEADER + line("SALE", "INV-1", "A", "1", "1")).getBytes(
                StandardCharsets.UTF_8));
        files.writeFresh("upload.csv.done", new byte[0]);
        try (CsvSource source = files.source(CsvSettings.SETTLE_SECONDS, "3600")) {
            SourceBatch batch = read(source, null, 10);
            assertThat(batch.rows()).extracting(SourceRow::ref).containsExactly("upload.csv:2");
            assertThat(batch.cursor()).startsWith("upload.csv|");
        }
    }

    @Test
    void filesAreReadOldestFirstAndOnlyThoseMatchingThePattern() {
        files.write("b.csv", HEADER + line("SALE", "B", "1", "1", "1"));
        files.write("A.CSV", HEADER + line("SALE", "A", "1", "1", "1"));
        files.write("notes.txt", "invoice_no\nX\n");
        files.write(".partial.csv", HEADER + line("SALE", "P", "1", "1", "1"));
        files.write("old.rejects.csv", HEADER + line("SALE", "R", "1", "1", "1"));
        try (CsvSource source = files.source()) {
            SourceBatch one = read(source, null, 10);
            SourceBatch two = read(source, one.cursor(), 10);
            SourceBatch three = read(source, two.cursor(), 10);

            assertThat(one.rows()).extracting(SourceRow::ref).containsExactly("b.csv:2");
            assertThat(two.rows()).extracting(SourceRow::ref).containsExactly("A.CSV:2");
            assertThat(three.rows()).isEmpty();
        }
    }

    @Test
    void emptyFilesAreSkippedWithinARead() {
        files.write("empty.csv", "");
        files.write("header-only.csv", HEADER);
        files.write("real.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            SourceBatch batch = read(source, null, 10);
            assertThat(batch.rows()).extracting(SourceRow::ref).containsExactly("real.csv:2");
            assertThat(batch.cursor()).startsWith("real.csv|").endsWith("|end");
        }
    }

    @Test
    void aFileReplacedUnderTheSameNameIsReadFromItsStart() throws Exception {
        Path p = files.write("daily.csv", HEADER + line("SALE", "INV-1", "A", "1", "1")
                + line("SALE", "INV-2", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            SourceBatch mid = read(source, null, 1);
            assertThat(mid.cursor()).endsWith("|1");

            files.write("daily.csv", HEADER + line("SALE", "INV-10", "A", "1", "1")
                    + line("SALE", "INV-11", "A", "1", "1") + line("SALE", "INV-12", "A", "1", "1"));
            SourceBatch after = read(source, mid.cursor(), 10);
            assertThat(after.rows()).extracting(r -> r.values().get("invoice_no"))
                    .containsExactly("INV-10", "INV-11", "INV-12");
            assertThat(after.cursor()).isEqualTo("daily.csv|" + Files.size(p) + "|"
                    + Files.getLastModifiedTime(p).toMillis() + "|end");

            // Finished, then replaced: the new version is read too.
            files.write("daily.csv", HEADER + line("SALE", "INV-20", "A", "1", "1"));
            assertThat(read(source, after.cursor(), 10).rows()).extracting(r -> r.values().get("invoice_no"))
                    .containsExactly("INV-20");
        }
    }

    @Test
    void utf8WithBom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        files.write("bom.csv", concat(bom, "invoice_no,customer_name,net_amount\nINV-1,Zoë ₹ Café,₹1\n"
                .getBytes(StandardCharsets.UTF_8)));
        try (CsvSource source = files.source()) {
            SourceRow row = read(source, null, 10).rows().get(0);
            assertThat(row.values()).containsEntry("invoice_no", "INV-1").containsEntry("customer_name", "Zoë ₹ Café")
                    .containsEntry("net_amount", "₹1");
        }
    }

    @Test
    void utf8WithoutBom() {
        files.write("plain.csv", "invoice_no,customer_name\nINV-1,Rāmā ₹\n");
        try (CsvSource source = files.source()) {
            assertThat(read(source, null, 10).rows().get(0).values()).containsEntry("customer_name", "Rāmā ₹");
        }
    }

    @Test
    void utf16WithBom() {
        files.write("le.csv", "\uFEFFinvoice_no;customer_name\r\nINV-1;José ₹\r\n", StandardCharsets.UTF_16LE);
        files.write("be.csv", "\uFEFFinvoice_no\tcustomer_name\r\nINV-2\tRāj\r\n", StandardCharsets.UTF_16BE);
        try (CsvSource source = files.source()) {
            SourceBatch one = read(source, null, 10);
            SourceBatch two = read(source, one.cursor(), 10);
            assertThat(one.rows().get(0).values()).containsExactly(Map.entry("invoice_no", "INV-1"),
                    Map.entry("customer_name", "José ₹"));
            assertThat(two.rows().get(0).values()).containsExactly(Map.entry("invoice_no", "INV-2"),
                    Map.entry("customer_name", "Rāj"));
        }
    }

    @Test
    void windows1252WhenTheBytesAreNotUtf8() {
        files.write("win.csv", "invoice_no,customer_name,note\nINV-1,José Müller,5€ off\n",
                Charset.forName("windows-1252"));
        try (CsvSource source = files.source()) {
            assertThat(read(source, null, 10).rows().get(0).values()).containsEntry("customer_name", "José Müller")
                    .containsEntry("note", "5€ off");
        }
    }

    @Test
    void anEncodingSetExplicitlyIsUsed() {
        files.write("latin.csv", "invoice_no,customer_name\nINV-1,Renée\n", StandardCharsets.ISO_8859_1);
        try (CsvSource source = files.source(CsvSettings.ENCODING, "ISO-8859-1")) {
            assertThat(read(source, null, 10).rows().get(0).values()).containsEntry("customer_name", "Renée");
        }
    }

    @Test
    void delimiterSemicolonIsDetectedIgnoringCommasInQuotes() {
        files.write("semi.csv", "invoice_no;\"customer, name\";net_amount\nINV-1;\"Rao, Asha\";1180,50\n");
        try (CsvSource source = files.source()) {
            assertThat(read(source, null, 10).rows().get(0).values()).containsExactly(
                    Map.entry("invoice_no", "INV-1"), Map.entry("customer, name", "Rao, Asha"),
                    Map.entry("net_amount", "1180,50"));
        }
    }

    @Test
    void delimiterTabIsDetected() {
        files.write("tab.csv", "invoice_no\tcustomer_name\tnet_amount\nINV-1\tAsha, Rao\t10\n");
        try (CsvSource source = files.source()) {
            assertThat(read(source, null, 10).rows().get(0).values()).containsEntry("customer_name", "Asha, Rao")
                    .containsEntry("net_amount", "10");
        }
    }

    @Test
    void aDelimiterSetExplicitlyIsUsed() {
        files.write("pipe.csv", "invoice_no|customer_name,x\nINV-1|Asha,Rao\n");
        try (CsvSource source = files.source(CsvSettings.DELIMITER, "|")) {
            assertThat(read(source, null, 10).rows().get(0).values()).containsEntry("customer_name,x", "Asha,Rao");
        }
    }

    @Test
    void withoutHeaderColumnsAreNamedC1C2() {
        Mapping mapping = Mapping.defaults(Map.of(BillField.BILL_NUMBER, "C1", BillField.LINE_SKU, "c3"));
        files.write("raw.csv", "INV-1,Asha,A\nINV-1,Asha,B\nINV-2,Ravi,C\n");
        try (CsvSource source = files.source(mapping, CsvSettings.HEADER, "false")) {
            List<SourceRow> rows = read(source, null, 10).rows();
            assertThat(rows).extracting(SourceRow::ref).containsExactly("raw.csv:1", "raw.csv:3");
            assertThat(rows.get(0).values()).containsExactly(Map.entry("c1", "INV-1"), Map.entry("c2", "Asha"),
                    Map.entry("c3", "A"));
            assertThat(rows.get(0).lines()).hasSize(2);
        }
    }

    @Test
    void remainingCountsRowsLeftInTheFileAndTheWaitingOnes() throws Exception {
        files.write("a.csv", HEADER + line("SALE", "INV-1", "A", "1", "1") + line("SALE", "INV-1", "B", "1", "1")
                + line("SALE", "INV-2", "A", "1", "1") + line("SALE", "INV-3", "A", "1", "1"));
        files.write("b.csv", HEADER + line("SALE", "INV-4", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            assertThat(source.remaining(null)).isEqualTo(4);
            SourceBatch one = read(source, null, 1);
            assertThat(source.remaining(one.cursor())).isEqualTo(3);
            SourceBatch two = read(source, one.cursor(), 10);
            assertThat(source.remaining(two.cursor())).isEqualTo(1);
        }
    }

    @Test
    void aBackfillCursorStartsAtTheInbox() throws Exception {
        files.write("a.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            String cursor = source.cursorFrom(Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(read(source, cursor, 10).rows()).hasSize(1);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
