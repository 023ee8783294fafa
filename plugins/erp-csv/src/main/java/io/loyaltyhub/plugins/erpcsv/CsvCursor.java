package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceException;

/**
 * Where a CSV source stands: {@code <file name>|<file size>|<last modified millis>|<records consumed>}, the last
 * being the number of data records (after the header, blank records included) already returned, or {@code end}
 * when the file has been read to its end. Name, size and modification time identify the file: a file replaced under
 * the same name no longer matches and is read from its beginning. The empty text is the start of the inbox.
 *
 * @param consumed records consumed, or {@link #END}
 */
record CsvCursor(String fileName, long size, long lastModified, long consumed) {

    static final long END = -1;
    private static final String END_TEXT = "end";

    static CsvCursor at(FileId file, long consumed) {
        return new CsvCursor(file.name(), file.size(), file.lastModified(), consumed);
    }

    static CsvCursor end(FileId file) {
        return at(file, END);
    }

    /** @return null for the start of the inbox (a null or blank cursor) */
    static CsvCursor parse(String text) throws ErpSourceException {
        if (text == null || text.isBlank()) {
            return null;
        }
        // The file name may itself contain '|': the three numbers are taken from the right.
        int c = text.lastIndexOf('|');
        int b = c <= 0 ? -1 : text.lastIndexOf('|', c - 1);
        int a = b <= 0 ? -1 : text.lastIndexOf('|', b - 1);
        if (a <= 0) {
            throw bad(text);
        }
        try {
            String name = text.substring(0, a);
            long size = Long.parseLong(text.substring(a + 1, b));
            long modified = Long.parseLong(text.substring(b + 1, c));
            String last = text.substring(c + 1);
            long consumed = END_TEXT.equals(last) ? END : Long.parseLong(last);
            if (consumed < END || size < 0) {
                throw bad(text);
            }
            return new CsvCursor(name, size, modified, consumed);
        } catch (NumberFormatException e) {
            throw bad(text);
        }
    }

    boolean atEnd() {
        return consumed == END;
    }

    FileId file() {
        return new FileId(fileName, size, lastModified);
    }

    String text() {
        return fileName + "|" + size + "|" + lastModified + "|" + (atEnd() ? END_TEXT : Long.toString(consumed));
    }

    @Override
    public String toString() {
        return text();
    }

    private static ErpSourceException bad(String text) {
        return new ErpSourceException(ErpProblem.SETTINGS, "'" + text
                + "' is not a CSV connector cursor (expected <file>|<size>|<modified millis>|<records or end>)");
    }
}
