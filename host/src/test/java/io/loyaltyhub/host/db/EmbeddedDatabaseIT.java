package io.loyaltyhub.host.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The embedded MariaDB: closed to other local users, never left holding its data, and back after a crash. */
class EmbeddedDatabaseIT {
    private final List<EmbeddedMariaDb> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(EmbeddedMariaDb::close);
    }

    private EmbeddedMariaDb start(Path dir) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dir);
        started.add(db);
        return db;
    }

    private static Path dir() throws Exception {
        Path base = Files.createDirectories(Path.of(System.getProperty("test.work.dir", "target/it-work")).toAbsolutePath());
        return Files.createTempDirectory(base, "embedded-db");
    }

    @Test
    void onlyTheGeneratedPasswordGetsIn() throws Exception {
        Path dir = dir();
        EmbeddedMariaDb db = start(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("password"))))
                .isEqualTo("rw-------");
        assertThat(db.password()).isEqualTo(Files.readString(dir.resolve("password")).strip()).hasSizeGreaterThan(20);
        assertThat(dir.resolve("init.sql")).doesNotExist(); // it held the password only while starting

        for (String user : List.of("root", "nobody", "")) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.url(""), user, "").close())
                    .as("user '%s' without a password", user).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(db.url(""), "root", "wrong").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        try (Connection c = DriverManager.getConnection(db.url(""), db.user(), db.password())) {
            assertThat(c.isValid(2)).isTrue();
        }

        // the same password after a restart
        String password = db.password();
        db.close();
        started.clear();
        assertThat(start(dir).password()).isEqualTo(password);
    }

    @Test
    void aStartStopsTheDatabaseAnEarlierRunLeftBehind() throws Exception {
        Path dir = dir();
        EmbeddedMariaDb leftover = start(dir);
        leftover.abandon(); // as if its JVM had been killed with -9
        long leftoverPid = Long.parseLong(Files.readString(dir.resolve("mariadbd.pid")).strip());

        long t0 = System.nanoTime();
        EmbeddedMariaDb next = start(dir);
        System.out.printf("started over a leftover database in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (Connection c = DriverManager.getConnection(next.url(""), next.user(), next.password())) {
            assertThat(c.isValid(2)).isTrue();
        }
        started.remove(leftover);
    }

    @Test
    void aDatabaseThatDiesUnderTheServerIsStartedAgainOnItsPort() throws Exception {
        Path dir = dir();
        EmbeddedMariaDb db = start(dir);
        try (Connection c = DriverManager.getConnection(db.url(""), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE kept");
            s.execute("CREATE TABLE kept.t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO kept.t VALUES (1)");
        }
        long pid = Long.parseLong(Files.readString(dir.resolve("mariadbd.pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            try (Connection c = DriverManager.getConnection(db.url(""), db.user(), db.password());
                 Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT COUNT(*) FROM kept.t");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        });
        assertThat(Long.parseLong(Files.readString(dir.resolve("mariadbd.pid")).strip())).isNotEqualTo(pid);
    }

    @Test
    void initFileQuotesThePassword() {
        assertThat(EmbeddedMariaDb.initSql("it's\\x")).contains("IDENTIFIED BY 'it''s\\\\x'");
    }
}
