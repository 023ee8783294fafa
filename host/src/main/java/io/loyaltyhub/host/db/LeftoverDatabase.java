package io.loyaltyhub.host.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * An embedded mariadbd that outlived the server that started it (a {@code kill -9}, a power cut of
 * the JVM only): found through its pid file, recognised by the data directory on its command line,
 * and stopped, so that it never holds the data directory for the next start.
 */
final class LeftoverDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverDatabase.class);

    private LeftoverDatabase() {
    }

    /** Stops the mariadbd named in {@code pidFile} if it runs on {@code dataDir}: SIGTERM, then SIGKILL. */
    static void stop(Path pidFile, Path dataDir, Duration patience) throws InterruptedException {
        Optional<ProcessHandle> leftover = find(pidFile, dataDir);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle p = leftover.get();
        LOG.warn("A database from an earlier run (pid {}) still holds {}: stopping it", p.pid(), dataDir);
        p.destroy();
        long deadline = System.nanoTime() + patience.toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (p.isAlive()) {
            LOG.warn("It did not stop within {}: killing it", patience);
            p.destroyForcibly();
            while (p.isAlive()) {
                Thread.sleep(100);
            }
        }
    }

    /** The live process of {@code pidFile}, only if its command line names {@code dataDir} (pids are reused). */
    static Optional<ProcessHandle> find(Path pidFile, Path dataDir) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String marker = "--datadir=" + dataDir.toAbsolutePath();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }

    /**
     * A small shell process that waits for {@code jvmPid} to end, then stops the mariadbd of
     * {@code pidFile} if it still runs on {@code dataDir}. It outlives a JVM killed with -9 by design.
     */
    static Process watchdog(long jvmPid, Path pidFile, Path dataDir) throws IOException {
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "p=$(cat \"$2\" 2>/dev/null) || exit 0; "
                + "tr '\\0' ' ' < /proc/\"$p\"/cmdline 2>/dev/null | grep -qF -- \"--datadir=$3\" && kill -TERM \"$p\"";
        return new ProcessBuilder("/bin/sh", "-c", script, "loyalty-db-watchdog", String.valueOf(jvmPid),
                pidFile.toAbsolutePath().toString(), dataDir.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
