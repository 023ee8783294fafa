package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ErpConnector;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.MappingSchema;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.pf4j.Extension;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bills from the ERP's own SQL database (SQL Server, MariaDB/MySQL, PostgreSQL), read with queries staff write (see
 * {@link JdbcSettings}), after a watermark the host keeps as the cursor.
 */
@Extension
public class JdbcConnector implements ErpConnector {

    static final String TYPE = "jdbc";

    /** The "invoices with lines" preset: the column names the help texts' example queries return. */
    static final MappingSchema MAPPING;

    static {
        Map<BillField, String> columns = new LinkedHashMap<>();
        columns.put(BillField.BILL_NUMBER, "invoice_no");
        columns.put(BillField.BILLED_AT, "invoice_date");
        columns.put(BillField.CUSTOMER_MOBILE, "mobile");
        columns.put(BillField.CUSTOMER_NAME, "customer_name");
        columns.put(BillField.AMOUNT, "net_amount");
        columns.put(BillField.CURRENCY, "currency");
        columns.put(BillField.STORE_ID, "store_code");
        columns.put(BillField.LINE_SKU, "sku");
        columns.put(BillField.LINE_CATEGORY, "category");
        columns.put(BillField.LINE_QUANTITY, "qty");
        columns.put(BillField.LINE_AMOUNT, "line_amount");
        columns.put(BillField.RETURN_BILL_NUMBER, "invoice_no");
        columns.put(BillField.RETURN_REASON, "reason");
        columns.put(BillField.CUSTOMER_BIRTHDAY, "birthday");
        MAPPING = new MappingSchema(columns);
    }

    public JdbcConnector() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "SQL database (JDBC)";
    }

    @Override
    public SettingsSchema settings() {
        return JdbcSettings.SCHEMA;
    }

    @Override
    public MappingSchema mapping() {
        return MAPPING;
    }

    /** Checks the settings, reads the password and finds the driver; connects on first use. */
    @Override
    public ErpSource open(ErpSourceConfig config) throws ErpSourceException {
        return new JdbcSource(config);
    }
}
