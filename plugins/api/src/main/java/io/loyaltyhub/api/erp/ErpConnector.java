package io.loyaltyhub.api.erp;

import io.loyaltyhub.api.plugin.SettingsSchema;
import org.pf4j.ExtensionPoint;

/**
 * A kind of ERP source (a SQL database, a folder of CSV files). A plugin contributes one per type; staff create any
 * number of instances of it (one per store database, say), each with its own settings, mapping and cursor, which the
 * host stores.
 */
public interface ErpConnector extends ExtensionPoint {

    /** Stable type id, e.g. {@code jdbc}, {@code csv}. */
    String type();

    /** For people: "SQL database (JDBC)". */
    String title();

    /** The settings of one instance; the admin UI renders the form from it and the host validates against it. */
    SettingsSchema settings();

    /** The bill fields this type can fill, with the column each is read from unless staff map another. */
    MappingSchema mapping();

    /**
     * Opens an instance's source. Cheap: nothing is connected until the source is used.
     *
     * @throws ErpSourceException when the settings cannot work (e.g. the password's environment variable is unset)
     */
    ErpSource open(ErpSourceConfig config) throws ErpSourceException;
}
