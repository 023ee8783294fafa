/**
 * The {@code jdbc} ERP connector: bills, their lines, returns and customers read from the ERP's own SQL database
 * (SQL Server, MariaDB/MySQL, PostgreSQL) with queries that staff write in the connector's settings.
 * <ul>
 *   <li>{@link io.loyaltyhub.plugins.erpjdbc.JdbcSettings}: the settings, and why the plugin asks for queries rather
 *       than table names (every ERP's schema differs; each can answer "what changed after this watermark").</li>
 *   <li>{@link io.loyaltyhub.plugins.erpjdbc.JdbcSource}: reads after the cursor over one read-only connection.</li>
 *   <li>{@link io.loyaltyhub.plugins.erpjdbc.JdbcCursor}: the cursor's text, one watermark and tiebreak per query.</li>
 *   <li>{@link io.loyaltyhub.plugins.erpjdbc.NamedParameters}: {@code :watermark} to JDBC's {@code ?}.</li>
 *   <li>{@link io.loyaltyhub.plugins.erpjdbc.SqlProblems}: a database's error as an
 *       {@link io.loyaltyhub.api.erp.ErpProblem}, in the database's own words.</li>
 *   <li>{@link io.loyaltyhub.plugins.erpjdbc.Drivers}: the driver for a URL without {@code DriverManager}, which does
 *       not see a plugin's class loader.</li>
 * </ul>
 * The PostgreSQL and SQL Server drivers are shaded into the plugin's jar; MariaDB's is the host's own.
 */
package io.loyaltyhub.plugins.erpjdbc;
