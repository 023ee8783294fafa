package io.loyaltyhub.host.bench;

import io.loyaltyhub.host.testing.TestServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;

/**
 * {@code GET /r/{code}} with every click committed before the 302, next to nginx answering a static 302 on the same
 * machine in the same run: the most requests per second each serves (closed loop, {@code bench.clients} keep-alive
 * connections), then latency at 80 % of the server's maximum (open loop: each request has a due time and its latency
 * counts from then), and the count check (clicks in the database equal the 302s received).
 *
 * <p>{@code ./mvnw -q -Pbench -DskipTests verify -Dbench.main=io.loyaltyhub.host.bench.RedirectBenchmark}
 * (knobs {@code -Dbench.clients=32 -Dbench.seconds=20}). nginx is Debian's ({@code apt-get install -y nginx}); it runs
 * from a generated configuration in a temporary directory on a free loopback port; without it the server runs alone.
 */
public final class RedirectBenchmark {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final String UA = "User-Agent: Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1\r\n";

    private RedirectBenchmark() {
    }

    /** What one phase measured: 302s received, failures, seconds, latencies in µs (sorted). */
    record Result(long ok, long failed, double seconds, long[] micros) {
        double perSecond() {
            return ok / seconds;
        }

        double pct(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(micros.length - 1, Math.ceil(p * micros.length) - 1);
            return micros[Math.max(0, i)] / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        Nginx nginx = Nginx.start();
        try (TestServer server = TestServer.start("bench-redirect", TestServer.shippedPlugins(), Clock.systemUTC(),
                c -> c.withPoolSize(16))) {
            TestServer.Reply s = server.send("PUT", "/api/v1/plugins/affiliates/settings", API_KEY,
                    "{\"allowed-target-hosts\":\"shop.example\"}");
            check(s.status() == 200, "settings: " + s.body());
            String affiliate = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Bench\",\"mobile\":\"9845099999\"}")
                    .json().get("id").asText();
            check(server.post("/api/v1/affiliates/" + affiliate + "/approve", API_KEY, null).status() == 200, "approve");
            int port = Integer.parseInt(server.base().substring(server.base().lastIndexOf(':') + 1));
            System.out.printf(Locale.ROOT, "Redirect benchmark: %d keep-alive connections, %d s per phase; nginx: %s%n",
                    CLIENTS, SECONDS, nginx == null ? "not installed (apt-get install -y nginx), server alone" : nginx.version);

            String warm = link(server, affiliate, "warm");
            Result warmUp = closedLoop(port, "/r/" + warm, 3);
            Result nginxMax = nginx == null ? null : closedLoop(nginx.port, "/r/ABCDEFGH", SECONDS);
            String maxCode = link(server, affiliate, "max");
            Result serverMax = closedLoop(port, "/r/" + maxCode, SECONDS);
            int rate = (int) (serverMax.perSecond() * 0.8);
            String at80 = link(server, affiliate, "at80");
            Result server80 = openLoop(port, "/r/" + at80, rate, SECONDS);
            Result nginx80 = nginx == null ? null : openLoop(nginx.port, "/r/ABCDEFGH", rate, SECONDS);

            System.out.println();
            System.out.println("| what | requests/s | p50 ms | p99 ms | failed |");
            System.out.println("|---|---|---|---|---|");
            row("nginx static 302, max (closed loop)", nginxMax);
            row("server GET /r/{code}, clicks durable, max (closed loop)", serverMax);
            row(String.format(Locale.ROOT, "server at 80 %% of its max (%,d/s open loop)", rate), server80);
            row(String.format(Locale.ROOT, "nginx at the same rate (%,d/s open loop)", rate), nginx80);
            if (nginxMax != null) {
                System.out.printf(Locale.ROOT, "server max / nginx max: %.2f%n", serverMax.perSecond() / nginxMax.perSecond());
            }
            System.out.println();
            boolean allRight = true;
            String[] names = {"warm-up", "max", "80 %"};
            String[] codes = {warm, maxCode, at80};
            Result[] results = {warmUp, serverMax, server80};
            for (int i = 0; i < names.length; i++) {
                long rows = server.count("SELECT COUNT(*) FROM affiliate_click WHERE code = '" + codes[i] + "'");
                long counted = server.count("SELECT COUNT(*) FROM affiliate_click WHERE code = '" + codes[i] + "' AND counted");
                long answered = results[i].ok();
                long sent = results[i].ok() + results[i].failed();
                boolean right = rows == answered && counted == answered && sent == answered;
                allRight &= right;
                System.out.printf(Locale.ROOT, "count check %-8s requests sent %,d, 302s %,d, click rows %,d, counted %,d: %s%n",
                        names[i], sent, answered, rows, counted, right ? "equal" : "DIFFERENT");
            }
            System.out.println(allRight ? "count check: every request is exactly one click in the database"
                    : "count check FAILED");
        } finally {
            if (nginx != null) {
                nginx.close();
            }
        }
        System.exit(0);
    }

