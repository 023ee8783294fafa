package io.loyaltyhub.host.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.host.testing.PackagedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged server ({@code java -jar}) killed with {@code -9} in the middle of a backfill from a MariaDB ERP
 * database, twice, then started again: the backfill carries on by itself where it was, and in the end the ledger
 * holds every ERP bill exactly once and every point exactly once.
 */
class ErpCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BILLS = 8_000;
    private final List<PackagedServer> servers = new ArrayList<>();
    private ErpSourceDb src;

    @AfterEach
    void stop() {
        servers.forEach(PackagedServer::close);
        if (src != null) {
            src.close();
        }
    }

    private PackagedServer start(Path data) throws Exception {
        PackagedServer s = PackagedServer.start(data, java.util.Map.of());
        servers.add(s);
        s.awaitReady(Duration.ofMinutes(3));
        return s;
    }

    @Test
    void aKillInTheMiddleOfABackfillLosesAndDoublesNothing() throws Exception {
        src = ErpSourceDb.create();
        LocalDateTime first = LocalDateTime.now(ZoneOffset.UTC).minusDays(30).truncatedTo(ChronoUnit.DAYS);
        src.bulk("KB-", BILLS, 3_000, first);
        Path data = Files.createTempDirectory("erp-crash").resolve("data");
        PackagedServer s = start(data);
        assertThat(s.send("PUT", "/api/v1/plugins/loyalty/settings", "{\"enroll-on-bill\":\"true\"}").statusCode())
                .isEqualTo(200);
        assertThat(s.send("POST", "/api/v1/stores", "{\"code\":\"BLR-1\",\"name\":\"Bengaluru 1\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> created = s.send("POST", "/api/v1/connectors", """
                {"name":"Crash","type":"jdbc","settings":%s}""".formatted(src.settingsJson(200)
                .replace("\"poll-interval\":\"PT1S\"", "\"poll-interval\":\"PT2S\"")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(s.send("POST", "/api/v1/connectors/" + id + "/backfill", "{\"from\":\"" + first.toLocalDate() + "\"}")
                .statusCode()).isEqualTo(200);

        for (int kill = 1; kill <= 2; kill++) {
            PackagedServer running = s;
            long before = posted(running, id);
            // in the middle of the backfill: some batches in, most not
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> posted(running, id) > before + 800);
            running.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> running.processesUsingDataDir().isEmpty());
            System.out.println("kill " + kill + " (-9) in the middle of the backfill");
            s = start(data);
        }
        PackagedServer last = s;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode info = JSON.readTree(last.get("/api/v1/connectors/" + id, PackagedServer.API_KEY).body());
            JsonNode run = info.get("lastRun");
            return run != null && run.get("kind").asText().equals("BACKFILL") && run.get("status").asText().equals("OK");
        });
        try (Connection db = ledger(last); Statement st = db.createStatement()) {
            assertThat(one(st, "SELECT COUNT(*) FROM loyalty_bill WHERE bill_number LIKE 'KB-%'")).isEqualTo(BILLS);
            assertThat(one(st, "SELECT COUNT(DISTINCT bill_number) FROM loyalty_bill WHERE bill_number LIKE 'KB-%'"))
                    .isEqualTo(BILLS);
            assertThat(one(st, "SELECT COUNT(*) FROM loyalty_transfer WHERE idem_key LIKE 'bill:KB-%'"))
                    .as("each bill's points once").isEqualTo(BILLS);
            assertThat(one(st, "SELECT COALESCE(SUM(amount), 0) FROM loyalty_entry")).as("the ledger sums to zero")
                    .isZero();
            assertThat(one(st, "SELECT COUNT(*) FROM erp_reject")).isZero();
            // the runs' counts: a batch posted just before a kill is found again as duplicates after it
            assertThat(one(st, "SELECT SUM(bills_posted) FROM erp_run WHERE connector_id = " + id))
                    .isLessThanOrEqualTo(BILLS);
            assertThat(one(st, "SELECT SUM(bills_posted + duplicates) FROM erp_run WHERE connector_id = " + id))
                    .isGreaterThanOrEqualTo(BILLS);
        }
        assertThat(last.troubleLines()).as("no errors in the log after the restart").isEmpty();
    }

    private static long posted(PackagedServer s, long id) throws Exception {
        JsonNode runs = JSON.readTree(s.get("/api/v1/connectors/" + id + "/runs?limit=100", PackagedServer.API_KEY)
                .body());
        long total = 0;
        for (JsonNode r : runs) {
            total += r.get("billsPosted").asLong();
        }
        return total;
    }

    /** The packaged server's own embedded database, with the password it keeps in its data directory. */
    private static Connection ledger(PackagedServer s) throws Exception {
        Matcher m = Pattern.compile("jdbc:mariadb://127\\.0\\.0\\.1:(\\d+)/loyalty").matcher(s.output());
        String port = null;
        while (m.find()) {
            port = m.group(1);
        }
        assertThat(port).as("the database line of the banner").isNotNull();
        String password = Files.readString(s.dataDir().resolve("mariadb").resolve("password")).trim();
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/loyalty", "root", password);
    }

    private static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
