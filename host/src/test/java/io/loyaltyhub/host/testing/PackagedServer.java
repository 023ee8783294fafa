package io.loyaltyhub.host.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution as users run it: {@code java -jar host/target/dist/loyalty-server.jar} in its own
 * process, with the embedded database in a data directory of the test's, on ports the server picks
 * (read from its ready banner). Output goes to a file that tests read.
 */
public final class PackagedServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = TestServer.ADMIN_PASSWORD;
    public static final String API_KEY = TestServer.API_KEY;

    private static final Pattern REST = Pattern.compile("REST API and webhooks\\s+http://localhost:(\\d+)");
    private static final Pattern ADMIN = Pattern.compile("Admin UI\\s+http://localhost:(\\d+)");
    /** A logged error (slf4j-simple: "12:00:00.000 [thread] ERROR Logger - ...") or a stack trace line. */
    private static final Pattern TROUBLE = Pattern.compile(
            "\\bERROR\\b|^\\s+at [\\w.$/]+\\(|^Caused by: |^[\\w.$]+(Exception|Error)(: |$)|^Exception in thread");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path output;
    private final Path dataDir;
    private final long outputStart;
    private int port;
    private int adminPort;

    private PackagedServer(Process process, Path output, Path dataDir, long outputStart) {
        this.process = process;
        this.output = output;
        this.dataDir = dataDir;
        this.outputStart = outputStart;
    }

    /** The server jar the build laid out (host/target/dist). */
    public static Path distJar() {
        Path jar = Path.of(System.getProperty("dist.jar", "target/dist/loyalty-server.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no distribution at " + jar + ": run the package phase first");
        }
        return jar;
    }

    /**
     * Starts {@code java -jar} on {@code dataDir} (created if missing), appending its output to
     * {@code dataDir/../<name>.log}. {@code env} adds or overrides environment variables.
     */
    public static PackagedServer start(Path dataDir, Map<String, String> env) throws IOException {
        Files.createDirectories(dataDir);
        Path output = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        long outputStart = Files.exists(output) ? Files.size(output) : 0;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", distJar().toString())
                .directory(dataDir.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> e = pb.environment();
        e.put("DATA_DIR", dataDir.toString());
        e.put("SERVER_HOST", "127.0.0.1");
        e.put("SERVER_PORT", "0");
        e.put("ADMIN_HOST", "127.0.0.1");
        e.put("ADMIN_PORT", "0");
        e.put("ADMIN_BOOTSTRAP_PASSWORD", ADMIN_PASSWORD);
        e.put("API_BOOTSTRAP_KEY", API_KEY);
        e.putAll(env);
        return new PackagedServer(pb.start(), output, dataDir, outputStart);
    }

    public static PackagedServer start(Path dataDir) throws IOException {
        return start(dataDir, new HashMap<>());
    }

    /** Waits for the ready banner and reads the ports from it; fails if the process ends first. */
    public PackagedServer awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = output();
            Matcher rest = REST.matcher(out);
            Matcher admin = ADMIN.matcher(out);
            if (out.contains(" ready in ") && rest.find() && admin.find()) {
                port = Integer.parseInt(rest.group(1));
                adminPort = Integer.parseInt(admin.group(1));
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server ended with " + process.exitValue() + " before it was ready:\n" + out);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within " + timeout + ":\n" + output());
    }

    /** What this process has printed so far. */
    public String output() throws IOException {
        byte[] all = Files.readAllBytes(output);
        return new String(all, (int) outputStart, all.length - (int) outputStart, StandardCharsets.UTF_8);
    }

    /** Lines of this process's output that are logged errors or parts of a stack trace. */
    public List<String> troubleLines() throws IOException {
        List<String> trouble = new ArrayList<>();
        for (String line : output().split("\\R")) {
            if (TROUBLE.matcher(line).find()) {
                trouble.add(line);
            }
        }
        return trouble;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String adminBase() {
        return "http://127.0.0.1:" + adminPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Process process() {
        return process;
    }

    /** A JSON request with the bootstrap API key. */
    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the bootstrap API key (null: none). */
    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as Ctrl-C or {@code docker stop} would; returns the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: a crash, with no shutdown hook. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Processes whose command line names this server's data directory (the embedded mariadbd). */
    public List<ProcessHandle> processesUsingDataDir() {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
                .toList();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // never leave a database behind, whatever the test did
        processesUsingDataDir().forEach(ProcessHandle::destroyForcibly);
    }
}