    static String link(TestServer server, String affiliate, String campaign) {
        TestServer.Reply r = server.post("/api/v1/affiliates/" + affiliate + "/links", API_KEY,
                "{\"campaign\":\"" + campaign + "\",\"targetUrl\":\"https://shop.example/bench?x=1\"}");
        check(r.status() == 201, "link: " + r.body());
        return r.json().get("code").asText();
    }

    private static void row(String what, Result r) {
        if (r == null) {
            System.out.printf(Locale.ROOT, "| %s | - | - | - | - |%n", what);
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %d |%n", what, r.perSecond(), r.pct(0.50), r.pct(0.99),
                r.failed());
    }

    /** Each connection sends its next request when the last is answered, for {@code seconds}. */
    static Result closedLoop(int port, String path, int seconds) throws Exception {
        long[][] perThread = new long[CLIENTS][];
        int[] counts = new int[CLIENTS];
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int t = 0; t < CLIENTS; t++) {
            int thread = t;
            Thread.ofPlatform().daemon().start(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.get(path, UA);
                        } catch (IOException e) {
                            status = 0;
                        }
                        if (status == 302) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = (System.nanoTime() - t0) / 1000;
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    perThread[thread] = lat;
                    counts[thread] = n;
                    done.countDown();
                }
            });
        }
        done.await();
        double took = (System.nanoTime() - start) / 1e9;
        return merge(perThread, counts, failed.get(), took);
    }

    /** {@code rate} requests a second for {@code seconds}, each due at its time; latency counts from the due time. */
    private static Result openLoop(int port, String path, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] lat = new long[total];
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        long interval = 1_000_000_000L / rate;
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int t = 0; t < CLIENTS; t++) {
            int thread = t;
            Thread.ofPlatform().daemon().start(() -> {
                try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
                    for (int k = thread; k < total; k += CLIENTS) {
                        long due = start + k * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        int status;
                        try {
                            status = client.get(path, UA);
                        } catch (IOException e) {
                            status = 0;
                        }
                        lat[k] = status == 302 ? (System.nanoTime() - due) / 1000 : -1;
                        if (status != 302) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long[] ok = Arrays.stream(lat).filter(l -> l >= 0).sorted().toArray();
        return new Result(ok.length, failed.get(), seconds, ok);
    }

    private static Result merge(long[][] perThread, int[] counts, long failed, double seconds) {
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int at = 0;
        for (int i = 0; i < perThread.length; i++) {
            System.arraycopy(perThread[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(n, failed, seconds, all);
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    /** Debian's nginx on a free loopback port with a generated configuration in a temporary directory. */
    static final class Nginx implements AutoCloseable {
        final int port;
        final String version;
        private final Process process;

        private Nginx(int port, String version, Process process) {
            this.port = port;
            this.version = version;
            this.process = process;
        }

        static Nginx start() throws Exception {
            Path binary = Path.of("/usr/sbin/nginx");
            if (!Files.isExecutable(binary)) {
                return null;
            }
            Process v = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
            String version = new String(v.getInputStream().readAllBytes()).trim().replace("nginx version: ", "");
            v.waitFor();
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path dir = Files.createTempDirectory("bench-nginx");
            String d = dir.toAbsolutePath().toString();
            String conf = "worker_processes auto;\ndaemon off;\npid " + d + "/nginx.pid;\nerror_log " + d + "/error.log warn;\n"
                    + "events { worker_connections 4096; }\n"
                    + "http {\n  access_log off;\n  keepalive_requests 10000000;\n"
                    + "  client_body_temp_path " + d + "/body;\n  proxy_temp_path " + d + "/proxy;\n"
                    + "  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " + d + "/scgi;\n"
                    + "  server {\n    listen 127.0.0.1:" + port + ";\n"
                    + "    location /r/ {\n      add_header Cache-Control no-store;\n"
                    + "      return 302 https://shop.example/bench?x=1&utm_source=affiliate&utm_medium=referral&utm_campaign=max&ref=ABCDEFG;\n"
                    + "    }\n  }\n}\n";
            Path file = Files.writeString(dir.resolve("nginx.conf"), conf);
            Process p = new ProcessBuilder(binary.toString(), "-p", d, "-c", file.toString(), "-e", d + "/error.log")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
            for (int i = 0; i < 100; i++) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return new Nginx(port, version, p);
                } catch (IOException notYet) {
                    if (!p.isAlive()) {
                        System.out.println("nginx did not start: " + Files.readString(dir.resolve("out.log")));
                        return null;
                    }
                    Thread.sleep(50);
                }
            }
            p.destroyForcibly();
            return null;
        }

        @Override
        public void close() throws Exception {
            process.destroy(); // SIGTERM: nginx's master stops its workers
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
