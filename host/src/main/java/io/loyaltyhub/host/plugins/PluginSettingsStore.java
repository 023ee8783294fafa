package io.loyaltyhub.host.plugins;

import io.loyaltyhub.host.db.HostTx;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plugin settings in the database, with a short cache: a change made on this instance is seen at
 * once, a change made on another instance within {@link #TTL}.
 */
public final class PluginSettingsStore {
    static final Duration TTL = Duration.ofSeconds(5);

    private record Cached(Map<String, String> values, Instant loadedAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Reads use their own connection: plugins read settings inside their transactions too. */
    public PluginSettingsStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Map<String, String> stored(String pluginId) {
        Cached c = cache.get(pluginId);
        Instant now = clock.instant();
        if (c != null && c.loadedAt().plus(TTL).isAfter(now)) {
            return c.values();
        }
        Map<String, String> values;
        try (Connection connection = dataSource.getConnection()) {
            values = read(connection, pluginId, "");
        } catch (SQLException e) {
            throw new DataAccessException("Cannot read the settings of plugin " + pluginId, e);
        }
        cache.put(pluginId, new Cached(values, now));
        return values;
    }

    /** The stored values, locked for an update in the caller's transaction. */
    Map<String, String> lockForUpdate(HostTx t, String pluginId) throws SQLException {
        return read(t.connection(), pluginId, " FOR UPDATE");
    }

    private static Map<String, String> read(Connection c, String pluginId, String lock) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String[] row : Sql.query(c, "SELECT setting_key, setting_value FROM plugin_setting WHERE plugin_id = ?"
                + lock, rs -> new String[]{rs.getString(1), rs.getString(2)}, pluginId)) {
            values.put(row[0], row[1]);
        }
        return Map.copyOf(values);
    }

    /** Writes the given values inside the caller's transaction; an empty value removes the key (default again). */
    void save(HostTx t, String pluginId, Map<String, String> values) throws SQLException {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue().isEmpty()) {
                Sql.update(t.connection(), "DELETE FROM plugin_setting WHERE plugin_id = ? AND setting_key = ?",
                        pluginId, e.getKey());
            } else {
                Sql.update(t.connection(), "INSERT INTO plugin_setting (plugin_id, setting_key, setting_value, "
                                + "updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE setting_value = "
                                + "VALUES(setting_value), updated_at = VALUES(updated_at)",
                        pluginId, e.getKey(), e.getValue(), t.now());
            }
        }
    }

    void invalidate(String pluginId) {
        cache.remove(pluginId);
    }
}
