package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.SourceBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Writes files into a temp inbox with modification times in the past, oldest first, and opens sources on it. */
final class CsvFixture {
    static final String HEADER = "type,Invoice_No,invoice_date,store_code,mobile,customer_name,net_amount,currency,"
            + "sku,category,qty,line_amount,reason\n";

    final Path inbox;
    private Instant next = Instant.now().minus(Duration.ofHours(1));

    CsvFixture(Path tempDir) {
        this.inbox = tempDir.resolve("inbox");
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CsvSource source(String... settings) {
        return source(CsvConnector.MAPPING.defaults(), settings);
    }

    CsvSource source(Mapping mapping, String... settings) {
        Map<String, String> s = new HashMap<>();
        s.put(CsvSettings.FOLDER, inbox.toString());
        s.put(CsvSettings.SETTLE_SECONDS, "1");
        for (int i = 0; i < settings.length; i += 2) {
            s.put(settings[i], settings[i + 1]);
        }
        try {
            return (CsvSource) new CsvConnector().open(new ErpSourceConfig(7, s, mapping, Map.of()));
        } catch (ErpSourceException e) {
            throw new AssertionError(e);
        }
    }

    /** A settled file: its modification time is in the past, each file a minute after the one before. */
    Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, String text, Charset charset) {
        return write(name, text.getBytes(charset));
    }

    Path write(String name, byte[] bytes) {
        Path p = writeFresh(name, bytes);
        next = next.plus(Duration.ofMinutes(1));
        age(p, next);
        return p;
    }

    /** A file just written (as if still being copied): its modification time is now. */
    Path writeFresh(String name, byte[] bytes) {
        try {
            return Files.write(inbox.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void age(Path p, Instant modified) {
        try {
            Files.setLastModifiedTime(p, FileTime.from(modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceBatch read(CsvSource source, String cursor, int limit) {
        try {
            return source.read(cursor, limit);
        } catch (ErpSourceException e) {
            throw new AssertionError(e);
        }
    }

    static String line(String type, String invoice, String sku, String qty, String amount) {
        return type + "," + invoice + ",2024-04-12T10:15:00,S01,9876543210,Asha Rao,1180.00,INR," + sku + ",Shoes,"
                + qty + "," + amount + ",\n";
    }
}
