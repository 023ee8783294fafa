package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.SourceBatch;
import io.loyaltyhub.api.erp.SourceRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.loyaltyhub.plugins.erpcsv.CsvFixture.HEADER;
import static io.loyaltyhub.plugins.erpcsv.CsvFixture.line;
import static io.loyaltyhub.plugins.erpcsv.CsvFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceFilesTest {
    @TempDir
    Path temp;
    CsvFixture files;

    @BeforeEach
    void setUp() {
        files = new CsvFixture(temp);
    }

    @Test
    void committedMovesFinishedFilesAndTheirMarkersToDone() throws Exception {
        files.write("a.csv", HEADER + line("SALE", "INV-1", "A", "1", "1") + line("SALE", "INV-2", "A", "1", "1"));
        files.write("a.csv.done", new byte[0]);
        files.write("b.csv", HEADER + line("SALE", "INV-3", "A", "1", "1"));
        Path done = files.inbox.resolve("done");
        try (CsvSource source = files.source()) {
            SourceBatch mid = read(source, null, 1);
            source.committed(mid.cursor());
            assertThat(files.inbox.resolve("a.csv")).as("not finished yet").exists();

            SourceBatch end = read(source, mid.cursor(), 10);
            assertThat(files.inbox.resolve("a.csv")).as("not moved before committed").exists();
            source.committed(end.cursor());
            assertThat(files.inbox.resolve("a.csv")).doesNotExist();
            assertThat(files.inbox.resolve("a.csv.done")).doesNotExist();
            assertThat(done.resolve("a.csv")).exists();
            assertThat(done.resolve("a.csv.done")).exists();

            SourceBatch next = read(source, end.cursor(), 10);
            assertThat(next.rows()).extracting(SourceRow::ref).containsExactly("b.csv:2");
            source.committed(next.cursor());
            assertThat(done.resolve("b.csv")).exists();
            assertThat(read(source, next.cursor(), 10).rows()).isEmpty();
        }
    }

    @Test
    void aFileWhoseCommitWasMissedIsNotReadAgainAndMovesWithTheNextCommit() throws Exception {
        files.write("a.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        files.write("b.csv", HEADER + line("SALE", "INV-2", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            SourceBatch a = read(source, null, 10);
            // the host stored a.csv's end cursor but stopped before committed(); the next run goes on from it
            SourceBatch b = read(source, a.cursor(), 10);
            assertThat(b.rows()).extracting(SourceRow::ref).containsExactly("b.csv:2");
            assertThat(b.more()).isFalse();
            assertThat(read(source, b.cursor(), 10).rows()).as("a.csv is not read again").isEmpty();

            source.committed(b.cursor());
        }
        assertThat(files.inbox.resolve("done/a.csv")).exists();
        assertThat(files.inbox.resolve("done/b.csv")).exists();
    }

    @Test
    void aFileThatCannotBeMovedIsReportedAndNotReadAgain() throws Exception {
        files.write("a.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        files.write("b.csv", HEADER + line("SALE", "INV-2", "A", "1", "1"));
        Files.writeString(files.inbox.resolve("done"), "a file where the done folder should be");
        try (CsvSource source = files.source()) {
            SourceBatch a = read(source, null, 10);
            assertThatThrownBy(() -> source.committed(a.cursor()))
                    .isInstanceOfSatisfying(ErpSourceException.class,
                            e -> assertThat(e.problem()).isEqualTo(ErpProblem.UNREACHABLE))
                    .hasMessageContaining("a.csv");
            SourceBatch b = read(source, a.cursor(), 10);
            assertThat(b.rows()).extracting(SourceRow::ref).containsExactly("b.csv:2");
            assertThat(read(source, b.cursor(), 10).rows()).isEmpty();
        }
    }

    @Test
    void aNameAlreadyInDoneGetsATimeStamp() throws Exception {
        Path done = Files.createDirectories(files.inbox.resolve("done"));
        Files.writeString(done.resolve("sales.csv"), "yesterday");
        files.write("sales.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        files.write("sales.csv.done", new byte[0]);
        try (CsvSource source = files.source()) {
            source.committed(read(source, null, 10).cursor());
        }
        assertThat(Files.readString(done.resolve("sales.csv"))).isEqualTo("yesterday");
        try (Stream<Path> list = Files.list(done)) {
            List<String> names = list.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(3);
            assertThat(names.get(0)).matches("sales\\.\\d{8}-\\d{6}\\.csv");
            assertThat(names.get(1)).isEqualTo(names.get(0) + ".done");
            assertThat(names.get(2)).isEqualTo("sales.csv");
        }
        assertThat(files.inbox.resolve("sales.csv")).doesNotExist();
    }

    @Test
    void emptyFilesSkippedByAReadAreMovedWithItsCursor() throws Exception {
        files.write("empty.csv", HEADER);
        files.write("real.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            source.committed(read(source, null, 10).cursor());
        }
        assertThat(files.inbox.resolve("done/empty.csv")).exists();
        assertThat(files.inbox.resolve("done/real.csv")).exists();
    }

    @Test
    void aFileChangedAfterItWasReadIsNotMoved() throws Exception {
        files.write("a.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            SourceBatch batch = read(source, null, 10);
            files.write("a.csv", HEADER + line("SALE", "INV-1", "A", "1", "1") + line("SALE", "INV-2", "A", "1", "1"));
            source.committed(batch.cursor());
            assertThat(files.inbox.resolve("a.csv")).exists();
            assertThat(read(source, batch.cursor(), 10).rows()).hasSize(2);
        }
    }

    @Test
    void rejectedRowsAreWrittenWithTheReasonInTheFilesDelimiter() throws Exception {
        String header = "Type;Invoice_No;Mobile;Customer_Name;SKU;Qty\n";
        files.write("sales.csv", header + "SALE;INV-1;98765;Zoë ₹;A;1\nSALE;INV-1;98765;Zoë ₹;B;2\nSALE;INV-2;;X;C;1\n");
        Path rejects = files.inbox.resolve("rejects").resolve("sales.csv.rejects.csv");
        try (CsvSource source = files.source()) {
            SourceBatch batch = read(source, null, 10);
            source.rejected(batch.rows().get(0), "Unknown store; call HQ");
            source.rejected(batch.rows().get(1), "Mobile is missing");
        }
        byte[] bytes = Files.readAllBytes(rejects);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "\uFEFFType;Invoice_No;Mobile;Customer_Name;SKU;Qty;reject_reason",
                "SALE;INV-1;98765;Zoë ₹;A;1;\"Unknown store; call HQ\"",
                "SALE;INV-1;98765;Zoë ₹;B;2;\"Unknown store; call HQ\"",
                "SALE;INV-2;;X;C;1;Mobile is missing");

        // Later (another run, the file already in done/): appended under the same header.
        try (CsvSource source = files.source()) {
            SourceBatch batch = read(source, null, 10);
            source.committed(batch.cursor());
        }
        try (CsvSource source = files.source()) {
            source.rejected(new SourceRow("sales.csv:4", SourceRow.Kind.BILL,
                    Map.of("invoice_no", "INV-2", "mobile", "1", "type", "SALE"), List.of()), "again");
        }
        assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8)).hasSize(5)
                .last().isEqualTo("SALE;INV-2;1;;;;again");
    }

    @Test
    void theRejectedFileIsReadBackAsItsColumnsPlusAReason() throws Exception {
        files.write("s.csv", HEADER + line("SALE", "INV-1", "A", "1", "1"));
        try (CsvSource source = files.source()) {
            SourceBatch batch = read(source, null, 10);
            source.rejected(batch.rows().get(0), "bad");
        }
        Path out = files.inbox.resolve("rejects/s.csv.rejects.csv");
        Files.copy(out, files.inbox.resolve("again.csv"));
        CsvFixture.age(files.inbox.resolve("again.csv"), java.time.Instant.now().minusSeconds(10));
        Files.delete(files.inbox.resolve("s.csv"));
        try (CsvSource source = files.source()) {
            SourceRow row = read(source, null, 10).rows().get(0);
            assertThat(row.values()).containsEntry("invoice_no", "INV-1").containsEntry("reject_reason", "bad");
        }
    }

    @Test
    void testReportsAMissingFolder() {
        Path missing = temp.resolve("nowhere");
        try (CsvSource source = files.source(CsvSettings.FOLDER, missing.toString())) {
            ConnectionCheck check = source.test();
            assertThat(check.problem()).isEqualTo(ErpProblem.UNREACHABLE);
            assertThat(check.message()).contains(missing.toString()).contains("does not exist");
        }
    }

    @Test
    void testReportsAFileInsteadOfAFolder() throws Exception {
        Path file = Files.writeString(temp.resolve("plain.txt"), "x");
        try (CsvSource source = files.source(CsvSettings.FOLDER, file.toString())) {
            ConnectionCheck check = source.test();
            assertThat(check.problem()).isEqualTo(ErpProblem.UNREACHABLE);
            assertThat(check.message()).contains(file.toString()).contains("not a folder");
        }
    }

    @Test
    void testOnAnEmptyFolderCreatesDoneAndRejects() {
        try (CsvSource source = files.source()) {
            ConnectionCheck check = source.test();
            assertThat(check.ok()).isTrue();
            assertThat(check.message()).isEqualTo("Folder " + files.inbox + ": no files waiting (pattern *.csv)");
        }
        assertThat(files.inbox.resolve("done")).isDirectory();
        assertThat(files.inbox.resolve("rejects")).isDirectory();
    }

    @Test
    void testDescribesTheFirstWaitingFile() {
        files.write("sales.csv", "invoice_no;invoice_date;mobile;net_amount;sku\nINV-1;2024-04-12;98765;10;A\n");
        files.write("later.csv", HEADER);
        files.writeFresh("copying.csv", new byte[]{'a'});
        try (CsvSource source = files.source(CsvSettings.SETTLE_SECONDS, "60")) {
            ConnectionCheck check = source.test();
            assertThat(check.ok()).as(check.message()).isTrue();
            assertThat(check.message()).isEqualTo("Folder " + files.inbox + ": 3 files waiting (1 still being "
                    + "written); first file sales.csv has columns invoice_no, invoice_date, mobile, net_amount, sku "
                    + "(UTF-8, delimiter ;)");
        }
        assertThat(files.inbox.resolve("sales.csv")).as("test moves nothing").exists();
    }

    @Test
    void testNamesMappedColumnsTheFileLacks() {
        files.write("sales.csv", "Invoice_No,Amount,Phone\nINV-1,10,98765\n");
        try (CsvSource source = files.source()) {
            ConnectionCheck check = source.test();
            assertThat(check.problem()).isEqualTo(ErpProblem.MISSING_OBJECT);
            assertThat(check.message())
                    .startsWith("File sales.csv has no column invoice_date (Bill date and time), mobile (Customer "
                            + "mobile), net_amount (Bill amount)")
                    .contains("has columns Invoice_No, Amount, Phone (UTF-8, delimiter ,)")
                    .doesNotContain("invoice_no (");
        }
    }
}
