package io.loyaltyhub.host;

import io.loyaltyhub.host.testing.PackagedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes of the packaged server under load, as users would have them: {@code kill -9} of the JVM three times
 * in a row, of the embedded mariadbd, and of both. Every restart comes up by itself, and no bill that was
 * acknowledged is lost or doubled.
 */
class CrashRestartIT {
    private static final Pattern DB_PORT = Pattern.compile("embedded MariaDB jdbc:mariadb://127.0.0.1:(\\d+)/loyalty");

    private final List<PackagedServer> servers = new ArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();

    @AfterEach
    void cleanUp() {
        servers.forEach(PackagedServer::close);
    }

    private PackagedServer start(Path data) throws Exception {
        long t0 = System.nanoTime();
        PackagedServer s = PackagedServer.start(data);
        servers.add(s);
        s.awaitReady(Duration.ofMinutes(3));
        System.out.printf("ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return s;
    }

    @Test
    void comesBackByItselfAfterEveryKindOfCrash() throws Exception {
        Path data = Files.createTempDirectory("crash-restart").resolve("data");
        List<Double> readyTimes = new ArrayList<>();

        for (int crash = 1; crash <= 3; crash++) {
            long t0 = System.nanoTime();
            PackagedServer s = start(data);
            readyTimes.add((System.nanoTime() - t0) / 1e9);
            if (crash == 1) {
                assertThat(s.send("PUT", "/api/v1/plugins/loyalty/settings", "{\"enroll-on-bill\":\"true\"}")
                        .statusCode()).isEqualTo(200);
            }
            underLoad(s, Duration.ofSeconds(3), s::kill); // kill -9 of the JVM while bills come in
            // the watchdog ends the database with the JVM
            await().atMost(Duration.ofSeconds(30)).until(() -> s.processesUsingDataDir().isEmpty());
        }
        long t0 = System.nanoTime();
        PackagedServer s = start(data);
        double afterThree = (System.nanoTime() - t0) / 1e9;
        System.out.printf("time to ready: %s, after three kills in a row %.1f s%n", readyTimes, afterThree);
        assertExactlyTheAcknowledgedBills(s);

        // mariadbd dies under the running server: it is started again and the server goes on
        underLoad(s, Duration.ofSeconds(2), () -> killDatabase(data));
        long t1 = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> postBill(s) == 200);
        System.out.printf("serving bills again %.1f s after mariadbd was killed%n", (System.nanoTime() - t1) / 1e9);

        // both at once
        killDatabase(data);
        s.kill();
        t0 = System.nanoTime();
        PackagedServer last = start(data);
        System.out.printf("ready %.1f s after the JVM and mariadbd were both killed%n", (System.nanoTime() - t0) / 1e9);
        assertExactlyTheAcknowledgedBills(last);
        assertThat(last.stop(Duration.ofSeconds(60))).isIn(0, 143);
        assertThat(last.processesUsingDataDir()).isEmpty();
    }

    /** Posts bills from four threads for {@code duration}, then runs {@code crash} while they are still posting. */
    private void underLoad(PackagedServer s, Duration duration, ThrowingRunnable crash) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                while (!stop.get()) {
                    try {
                        postBill(s);
                    } catch (Exception e) {
                        // the server is going down: expected
                    }
                }
            }));
        }
        Thread.sleep(duration.toMillis());
        crash.run();
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    private int postBill(PackagedServer s) throws IOException, InterruptedException {
        String number = "CR-" + next.incrementAndGet();
        String body = "{\"billNumber\":\"" + number + "\",\"billedAt\":\"" + Instant.now().minusSeconds(5)
                + "\",\"customerMobile\":\"+9198450" + String.format("%05d", next.get() % 50) + "\",\"amount\":1250.50,"
                + "\"currency\":\"INR\"}";
        HttpResponse<String> r = s.send("POST", "/api/v1/bills", body);
        if (r.statusCode() == 200 || r.statusCode() == 201) {
            acknowledged.add(number);
        }
        return r.statusCode() == 201 ? 200 : r.statusCode();
    }

    /** Every acknowledged bill is stored once, and the ledger's movements sum to zero. */
    private void assertExactlyTheAcknowledgedBills(PackagedServer s) throws Exception {
        Matcher m = DB_PORT.matcher(s.output());
        assertThat(m.find()).as("database port in the banner").isTrue();
        String password = Files.readString(s.dataDir().resolve("mariadb/password")).strip();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + m.group(1) + "/loyalty", "root",
                password); Statement st = c.createStatement()) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            try (ResultSet rs = st.executeQuery("SELECT bill_number FROM loyalty_bill WHERE bill_number LIKE 'CR-%'")) {
                while (rs.next()) {
                    assertThat(stored.add(rs.getString(1))).as("stored once: " + rs.getString(1)).isTrue();
                }
            }
            assertThat(stored).containsAll(acknowledged);
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(amount), 0) FROM loyalty_entry")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the ledger sums to zero").isZero();
            }
        }
        System.out.printf("%d bills acknowledged, all stored once%n", acknowledged.size());
    }

    private static void killDatabase(Path data) throws IOException {
        long pid = Long.parseLong(Files.readString(data.resolve("mariadb/mariadbd.pid")).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
