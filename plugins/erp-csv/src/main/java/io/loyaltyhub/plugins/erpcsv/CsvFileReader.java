package io.loyaltyhub.plugins.erpcsv;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads one file's records in order, with the physical line (1-based, the header line counted) where each record
 * starts, so multi-line quoted fields do not shift the lines that follow. Records are numbered from 0 after the
 * header; blank records (an empty line, a line of delimiters only) take a number but are skipped.
 */
final class CsvFileReader implements Closeable {

    /** A record: its number after the header, its first physical line, its values by lower-cased column name. */
    record Rec(long index, long line, Map<String, Object> values) {
    }

    /** The file could not be parsed from {@code line} on. */
    static final class ParseFailure extends Exception {
        final long line;

        ParseFailure(long line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }
    }

    final FileId file;
    final FileFormat format;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final List<String> originalColumns;
    private final boolean header;
    /** Physical lines read up to the end of the last record taken from the parser. */
    private long linesRead;
    /** Number of the next record the parser gives. */
    private long nextIndex;
    private Rec pending;
    private boolean eof;

    private CsvFileReader(FileId file, FileFormat format, CSVParser parser, boolean header) throws ParseFailure {
        this.file = file;
        this.format = format;
        this.parser = parser;
        this.records = parser.iterator();
        this.header = header;
        List<String> original = new ArrayList<>();
        if (header) {
            while (true) {
                CSVRecord r = pull();
                if (r == null) {
                    break;
                }
                if (!blank(r)) {
                    for (String v : r.values()) {
                        original.add(v == null ? "" : v.trim());
                    }
                    break;
                }
            }
            nextIndex = 0;
        }
        this.originalColumns = Collections.unmodifiableList(original);
        this.columns = Collections.unmodifiableList(names(original));
    }

    static CsvFileReader open(Path path, FileId file, FileFormat format, boolean header)
            throws IOException, ParseFailure {
        CSVFormat csv = CSVFormat.DEFAULT.builder()
                .setDelimiter(format.delimiter())
                .setQuote('"')
                .setIgnoreEmptyLines(false) // keeps the parser's line count exact; blank records are skipped here
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        CSVParser parser = CSVParser.parse(format.open(path), csv);
        try {
            return new CsvFileReader(file, format, parser, header);
        } catch (ParseFailure | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Lower-cased, trimmed header names; a blank one is {@code c<n>}, a repeated one gets {@code _2}, {@code _3}. */
    static List<String> names(List<String> original) {
        List<String> names = new ArrayList<>(original.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < original.size(); i++) {
            String n = original.get(i).trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) {
                n = "c" + (i + 1);
            }
            String unique = n;
            for (int k = 2; !seen.add(unique); k++) {
                unique = n + "_" + k;
            }
            names.add(unique);
        }
        return names;
    }

    /** The header's lower-cased names (empty without a header: columns are then {@code c1}, {@code c2}...). */
    List<String> columns() {
        return columns;
    }

    /** The header as written in the file. */
    List<String> originalColumns() {
        return originalColumns;
    }

    /** Number of the first record not yet taken with {@link #next()}. */
    long position() {
        return pending != null ? pending.index() : nextIndex;
    }

    /** Skips records until {@link #position()} is {@code index}; false if the file ends first. */
    boolean skipTo(long index) throws ParseFailure {
        if (pending != null && pending.index() < index) {
            pending = null;
        }
        while (position() < index) {
            if (pull() == null) {
                return false;
            }
        }
        return true;
    }

    /** The next non-blank record without taking it; null at the end of the file. */
    Rec peek() throws ParseFailure {
        while (pending == null && !eof) {
            long line = linesRead + 1;
            long index = nextIndex;
            CSVRecord r = pull();
            if (r != null && !blank(r)) {
                pending = new Rec(index, line, values(r));
            }
        }
        return pending;
    }

    Rec next() throws ParseFailure {
        Rec r = peek();
        if (r == null) {
            throw new NoSuchElementException("end of " + file.name());
        }
        pending = null;
        return r;
    }

    private CSVRecord pull() throws ParseFailure {
        if (eof) {
            return null;
        }
        long line = linesRead + 1;
        try {
            if (!records.hasNext()) {
                eof = true;
                return null;
            }
            CSVRecord r = records.next();
            linesRead = parser.getCurrentLineNumber();
            nextIndex++;
            return r;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException bad) {
                eof = true;
                throw new ParseFailure(line, bad.getMessage(), e);
            }
            throw e; // the disk or share failed: not the file's fault, the read fails and is tried again
        } catch (IllegalStateException e) {
            eof = true;
            throw new ParseFailure(line, e.getMessage(), e);
        }
    }

    private Map<String, Object> values(CSVRecord r) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String name = i < columns.size() ? columns.get(i) : "c" + (i + 1);
            String v = r.get(i);
            values.putIfAbsent(name, v == null ? "" : v.trim());
        }
        return values;
    }

    private static boolean blank(CSVRecord r) {
        for (String v : r.values()) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    boolean header() {
        return header;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written
        }
    }
}
