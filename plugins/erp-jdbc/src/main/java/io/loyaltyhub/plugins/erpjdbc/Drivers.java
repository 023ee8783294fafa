package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceException;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the JDBC driver for a URL without {@link java.sql.DriverManager}: DriverManager only hands out drivers that
 * the caller's class loader can see by name, and it looks from the class that called it, so a driver shaded into this
 * plugin (PostgreSQL, SQL Server) or loaded by the host (MariaDB) is often "not suitable". The plugin's own class
 * loader sees both (its jar first, then the host), so the driver is asked directly.
 */
final class Drivers {

    private static final List<String> KNOWN = List.of(
            "org.mariadb.jdbc.Driver", "org.postgresql.Driver", "com.microsoft.sqlserver.jdbc.SQLServerDriver");

    private Drivers() {
    }

    /**
     * The URL the driver is given. {@code jdbc:mysql:} becomes {@code jdbc:mariadb:}: MySQL's own driver is not
     * shipped (its GPL licence), and the MariaDB driver takes {@code jdbc:mysql:} URLs only with
     * {@code permitMysqlScheme} set; with its own scheme it speaks MySQL's protocol just the same.
     */
    static String effectiveUrl(String url) {
        String u = url.trim();
        if (u.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length())) {
            return "jdbc:mariadb:" + u.substring("jdbc:mysql:".length());
        }
        return u;
    }

    static Driver find(String url) throws ErpSourceException {
        for (Driver d : candidates()) {
            try {
                if (d.acceptsURL(url)) {
                    return d;
                }
            } catch (SQLException | RuntimeException ignored) {
                // a driver that cannot tell does not take it
            }
        }
        int colon = url.indexOf(':', "jdbc:".length());
        String scheme = colon > 0 ? url.substring(0, colon + 1) : url;
        throw new ErpSourceException(ErpProblem.SETTINGS,
                "No JDBC driver for " + scheme.toLowerCase(Locale.ROOT) + " URLs is installed; this connector reads "
                        + String.join(", ", JdbcSettings.URL_PREFIXES) + " databases");
    }

    private static List<Driver> candidates() {
        Map<String, Driver> found = new LinkedHashMap<>();
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Drivers.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) {
            loaders.add(context);
        }
        for (ClassLoader loader : loaders) {
            Iterator<Driver> it = ServiceLoader.load(Driver.class, loader).iterator();
            for (int errors = 0; errors < 20; ) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    Driver d = it.next();
                    found.putIfAbsent(d.getClass().getName(), d);
                } catch (ServiceConfigurationError | LinkageError e) {
                    // a listed driver that cannot load (a missing optional dependency): skip it
                    errors++;
                }
            }
            for (String name : KNOWN) {
                if (!found.containsKey(name)) {
                    try {
                        Class<?> c = Class.forName(name, true, loader);
                        found.put(name, (Driver) c.getDeclaredConstructor().newInstance());
                    } catch (ReflectiveOperationException | LinkageError | ClassCastException ignored) {
                        // not on this loader
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
