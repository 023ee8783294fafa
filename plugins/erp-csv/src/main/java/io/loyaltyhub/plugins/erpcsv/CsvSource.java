package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.SourceBatch;
import io.loyaltyhub.api.erp.SourceRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code csv} instance's source: the settled files of its inbox folder, oldest first.
 *
 * <ul>
 *   <li><b>Settled.</b> A file is read once its modification time is {@code settle-seconds} old (so neither its
 *   size nor its time changed for that long; a file whose time lies in the future counts from when this source
 *   first saw it unchanged), or at once when a marker {@code <file>.done} exists next to it. Names starting with a
 *   dot (temporary files), markers and {@code *.rejects.csv} files are never read.</li>
 *   <li><b>Rows.</b> Each record is a map of its values (trimmed text, {@code ""} kept) keyed by the header's names
 *   lower-cased, in column order. Consecutive records with the same bill number and kind make one row: the first
 *   record's values, and, when a mapped line column is in the file, every record as a line. A record whose row type
 *   is one of the mapping's return values is a {@link SourceRow.Kind#RETURN}. A record without a bill number is a
 *   row of its own (the host rejects it; the rows after it still flow).</li>
 *   <li><b>Ref.</b> {@code <file name>:<line>}, the physical line (1-based, the header line counted) where the row's
 *   first record starts; a quoted value spanning lines is counted correctly.</li>
 *   <li><b>Cursor.</b> {@code <file name>|<size>|<modified millis>|<records consumed or end>} (see
 *   {@link CsvCursor}). A batch holds the rows of one file only, never splits a bill's records, and ends at the
 *   file's end with {@code end}; the next read moves on to the next settled file. Empty files met on the way are
 *   skipped and moved aside with the batch after them.</li>
 *   <li><b>Done.</b> {@link #committed} moves files whose rows are all stored (and their markers) to the done folder,
 *   adding a time stamp to the name when the done folder holds one of that name already. A file that cannot be
 *   moved, or whose end cursor comes back to {@link #read} while it is still in the inbox (its commit was missed,
 *   say the host stopped in between), is not read again by this source and is moved by the next commit. A new
 *   source (after a restart) knows nothing of such a file and reads it once more: bills are idempotent by number.</li>
 *   <li><b>Unreadable files.</b> A file that stops parsing (rare: the parser is lenient about quotes) is treated as
 *   ending there; when it is committed, {@code <file>.error.txt} in the rejects folder says from which line on its
 *   rows were not read.</li>
 * </ul>
 *
 * <p>The host calls a source from one thread at a time; this class is not thread-safe.
 */
public class CsvSource implements ErpSource {
    private static final Logger log = LoggerFactory.getLogger(CsvSource.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String MARKER = ".done";
    static final String REJECTS_SUFFIX = ".rejects.csv";
    static final String REJECT_REASON = "reject_reason";

    /** What a read starts from: a file and the records of it already consumed. */
    private record Target(Path path, FileId file, long consumed) {
    }

    /** A candidate file of the inbox. */
    record Waiting(Path path, FileId file, boolean marker, boolean settled) {
    }

    private record Seen(long size, long lastModified, Instant since) {
    }

    private record Known(FileFormat format, List<String> header) {
    }

    private final long connectorId;
    private final CsvSettings settings;
    private final Clock clock;
    private final Mapping mapping;
    private final String billColumn;
    private final String typeColumn;
    private final List<String> lineColumns;
    private final Set<String> returnValues;

    /** The reader left open by the last read, continued when the next read starts where it stopped. */
    private CsvFileReader open;
    private final Map<FileId, FileFormat> formats = lru(256);
    /** Format and header of files read by name, for their rejects file. */
    private final Map<String, Known> known = lru(256);
    private final Map<String, Seen> seen = new HashMap<>();
    /** Empty files a read skipped, by the cursor it returned: moved when that cursor is committed. */
    private final Map<String, List<FileId>> finishedBefore = lru(64);
    /**
     * Files whose rows are all stored but that are still in the inbox: a cursor at their end came back to
     * {@link #read} (the host passes only cursors it stored), or a commit could not move them. They are not read
     * again and are moved on the next commit.
     */
    private final Set<FileId> unmoved = new LinkedHashSet<>();
    /** Files that stopped parsing: the line and the parser's words, reported when the file is committed. */
    private final Map<FileId, String> failures = lru(64);

    CsvSource(long connectorId, CsvSettings settings, Mapping mapping, Clock clock) {
        this.connectorId = connectorId;
        this.settings = settings;
        this.clock = clock;
        this.mapping = mapping;
        this.billColumn = column(mapping, BillField.BILL_NUMBER);
        this.typeColumn = column(mapping, BillField.ROW_TYPE);
        this.lineColumns = mapping.columns().entrySet().stream()
                .filter(e -> e.getKey().line())
                .map(e -> e.getValue().trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        this.returnValues = mapping.returnValues().stream()
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static String column(Mapping mapping, BillField field) {
        return mapping.column(field).map(c -> c.trim().toLowerCase(Locale.ROOT)).orElse(null);
    }

    // ---------------------------------------------------------------------------------------------------- test

    /**
     * Checks the folder can be read and written and the done and rejects folders created, then reads the header of
     * the first waiting file: "Folder /x: 3 files waiting; first file sales.csv has columns a, b, c (UTF-8,
     * delimiter ;)". A required bill field mapped to a column that file lacks is a
     * {@link ErpProblem#MISSING_OBJECT}. Nothing is moved or read beyond the header.
     */
    @Override
    public ConnectionCheck test() {
        Path folder = settings.folder();
        if (!Files.exists(folder)) {
            return new ConnectionCheck(ErpProblem.UNREACHABLE, "Folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            return new ConnectionCheck(ErpProblem.UNREACHABLE, folder + " is not a folder");
        }
        List<Waiting> waiting;
        try {
            waiting = waiting();
        } catch (IOException e) {
            return new ConnectionCheck(ErpProblem.UNREACHABLE, "Cannot read folder " + folder + ": " + reason(e));
        }
        try {
            Path probe = Files.createTempFile(folder, ".loyaltyhub-check-", ".tmp");
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            return new ConnectionCheck(ErpProblem.UNREACHABLE, "Cannot write in folder " + folder + ": " + reason(e));
        }
        for (Path p : List.of(settings.doneFolder(), settings.rejectsFolder())) {
            try {
                Files.createDirectories(p);
                if (!Files.isWritable(p)) {
                    return new ConnectionCheck(ErpProblem.UNREACHABLE, "Cannot write in folder " + p
                            + ": permission denied");
                }
            } catch (IOException e) {
                return new ConnectionCheck(ErpProblem.UNREACHABLE, "Cannot create folder " + p + ": " + reason(e));
            }
        }
        if (waiting.isEmpty()) {
            return ConnectionCheck.ok("Folder " + folder + ": no files waiting (pattern " + settings.filePattern()
                    + ")");
        }
        long settling = waiting.stream().filter(w -> !w.settled()).count();
        Waiting first = waiting.stream().filter(Waiting::settled).findFirst().orElse(waiting.get(0));
        String count = waiting.size() == 1 ? "1 file waiting" : waiting.size() + " files waiting";
        if (settling > 0) {
            count += " (" + settling + " still being written)";
        }
        List<String> header;
        FileFormat format;
        try {
            format = format(first.path(), first.file());
            try (CsvFileReader r = CsvFileReader.open(first.path(), first.file(), format, settings.header())) {
                header = new ArrayList<>(r.originalColumns());
                if (!settings.header()) {
                    CsvFileReader.Rec rec = r.peek();
                    if (rec != null) {
                        header.addAll(rec.values().keySet());
                    }
                }
            }
        } catch (IOException e) {
            return new ConnectionCheck(ErpProblem.UNREACHABLE, "Folder " + folder + ": " + count
                    + "; cannot read " + first.file().name() + ": " + reason(e));
        } catch (CsvFileReader.ParseFailure e) {
            return new ConnectionCheck(ErpProblem.OTHER, "Folder " + folder + ": " + count + "; " + first.file().name()
                    + " cannot be read as CSV at line " + e.line + ": " + e.getMessage());
        }
        String columns = header.isEmpty() ? "no columns" : "columns " + String.join(", ", header);
        String found = "Folder " + folder + ": " + count + "; first file " + first.file().name() + " has " + columns
                + " (" + format.describe() + ")";
        Set<String> present = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (BillField f : BillField.values()) {
            String c = f.required() ? column(mapping, f) : null;
            if (c != null && !present.contains(c)) {
                missing.add(mapping.column(f).orElseThrow() + " (" + f.label() + ")");
            }
        }
        if (!missing.isEmpty()) {
            return new ConnectionCheck(ErpProblem.MISSING_OBJECT, "File " + first.file().name() + " has no column "
                    + String.join(", ", missing) + " that the mapping reads; " + found);
        }
        return ConnectionCheck.ok(found);
    }

    // ---------------------------------------------------------------------------------------------------- read

    /**
     * The next rows of the cursor's file, or of the next settled file when that one is finished.
     *
     * @param limit at most this many rows (bills and returns; lines do not count), and at most {@code batch-size}
     */
    @Override
    public SourceBatch read(String cursorText, int limit) throws ErpSourceException {
        CsvCursor cursor = CsvCursor.parse(cursorText);
        int max = Math.max(1, Math.min(limit, settings.batchSize()));
        try {
            List<Waiting> settled = settled();
            Set<FileId> passed = new HashSet<>();
            Target target = start(cursor, settled, passed);
            List<FileId> skipped = new ArrayList<>();
            CsvCursor last = null;
            while (target != null) {
                List<SourceRow> rows = new ArrayList<>();
                CsvCursor after = readFile(target, max, rows);
                passed.add(target.file());
                if (!rows.isEmpty() || !after.atEnd()) {
                    boolean more = !after.atEnd() || next(settled, passed) != null;
                    remember(after, skipped);
                    return new SourceBatch(rows, after.text(), more);
                }
                // Nothing in it: on to the next file in the same read; moved aside with the batch's cursor.
                skipped.add(target.file());
                last = after;
                target = target(next(settled, passed));
            }
            if (last == null) {
                return new SourceBatch(List.of(), cursorText, false);
            }
            skipped.remove(last.file());
            remember(last, skipped);
            return new SourceBatch(List.of(), last.text(), false);
        } catch (IOException e) {
            throw new ErpSourceException(ErpProblem.UNREACHABLE, "Cannot read folder " + settings.folder() + ": "
                    + reason(e), e);
        } catch (java.io.UncheckedIOException e) {
            closeOpen();
            throw new ErpSourceException(ErpProblem.UNREACHABLE, "Cannot read folder " + settings.folder() + ": "
                    + reason(e.getCause()), e);
        }
    }

    private static Target target(Waiting w) {
        return w == null ? null : new Target(w.path(), w.file(), 0);
    }

    private void remember(CsvCursor after, List<FileId> skipped) {
        if (!skipped.isEmpty()) {
            finishedBefore.put(after.text(), List.copyOf(skipped));
        }
    }

    /**
     * Where a read starts: the cursor's file if it is still there unchanged and unfinished, else the first settled
     * file (not the cursor's own when it is finished: that one goes into {@code passed}).
     */
    private Target start(CsvCursor cursor, List<Waiting> settled, Set<FileId> passed) throws IOException {
        if (cursor == null) {
            return target(next(settled, passed));
        }
        Path path = inbox(cursor.fileName());
        FileId now = path == null ? null : FileId.of(path);
        if (now != null && now.equals(cursor.file())) {
            if (!cursor.atEnd()) {
                return new Target(path, now, cursor.consumed());
            }
            passed.add(now);
            unmoved.add(now); // its rows are stored: moved with the next commit even if its own commit was missed
            return target(next(settled, passed));
        }
        if (now != null) {
            log.info("CSV connector {}: {} was replaced since it was read; it is read again from its start",
                    connectorId, cursor.fileName());
        }
        return target(next(settled, passed));
    }

    /** The first settled file not passed in this read and not waiting to be moved. */
    private Waiting next(List<Waiting> settled, Set<FileId> passed) {
        for (Waiting w : settled) {
            if (!passed.contains(w.file()) && !unmoved.contains(w.file())) {
                return w;
            }
        }
        return null;
    }

    /** Reads up to {@code max} rows of one file into {@code rows}; returns the cursor after them. */
    private CsvCursor readFile(Target target, int max, List<SourceRow> rows) throws IOException {
        CsvFileReader r = open;
        open = null;
        if (r == null || !r.file.equals(target.file()) || r.position() != target.consumed()) {
            if (r != null) {
                r.close();
            }
            try {
                r = CsvFileReader.open(target.path(), target.file(), format(target.path(), target.file()),
                        settings.header());
            } catch (NoSuchFileException e) {
                return CsvCursor.end(target.file()); // gone since it was listed: nothing of it to read
            } catch (CsvFileReader.ParseFailure e) {
                failed(target.file(), e);
                return CsvCursor.end(target.file());
            }
            known.put(target.file().name(), new Known(r.format, r.originalColumns()));
        }
        boolean ended;
        List<CsvFileReader.Rec> group = new ArrayList<>();
        try {
            if (!r.skipTo(target.consumed())) {
                r.close();
                return CsvCursor.end(target.file());
            }
            while (rows.size() < max && nextGroup(r, group)) {
                rows.add(row(r, group));
                group.clear();
            }
            ended = r.peek() == null;
        } catch (CsvFileReader.ParseFailure e) {
            if (!group.isEmpty()) {
                rows.add(row(r, group)); // what was read of it before the damage; the host decides
            }
            failed(target.file(), e);
            ended = true;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        if (ended) {
            r.close();
            return CsvCursor.end(target.file());
        }
        open = r;
        return CsvCursor.at(target.file(), r.position());
    }

    /** Takes the next group of records (one bill) into {@code group}; false at the end of the file. */
    private boolean nextGroup(CsvFileReader r, List<CsvFileReader.Rec> group) throws CsvFileReader.ParseFailure {
        CsvFileReader.Rec first = r.peek();
        if (first == null) {
            return false;
        }
        group.add(r.next());
        String bill = billNumber(first);
        if (bill == null) {
            return true;
        }
        SourceRow.Kind kind = kind(first);
        for (CsvFileReader.Rec n = r.peek(); n != null && bill.equals(billNumber(n)) && kind == kind(n); n = r.peek()) {
            group.add(r.next());
        }
        return true;
    }

    private SourceRow row(CsvFileReader r, List<CsvFileReader.Rec> group) {
        CsvFileReader.Rec first = group.get(0);
        List<Map<String, Object>> lines = List.of();
        if (hasLines(r, first)) {
            lines = group.stream().map(g -> Collections.unmodifiableMap(g.values())).toList();
        }
        return new SourceRow(r.file.name() + ":" + first.line(), kind(first), first.values(), lines);
    }

    private boolean hasLines(CsvFileReader r, CsvFileReader.Rec rec) {
        for (String c : lineColumns) {
            if (r.columns().isEmpty() ? rec.values().containsKey(c) : r.columns().contains(c)) {
                return true;
            }
        }
        return false;
    }

    private String billNumber(CsvFileReader.Rec rec) {
        if (billColumn == null) {
            return null;
        }
        Object v = rec.values().get(billColumn);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private SourceRow.Kind kind(CsvFileReader.Rec rec) {
        if (typeColumn != null) {
            Object v = rec.values().get(typeColumn);
            if (v != null && returnValues.contains(v.toString().trim().toLowerCase(Locale.ROOT))) {
                return SourceRow.Kind.RETURN;
            }
        }
        return SourceRow.Kind.BILL;
    }

    private void failed(FileId file, CsvFileReader.ParseFailure e) {
        String message = "Could not read " + file.name() + " from line " + e.line + " on: " + e.getMessage();
        log.warn("CSV connector {}: {}", connectorId, message);
        failures.put(file, message);
    }

    // ---------------------------------------------------------------------------------------------------- backfill

    /**
     * The start of the inbox: for CSV files a backfill cannot go back in time by itself, because files whose rows
     * are stored have been moved to the done folder. To load a period again, copy its files from the done folder
     * back into the inbox (bills already posted are recognised by their number), then run the backfill or wait for
     * the next poll; {@code from} is not used.
     */
    @Override
    public String cursorFrom(Instant from) {
        return "";
    }

    /** Rows (bills and returns, not lines) left in the cursor's file and in the other settled files. */
    @Override
    public long remaining(String cursorText) throws ErpSourceException {
        CsvCursor cursor = CsvCursor.parse(cursorText);
        try {
            Set<FileId> skip = new HashSet<>(unmoved);
            long total = 0;
            if (cursor != null) {
                Path path = inbox(cursor.fileName());
                FileId now = path == null ? null : FileId.of(path);
                if (now != null && now.equals(cursor.file())) {
                    skip.add(now);
                    if (!cursor.atEnd()) {
                        total += countRows(path, now, cursor.consumed());
                    }
                }
            }
            for (Waiting w : settled()) {
                if (!skip.contains(w.file())) {
                    total += countRows(w.path(), w.file(), 0);
                }
            }
            return total;
        } catch (java.io.UncheckedIOException e) {
            throw new ErpSourceException(ErpProblem.UNREACHABLE, "Cannot read folder " + settings.folder() + ": "
                    + reason(e.getCause()), e);
        } catch (IOException e) {
            throw new ErpSourceException(ErpProblem.UNREACHABLE, "Cannot read folder " + settings.folder() + ": "
                    + reason(e), e);
        }
    }

    private long countRows(Path path, FileId file, long from) throws IOException {
        long n = 0;
        try (CsvFileReader r = CsvFileReader.open(path, file, format(path, file), settings.header())) {
            if (!r.skipTo(from)) {
                return 0;
            }
            List<CsvFileReader.Rec> group = new ArrayList<>();
            while (nextGroup(r, group)) {
                n++;
                group.clear();
            }
        } catch (NoSuchFileException e) {
            return n;
        } catch (CsvFileReader.ParseFailure e) {
            return n;
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------- commit

    /**
     * Moves the files whose rows are all stored to the done folder, with their markers: the cursor's file when it
     * is at its end, and the empty files the read that returned this cursor skipped. A file changed since it was
     * read (same name, other size or time) stays to be read again.
     */
    @Override
    public void committed(String cursorText) throws ErpSourceException {
        CsvCursor cursor = CsvCursor.parse(cursorText);
        Set<FileId> toMove = new LinkedHashSet<>(unmoved);
        List<FileId> before = cursorText == null ? null : finishedBefore.remove(cursorText);
        if (before != null) {
            toMove.addAll(before);
        }
        if (cursor != null && cursor.atEnd()) {
            toMove.add(cursor.file());
        }
        if (toMove.isEmpty()) {
            return;
        }
        if (open != null && toMove.contains(open.file)) {
            closeOpen();
        }
        List<String> problems = new ArrayList<>();
        for (FileId file : toMove) {
            try {
                moveToDone(file);
                unmoved.remove(file);
            } catch (IOException e) {
                unmoved.add(file);
                problems.add(file.name() + ": " + reason(e));
                log.warn("CSV connector {}: cannot move {} to {}: {}", connectorId, file.name(),
                        settings.doneFolder(), reason(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new ErpSourceException(ErpProblem.UNREACHABLE, "Cannot move finished files to "
                    + settings.doneFolder() + " (" + String.join("; ", problems) + "); they will not be read again "
                    + "and the move is retried after the next batch");
        }
    }

    private void moveToDone(FileId file) throws IOException {
        Path path = inbox(file.name());
        FileId now = path == null ? null : FileId.of(path);
        if (now == null) {
            return; // moved already
        }
        if (!now.equals(file)) {
            log.info("CSV connector {}: {} changed after it was read; left in the inbox to be read again",
                    connectorId, file.name());
            return;
        }
        Path done = settings.doneFolder();
        Files.createDirectories(done);
        Path target = freeName(done, file.name());
        move(path, target);
        Path marker = path.resolveSibling(file.name() + MARKER);
        if (Files.exists(marker)) {
            try {
                move(marker, target.resolveSibling(target.getFileName() + MARKER));
            } catch (IOException e) {
                // A marker left behind would let a new file of that name be read before it is complete.
                Files.deleteIfExists(marker);
            }
        }
        String failure = failures.remove(file);
        if (failure != null) {
            writeErrorNote(file.name(), failure + ". The rows before that line were read; the file was moved to "
                    + target + ". Fix it and put it in the folder again (bills already posted are recognised by "
                    + "their number).");
        }
        log.info("CSV connector {}: {} read and moved to {}", connectorId, file.name(), target);
    }

    private Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        if (!Files.exists(target)) {
            return target;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String stamp = STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
        target = folder.resolve(base + "." + stamp + ext);
        for (int k = 2; Files.exists(target); k++) {
            target = folder.resolve(base + "." + stamp + "-" + k + ext);
        }
        return target;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private void writeErrorNote(String fileName, String text) {
        try {
            Files.createDirectories(settings.rejectsFolder());
            Path note = settings.rejectsFolder().resolve(fileName + ".error.txt");
            Files.writeString(note, clock.instant() + " " + text + System.lineSeparator(),
                    java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("CSV connector {}: cannot write the error note of {}: {}", connectorId, fileName, reason(e));
        }
    }

    // ---------------------------------------------------------------------------------------------------- rejects

    /**
     * Appends the row to {@code <rejects-folder>/<file>.rejects.csv}: every record of it (its lines, or its values
     * when it has none) with the file's columns and a last {@code reject_reason} column, in the file's delimiter,
     * UTF-8 (with a BOM, so spreadsheet programs show ₹ and accents right). The header is written when the file is
     * created.
     */
    @Override
    public void rejected(SourceRow row, String reason) throws ErpSourceException {
        if (row == null) {
            return;
        }
        String fileName = fileOf(row.ref());
        Path out = settings.rejectsFolder().resolve(fileName + REJECTS_SUFFIX);
        List<Map<String, Object>> records = row.lines().isEmpty() ? List.of(row.values()) : row.lines();
        try {
            Known k = knownFormat(fileName);
            RejectsFile.append(out, k == null ? null : k.format().delimiter(), k == null ? List.of() : k.header(),
                    records, reason);
        } catch (IOException e) {
            throw new ErpSourceException(ErpProblem.UNREACHABLE, "Cannot write " + out + ": " + reason(e), e);
        }
    }

    /** The file a ref names: {@code sales.csv:17} is {@code sales.csv}. */
    static String fileOf(String ref) {
        String r = ref == null || ref.isBlank() ? "unknown" : ref;
        int colon = r.lastIndexOf(':');
        String name = colon > 0 ? r.substring(0, colon) : r;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.isBlank() || name.equals("..") || name.equals(".") ? "unknown" : name;
    }

    /** Format and header of a file by name: as read by this source, else from the inbox or the done folder. */
    private Known knownFormat(String fileName) {
        Known k = known.get(fileName);
        if (k != null) {
            return k;
        }
        for (Path dir : List.of(settings.folder(), settings.doneFolder())) {
            Path p = dir.resolve(fileName);
            try {
                FileId id = FileId.of(p);
                if (id != null) {
                    FileFormat f = format(p, id);
                    try (CsvFileReader r = CsvFileReader.open(p, id, f, settings.header())) {
                        k = new Known(f, r.originalColumns());
                    }
                    known.put(fileName, k);
                    return k;
                }
            } catch (IOException | CsvFileReader.ParseFailure e) {
                // fall back to the row's own column names
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- files

    /** The inbox's candidate files, settled or not, oldest first (by modification time, then name). */
    List<Waiting> waiting() throws IOException {
        Instant now = clock.instant();
        List<Waiting> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(settings.folder())) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                names.add(name);
                if (!candidate(name)) {
                    continue;
                }
                FileId id = FileId.of(p);
                if (id == null) {
                    continue;
                }
                files.add(new Waiting(p, id, false, false));
            }
        }
        seen.keySet().retainAll(names);
        List<Waiting> result = new ArrayList<>(files.size());
        for (Waiting w : files) {
            boolean marker = names.contains(w.file().name() + MARKER);
            result.add(new Waiting(w.path(), w.file(), marker, marker || settledByTime(w.file(), now)));
        }
        result.sort(Comparator.comparingLong((Waiting w) -> w.file().lastModified())
                .thenComparing(w -> w.file().name()));
        return result;
    }

    private List<Waiting> settled() throws IOException {
        return waiting().stream().filter(Waiting::settled).toList();
    }

    private boolean candidate(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lower.endsWith(MARKER) && !lower.endsWith(REJECTS_SUFFIX)
                && !lower.endsWith(".error.txt") && settings.matches(name);
    }

    /**
     * Unchanged for {@code settle-seconds}: its modification time is that old (a write changes it, and the size only
     * changes with a write), or this source has seen the same size and time for that long (which settles a file whose
     * time lies in the future, written through a share with another clock).
     */
    private boolean settledByTime(FileId file, Instant now) {
        long settleMillis = settings.settleSeconds() * 1000;
        if (file.lastModified() <= now.toEpochMilli() - settleMillis) {
            return true;
        }
        Seen s = seen.get(file.name());
        if (s == null || s.size() != file.size() || s.lastModified() != file.lastModified()) {
            seen.put(file.name(), new Seen(file.size(), file.lastModified(), now));
            return false;
        }
        return !s.since().isAfter(now.minusMillis(settleMillis));
    }

    private FileFormat format(Path path, FileId file) throws IOException {
        FileFormat f = formats.get(file);
        if (f == null) {
            f = FileFormat.detect(path, settings.encoding(), settings.fixedDelimiter());
            formats.put(file, f);
        }
        return f;
    }

    /** The inbox file of that name, or null for a name that is not a plain file name. */
    private Path inbox(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            return null;
        }
        return settings.folder().resolve(name);
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    }

    private void closeOpen() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    @Override
    public void close() {
        closeOpen();
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }
}
