package io.loyaltyhub.ui;

import io.loyaltyhub.ui.internal.AdminServlet;
import io.loyaltyhub.ui.internal.ClassPathJars;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The admin UI: Vaadin Flow (production bundle) in an embedded Jetty 12.1 ee10 {@link WebAppContext}
 * on the plain class path, on its own port.
 *
 * <pre>{@code
 * try (AdminUiServer ui = AdminUiServer.start("0.0.0.0", 8081, services, Duration.ofMinutes(30))) { ... }
 * }</pre>
 */
public final class AdminUiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminUiServer.class);

    /**
     * Jars and class directories Jetty scans for annotations ({@code @Route}, Vaadin's own
     * initializers): this module, Flow and the Vaadin components, or a classes directory
     * (tests, IDE runs).
     */
    static final String CONTAINER_JARS =
            ".*/loyalty-ui-vaadin[^/]*\\.jar$|.*/(flow|vaadin)-[^/]*\\.jar$|.*/classes/?$";

    private final Server server;
    private final Path baseDir;
    private final int port;

    private AdminUiServer(Server server, Path baseDir, int port) {
        this.server = server;
        this.baseDir = baseDir;
        this.port = port;
    }

    /**
     * Starts Jetty with the admin UI on {@code host:port} (0 picks a free port).
     *
     * @param host           the interface to listen on, e.g. 127.0.0.1 to keep admin traffic local
     * @param sessionTimeout how long an idle admin session lives (heartbeats do not count)
     */
    public static AdminUiServer start(String host, int port, UiServices services, Duration sessionTimeout)
            throws Exception {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        Path baseDir = Files.createTempDirectory("loyalty-admin-ui-");
        QueuedThreadPool threads = new QueuedThreadPool(50, 4);
        threads.setName("admin-ui");
        Server server = new Server(threads);
        try {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(host);
            connector.setPort(port);
            server.addConnector(connector);
            server.setHandler(webApp(services, sessionTimeout, baseDir));
            server.start();
            int actualPort = connector.getLocalPort();
            LOG.info("Admin UI listening on {}:{}", host, actualPort);
            return new AdminUiServer(server, baseDir, actualPort);
        } catch (Exception | Error e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            deleteTree(baseDir);
            throw e;
        }
    }

    private static WebAppContext webApp(UiServices services, Duration sessionTimeout, Path baseDir) {
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(baseDir);
        // the default descriptor names a class the webapp loader hides (HTTP 503)
        webapp.setDefaultsDescriptor(null);
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, CONTAINER_JARS);
        webapp.addConfiguration(new ClassPathJars(AdminUiServer.class.getClassLoader()), new AnnotationConfiguration());

        // the frontend bundle is in the jar; never fall back to dev mode (it hangs offline)
        webapp.setInitParameter("productionMode", "true");
        // our servlet is registered below: Vaadin must not add its own
        webapp.setInitParameter("disable.automatic.servlet.registration", "true");
        // heartbeats from an open tab must not keep an idle session alive
        webapp.setInitParameter("closeIdleSessions", "true");

        long seconds = Math.max(1, sessionTimeout.toSeconds());
        webapp.getSessionHandler().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, seconds));
        webapp.getSessionHandler().setHttpOnly(true);

        // services travel in the servlet context, not in statics
        webapp.setAttribute(AdminServlet.SERVICES_ATTRIBUTE, services);

        ServletHolder vaadin = new ServletHolder("admin-ui", AdminServlet.class);
        vaadin.setAsyncSupported(true);
        vaadin.setInitParameter("productionMode", "true");
        vaadin.setInitOrder(1);
        webapp.addServlet(vaadin, "/*");
        // Jetty's fallback 404 servlet is a hidden class: Vaadin's deployer would log a stack trace
        webapp.getServletHandler().setEnsureDefaultServlet(false);
        return webapp;
    }

    /** The port Jetty listens on (the chosen one when started with 0). */
    public int port() {
        return port;
    }

    /** Stops Jetty (sessions end) and removes the temporary base directory. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Admin UI did not stop cleanly", e);
        } finally {
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.debug("Could not delete {}", dir, e);
        }
    }
}
