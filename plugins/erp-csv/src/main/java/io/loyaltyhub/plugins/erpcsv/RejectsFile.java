package io.loyaltyhub.plugins.erpcsv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code <file>.rejects.csv}: the rejected records with the source file's columns and a last
 * {@code reject_reason} column, UTF-8 with a BOM (spreadsheet programs need it to show ₹ and accents), so staff can
 * fix the rows and drop the file into the inbox again (the extra column is then just one more column).
 */
final class RejectsFile {

    private RejectsFile() {
    }

    /**
     * Appends records, creating the file with a header when it does not exist yet; an existing file's own header
     * and delimiter are kept.
     *
     * @param delimiter the source file's delimiter, null if unknown (a comma)
     * @param header    the source file's header as written, empty if unknown (the records' keys are used)
     * @param records   values keyed by lower-cased column name, as the source read them
     */
    static void append(Path out, Character delimiter, List<String> header, List<Map<String, Object>> records,
                       String reason) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<String> columns;
        char d;
        boolean create = !Files.exists(out) || Files.size(out) == 0;
        if (!create) {
            FileId id = FileId.of(out);
            FileFormat f = FileFormat.detect(out, "UTF-8", null);
            try (CsvFileReader r = CsvFileReader.open(out, id, f, true)) {
                columns = new ArrayList<>(r.originalColumns());
            } catch (CsvFileReader.ParseFailure e) {
                throw new IOException("the rejects file " + out + " cannot be read: " + e.getMessage(), e);
            }
            if (!columns.isEmpty()
                    && columns.get(columns.size() - 1).equalsIgnoreCase(CsvSource.REJECT_REASON)) {
                columns.remove(columns.size() - 1);
            }
            d = f.delimiter();
        } else {
            d = delimiter != null ? delimiter : ',';
            if (header != null && !header.isEmpty()) {
                columns = new ArrayList<>(header);
            } else {
                Set<String> keys = new LinkedHashSet<>();
                records.forEach(r -> keys.addAll(r.keySet()));
                columns = new ArrayList<>(keys);
            }
        }
        List<String> keys = CsvFileReader.names(columns);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(d).setRecordSeparator("\r\n").get();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (create) {
                w.write('\uFEFF');
            }
            CSVPrinter printer = new CSVPrinter(w, format);
            if (create) {
                List<String> first = new ArrayList<>(columns);
                first.add(CsvSource.REJECT_REASON);
                printer.printRecord(first);
            }
            for (Map<String, Object> record : records) {
                List<String> values = new ArrayList<>(keys.size() + 1);
                for (String k : keys) {
                    Object v = record.get(k);
                    values.add(v == null ? "" : v.toString());
                }
                values.add(reason == null ? "" : reason);
                printer.printRecord(values);
            }
            printer.flush();
        }
    }
}
