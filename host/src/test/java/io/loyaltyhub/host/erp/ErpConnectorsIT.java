package io.loyaltyhub.host.erp;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ERP connectors through the REST API of a real server with the shipped plugins: a MariaDB ERP database read by a
 * SELECT-only user while it grows, ties of the watermark at a batch edge, every kind of bad row in the rejects queue
 * without holding up the rows after it, retries after the data is fixed, returns that reverse bills, and CSV files
 * in mixed encodings of which a half-written one waits.
 */
class ErpConnectorsIT {
    /** The store's zone: the ERP writes local times, and the mapping reads them in this zone. */
    private static final java.time.ZoneId STORE_CLOCK = java.time.ZoneId.of("Asia/Kolkata");
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("erp", TestServer.shippedPlugins());
        // bills from the ERP enrol the customers they name (a store's usual set-up)
        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY, "{\"enroll-on-bill\":\"true\"}")
                .status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static long create(String name, String type, String settingsJson, String mappingJson) {
        TestServer.Reply r = server.post("/api/v1/connectors", API_KEY, """
                {"name":"%s","type":"%s","settings":%s,"mapping":%s}""".formatted(name, type, settingsJson,
                mappingJson == null ? "null" : mappingJson));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("state").asText()).isEqualTo("PAUSED");
        return r.json().get("id").asLong();
    }

    private static String storeMapping() {
        return """
                {"columns":{"BILL_NUMBER":"invoice_no","BILLED_AT":"invoice_date","CUSTOMER_MOBILE":"mobile",
                 "CUSTOMER_NAME":"customer_name","AMOUNT":"net_amount","CURRENCY":"currency","STORE_ID":"store_code",
                 "LINE_SKU":"sku","LINE_CATEGORY":"category","LINE_QUANTITY":"qty","LINE_AMOUNT":"line_amount",
                 "RETURN_BILL_NUMBER":"invoice_no","RETURN_REASON":"reason","ROW_TYPE":"type"},
                 "dateFormat":"","timeZone":"Asia/Kolkata","amountScale":0,"currency":"INR","storeId":"BLR-1",
                 "returnValues":["RETURN"]}""";
    }

    private static long bills(String prefix) {
        return server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number LIKE '" + prefix + "%'");
    }

    private static JsonNode rejects(long id) {
        return server.get("/api/v1/connectors/" + id + "/rejects?open=true", API_KEY).json();
    }

    private static String mobile(int i) {
        return "+9198770" + String.format("%05d", i);
    }

    @Test
    void aConnectionTestSaysWhatIsWrongInTheDatabasesOwnWords() throws Exception {
        try (ErpSourceDb src = ErpSourceDb.create()) {
            String good = src.settingsJson(10);
            JsonNode ok = test(good);
            assertThat(ok.get("problem").isNull()).as(ok.toString()).isTrue();
            JsonNode missing = test(good.replace("FROM invoices", "FROM invoicez"));
            assertThat(missing.get("problem").asText()).isEqualTo("MISSING_OBJECT");
            assertThat(missing.get("message").asText()).contains("invoicez");
            JsonNode syntax = test(good.replace("SELECT * FROM invoices", "SELEC * FROM invoices"));
            assertThat(syntax.get("problem").asText()).as(syntax.toString()).isEqualTo("SYNTAX");
            JsonNode login = test(good.replace("\"user\":\"" + src.reader + "\"", "\"user\":\"nobody_here\""));
            assertThat(login.get("problem").asText()).as(login.toString()).isEqualTo("LOGIN_FAILED");
            JsonNode unreachable = test(good.replaceAll("jdbc:mariadb://[^/]+/", "jdbc:mariadb://127.0.0.1:1/"));
            assertThat(unreachable.get("problem").asText()).as(unreachable.toString()).isEqualTo("UNREACHABLE");
            TestServer.Reply bad = server.post("/api/v1/connectors", API_KEY, """
                    {"name":"","type":"jdbc","settings":{"url":"http://x"}}""");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body()).contains("name").contains("settings.url").contains("settings.bills-query");
        }
    }

    private static JsonNode test(String settings) {
        TestServer.Reply r = server.post("/api/v1/connectors/test", API_KEY, """
                {"name":"t","type":"jdbc","settings":%s,"mapping":%s}""".formatted(settings, storeMapping()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void billsFlowInWhileTheTableGrowsAndATieOfTheWatermarkAtABatchEdgeIsReadOnce() throws Exception {
        try (ErpSourceDb src = ErpSourceDb.create()) {
            LocalDateTime t = LocalDateTime.now(STORE_CLOCK).truncatedTo(ChronoUnit.SECONDS); // the ERP's local time
            for (int i = 0; i < 12; i++) { // twelve changes in the same millisecond, read five at a time
                src.invoice("JT-" + i, t.minusHours(1), mobile(i), "1000", "INR", t);
            }
            for (int i = 12; i < 15; i++) {
                src.invoice("JT-" + i, t.minusHours(1), mobile(i), "500", "INR", t.plusSeconds(1));
            }
            long id = create("Store DB tie", "jdbc", src.settingsJson(5), storeMapping());
            JsonNode preview = server.post("/api/v1/connectors/" + id + "/preview", API_KEY, "").json();
            assertThat(preview).hasSize(15);
            assertThat(preview.get(0).get("ok").asBoolean()).as(preview.get(0).toString()).isTrue();
            assertThat(preview.get(0).get("outcome").asText()).startsWith("would earn");
            assertThat(bills("JT-")).as("a preview writes nothing").isZero();

            assertThat(server.post("/api/v1/connectors/" + id + "/resume", API_KEY, "").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> bills("JT-") == 15);
            for (int i = 15; i < 40; i++) { // the ERP goes on selling while the connector polls
                src.invoice("JT-" + i, t.minusMinutes(5), mobile(i), "250", "INR", t.plusSeconds(2 + i / 10));
                if (i % 7 == 0) {
                    Thread.sleep(300);
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> bills("JT-") == 40);
            Thread.sleep(2500); // two more polls: nothing read twice
            JsonNode runs = server.get("/api/v1/connectors/" + id + "/runs?limit=200", API_KEY).json();
            long posted = 0;
            long duplicates = 0;
            for (JsonNode run : runs) {
                posted += run.get("billsPosted").asLong();
                duplicates += run.get("duplicates").asLong();
                assertThat(run.get("status").asText()).isIn("OK", "RUNNING");
            }
            assertThat(posted).isEqualTo(40);
            assertThat(duplicates).as("the tie at the batch edge is read once").isZero();
            assertThat(rejects(id)).isEmpty();
            JsonNode info = server.get("/api/v1/connectors/" + id, API_KEY).json();
            assertThat(info.get("state").asText()).isEqualTo("RUNNING");
            assertThat(info.get("lagSeconds").asLong()).isLessThan(600);
            assertThat(info.get("health").isNull()).isTrue();
            assertThat(server.post("/api/v1/connectors/" + id + "/pause", API_KEY, "").json().get("state").asText())
                    .isEqualTo("PAUSED");
        }
    }

    @Test
    void badRowsOfEveryKindWaitInTheRejectsQueueAndTheRowsAfterThemPost() throws Exception {
        try (ErpSourceDb src = ErpSourceDb.create()) {
            LocalDateTime t = LocalDateTime.now(STORE_CLOCK).truncatedTo(ChronoUnit.SECONDS); // the ERP's local time
            // the same number was posted by the POS with other content
            TestServer.Reply pos = server.post("/api/v1/bills", API_KEY, """
                    {"billNumber":"JB-DUP","billedAt":"%s","customerMobile":"%s","amount":999,"currency":"INR",
                     "storeId":"BLR-1"}""".formatted(Instant.now().minusSeconds(600), mobile(100)));
            assertThat(pos.status()).as(pos.body()).isIn(200, 201);
            src.invoice("JB-1", t.minusHours(1), mobile(101), "1000", "INR", t);
            src.invoice("JB-NOMOBILE", t.minusHours(1), null, "1000", "INR", t.plusNanos(1_000_000));
            src.invoice("JB-NEG", t.minusHours(1), mobile(102), "-50", "INR", t.plusNanos(2_000_000));
            src.invoice("JB-CUR", t.minusHours(1), mobile(103), "100", "XYZ", t.plusNanos(3_000_000));
            src.invoice("JB-DUP", t.minusHours(1), mobile(100), "1", "INR", t.plusNanos(4_000_000));
            src.invoice("JB-BADMOBILE", t.minusHours(1), "12", "100", "INR", t.plusNanos(5_000_000));
            src.invoice("JB-2", t.minusHours(1), mobile(104), "700", "INR", t.plusNanos(6_000_000));
            long id = create("Store DB rejects", "jdbc", src.settingsJson(3), storeMapping());
            JsonNode preview = server.post("/api/v1/connectors/" + id + "/preview", API_KEY, "").json();
            assertThat(preview.get(1).get("ok").asBoolean()).isFalse();
            assertThat(preview.get(1).get("problems").get("CUSTOMER_MOBILE").asText()).isEqualTo("missing");

            JsonNode run = server.post("/api/v1/connectors/" + id + "/run", API_KEY, "").json();
            assertThat(run.get("kind").asText()).isEqualTo("POLL");
            await().atMost(Duration.ofSeconds(30)).until(() -> bills("JB-") == 3 && rejects(id).size() == 5);
            List<String> reasons = new ArrayList<>();
            rejects(id).forEach(r -> reasons.add(r.get("billNumber").asText() + ": " + r.get("reason").asText()));
            assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("JB-NOMOBILE").contains("Customer mobile: missing"))
                    .anySatisfy(r -> assertThat(r).startsWith("JB-NEG").contains("negative"))
                    .anySatisfy(r -> assertThat(r).startsWith("JB-CUR").contains("unknown currency 'XYZ'"))
                    .anySatisfy(r -> assertThat(r).startsWith("JB-DUP").contains("different content"))
                    .anySatisfy(r -> assertThat(r).startsWith("JB-BADMOBILE").contains("mobile"));
            assertThat(server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number = 'JB-2'")).isOne();

            // the ERP's data is fixed (which changes the row): the next read posts it and the reject is resolved
            src.exec("UPDATE invoices SET mobile = '" + mobile(105) + "', modified_at = '" + t.plusSeconds(30)
                    + "' WHERE invoice_no = 'JB-NOMOBILE'");
            server.post("/api/v1/connectors/" + id + "/run", API_KEY, "");
            await().atMost(Duration.ofSeconds(30)).until(() -> rejects(id).size() == 4);
            assertThat(server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number = 'JB-NOMOBILE'")).isOne();
            // a retry of rows as they were read changes nothing while neither data nor mapping changed
            TestServer.Reply retry = server.post("/api/v1/connectors/" + id + "/rejects/retry", API_KEY, "{}");
            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(retry.json().get("resolved").asInt()).isZero();
            // the mapping is fixed (the currency column is not read; every bill is in the default currency)
            TestServer.Reply fixed = server.send("PUT", "/api/v1/connectors/" + id, API_KEY, """
                    {"name":"Store DB rejects","settings":%s,"mapping":%s}""".formatted(src.settingsJson(3),
                    storeMapping().replace("\"CURRENCY\":\"currency\",", "")));
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
            retry = server.post("/api/v1/connectors/" + id + "/rejects/retry", API_KEY, "{}");
            assertThat(retry.json().get("resolved").asInt()).as("JB-CUR posts in the default currency").isOne();
            assertThat(rejects(id)).hasSize(3);
            assertThat(server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number = 'JB-CUR'")).isOne();
        }
    }

    @Test
    void aReturnInTheErpReversesTheBill() throws Exception {
        try (ErpSourceDb src = ErpSourceDb.create()) {
            LocalDateTime t = LocalDateTime.now(STORE_CLOCK).truncatedTo(ChronoUnit.SECONDS); // the ERP's local time
            src.invoice("JR-1", t.minusHours(2), mobile(200), "2000", "INR", t);
            long id = create("Store DB returns", "jdbc", src.settingsJson(10), storeMapping());
            server.post("/api/v1/connectors/" + id + "/resume", API_KEY, "");
            await().atMost(Duration.ofSeconds(30)).until(() -> bills("JR-1") == 1);
            long customer = server.count("SELECT customer_id FROM loyalty_bill WHERE bill_number = 'JR-1'");
            long earned = server.count("SELECT points_earned FROM loyalty_bill WHERE bill_number = 'JR-1'");
            long before = server.count("SELECT wallet + pending FROM loyalty_customer WHERE id = " + customer);
            assertThat(earned).isPositive();
            src.returned("JR-1", "damaged", t.plusSeconds(5));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.count(
                    "SELECT COUNT(*) FROM loyalty_bill WHERE bill_number = 'JR-1' AND reversed_at IS NOT NULL") == 1);
            assertThat(server.count("SELECT wallet + pending FROM loyalty_customer WHERE id = " + customer))
                    .as("what the bill earned is taken back").isEqualTo(before - earned);
            server.post("/api/v1/connectors/" + id + "/pause", API_KEY, "");
        }
    }

    @Test
    void csvFilesInMixedEncodingsArePostedAndAHalfWrittenFileWaits() throws Exception {
        Path inbox = Files.createTempDirectory("erp-csv-inbox");
        Instant old = Instant.now().minusSeconds(3600); // settled long ago
        String header = "invoice_no;invoice_date;mobile;customer_name;net_amount;currency;store_code;type;sku;category;qty;line_amount\n";
        String when = LocalDateTime.now(STORE_CLOCK).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        // UTF-8 with a BOM, two lines for one bill, a bad date
        write(inbox.resolve("a.csv"), "\uFEFF" + header
                + "JC-1;" + when + ";" + mobile(300) + ";Zoë;1500;INR;BLR-1;SALE;S1;toys;1;1000\n"
                + "JC-1;" + when + ";" + mobile(300) + ";Zoë;1500;INR;BLR-1;SALE;S2;books;1;500\n"
                + "JC-BAD;yesterday;" + mobile(301) + ";X;100;INR;BLR-1;SALE;S3;toys;1;100\n"
                + "JC-2;" + when + ";" + mobile(302) + ";Asha;800;INR;BLR-1;SALE;S4;toys;2;800\n",
                StandardCharsets.UTF_8, old);
        // Windows-1252, as many ERPs export it
        write(inbox.resolve("b.csv"), header + "JC-3;" + when + ";" + mobile(303) + ";René;300;INR;BLR-1;SALE;S5;toys;1;300\n",
                Charset.forName("windows-1252"), old.plusSeconds(1));
        // still being written: recent and no marker
        write(inbox.resolve("c.csv"), header + "JC-4;" + when + ";" + mobile(304) + ";Late;400;INR;BLR-1;SALE;S6;toys;1;400\n",
                StandardCharsets.UTF_8, Instant.now());
        long id = create("Store CSV", "csv", """
                {"folder":"%s","settle-seconds":"600","poll-interval":"PT1S"}""".formatted(inbox), storeMapping());
        server.post("/api/v1/connectors/" + id + "/resume", API_KEY, "");
        await().atMost(Duration.ofSeconds(30)).until(() -> bills("JC-") == 3 && rejects(id).size() == 1);
        assertThat(server.jdbcString("SELECT name FROM loyalty_customer WHERE mobile = '" + mobile(303) + "'"))
                .isEqualTo("René");
        assertThat(server.jdbcString("SELECT name FROM loyalty_customer WHERE mobile = '" + mobile(300) + "'"))
                .isEqualTo("Zoë");
        assertThat(rejects(id).get(0).get("reason").asText()).contains("not a date: 'yesterday'");
        Thread.sleep(2000);
        assertThat(bills("JC-4")).as("a half-written file is not read").isZero();
        Files.writeString(inbox.resolve("c.csv.done"), "");
        await().atMost(Duration.ofSeconds(30)).until(() -> bills("JC-4") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done").resolve("c.csv")));
        assertThat(inbox.resolve("done").resolve("a.csv")).exists();
        assertThat(inbox.resolve("a.csv")).doesNotExist();
        try (var files = Files.list(inbox.resolve("rejects"))) {
            Path rejectsFile = files.findFirst().orElseThrow();
            assertThat(Files.readString(rejectsFile)).contains("JC-BAD").contains("not a date");
        }
        server.post("/api/v1/connectors/" + id + "/pause", API_KEY, "");
    }

    private static void write(Path file, String text, Charset charset, Instant modified) throws Exception {
        Files.write(file, text.getBytes(charset));
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
