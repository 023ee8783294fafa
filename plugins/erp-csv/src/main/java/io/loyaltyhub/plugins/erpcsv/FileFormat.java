package io.loyaltyhub.plugins.erpcsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How one file is encoded and delimited, as the settings say or as detected.
 *
 * @param bomBytes bytes of a byte order mark at the start, skipped
 */
record FileFormat(Charset charset, int bomBytes, char delimiter) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    /** How far the header line is looked at to guess the delimiter. */
    private static final int HEADER_SCAN = 64 * 1024;

    /** Detects what the settings leave to {@code auto}. */
    static FileFormat detect(Path file, String encoding, Character delimiter) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        boolean utf8Bom = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        boolean le = n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE;
        boolean be = n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF;
        Charset charset;
        int bom = 0;
        switch (encoding) {
            case CsvSettings.AUTO -> {
                if (utf8Bom) {
                    charset = StandardCharsets.UTF_8;
                    bom = 3;
                } else if (le || be) {
                    charset = le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
                    bom = 2;
                } else {
                    charset = validUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
                }
            }
            case "UTF-8" -> {
                charset = StandardCharsets.UTF_8;
                bom = utf8Bom ? 3 : 0;
            }
            case "UTF-16" -> {
                if (le || be) {
                    charset = le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
                    bom = 2;
                } else {
                    // No BOM: ASCII text has a zero byte first in big-endian, second in little-endian.
                    charset = n >= 2 && head[0] == 0 && head[1] != 0 ? StandardCharsets.UTF_16BE
                            : StandardCharsets.UTF_16LE;
                }
            }
            default -> charset = Charset.forName(encoding);
        }
        char d = delimiter != null ? delimiter : guessDelimiter(file, charset, bom);
        return new FileFormat(charset, bom, d);
    }

    /** A reader of the file's text after its BOM; undecodable bytes become U+FFFD rather than failing the file. */
    Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomBytes);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
    }

    /** For people: "UTF-8, delimiter ;". */
    String describe() {
        return charsetName() + ", delimiter " + delimiterName(delimiter);
    }

    String charsetName() {
        if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
            return "UTF-16";
        }
        return charset.name();
    }

    static String delimiterName(char d) {
        return d == '\t' ? "tab" : String.valueOf(d);
    }

    /** Whether the whole file decodes as UTF-8 (plain ASCII does). */
    static boolean validUtf8(Path file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), strict)) {
            char[] buf = new char[16 * 1024];
            while (r.read(buf) >= 0) {
                // only decoding matters
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The candidate (, ; tab |) that occurs most in the first non-blank line outside quotes; ',' if none does. */
    static char guessDelimiter(Path file, Charset charset, int bom) throws IOException {
        try (Reader r = new FileFormat(charset, bom, ',').open(file)) {
            return guessDelimiter(r);
        }
    }

    static char guessDelimiter(Reader r) throws IOException {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean seenText = false;
        for (int i = 0; i < HEADER_SCAN; i++) {
            int c = r.read();
            if (c < 0) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenText) {
                    break;
                }
                continue;
            }
            if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
            if (!Character.isWhitespace(c)) {
                seenText = true;
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
