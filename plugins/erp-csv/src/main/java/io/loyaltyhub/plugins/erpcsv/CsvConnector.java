package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ErpConnector;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.MappingSchema;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.pf4j.Extension;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.loyaltyhub.plugins.erpcsv.CsvSettings.AUTO;

/**
 * The {@code csv} connector type: bills from CSV files an ERP drops into a folder, or that staff upload.
 *
 * <p>The documented "invoices with lines" file has one record per bill line, with a header line:
 * <pre>
 * type,invoice_no,invoice_date,store_code,mobile,customer_name,birthday,net_amount,currency,coupon,sku,category,qty,line_amount,reason
 * SALE,INV-1001,2024-04-12T10:15:00,S01,9876543210,Asha Rao,1990-05-01,1180.00,INR,,SKU-1,Shoes,1,1000.00,
 * SALE,INV-1001,2024-04-12T10:15:00,S01,9876543210,Asha Rao,1990-05-01,1180.00,INR,,SKU-2,Socks,2,180.00,
 * RETURN,INV-0990,2024-04-12T11:00:00,S01,9876543210,,,250.00,INR,,SKU-7,Shirts,1,250.00,size
 * </pre>
 * Consecutive records with the same {@code invoice_no} are one bill (its values are the first record's; every
 * record is one of its lines); a {@code type} of {@code RETURN} or {@code CANCEL} makes a return of that bill
 * number. Staff map other column names in the mapping editor.
 */
@Extension
public class CsvConnector implements ErpConnector {

    static final String TYPE = "csv";

    static final SettingsSchema SETTINGS = SettingsSchema.of(
            SettingDefinition.of(CsvSettings.FOLDER, SettingType.STRING, null,
                            "The folder the ERP drops its CSV files into; the server must be able to read and "
                                    + "write it.")
                    .label("Inbox folder").validatedBy(SettingValidator.notBlank()),
            SettingDefinition.of(CsvSettings.DONE_FOLDER, SettingType.STRING, "",
                            "Where files go once all their rows are stored; leave empty for a 'done' folder inside "
                                    + "the inbox.")
                    .label("Done folder"),
            SettingDefinition.of(CsvSettings.REJECTS_FOLDER, SettingType.STRING, "",
                            "Where rows that could not be posted are written with the reason; leave empty for a "
                                    + "'rejects' folder inside the inbox.")
                    .label("Rejects folder"),
            SettingDefinition.of(CsvSettings.FILE_PATTERN, SettingType.STRING, CsvSettings.DEFAULT_PATTERN,
                            "Which files to read, as a name pattern such as *.csv or sales-*.txt (upper or lower "
                                    + "case alike).")
                    .label("File name pattern")
                    .validatedBy(CsvSettings::checkGlob),
            SettingDefinition.choice(CsvSettings.ENCODING, AUTO,
                            "How the file's text is encoded; 'auto' recognises UTF-8 and UTF-16 and otherwise "
                                    + "assumes Windows (windows-1252).",
                            CsvSettings.ENCODINGS.toArray(String[]::new))
                    .label("Encoding"),
            SettingDefinition.choice(CsvSettings.DELIMITER, AUTO,
                            "The character between columns; 'auto' picks the one of , ; tab | used most in the "
                                    + "first line.",
                            CsvSettings.DELIMITERS.toArray(String[]::new))
                    .label("Delimiter"),
            SettingDefinition.of(CsvSettings.HEADER, SettingType.BOOLEAN, "true",
                            "Whether the first line holds the column names; without one, columns are called c1, "
                                    + "c2 and so on.")
                    .label("First line is a header"),
            SettingDefinition.of(CsvSettings.SETTLE_SECONDS, SettingType.INTEGER, CsvSettings.DEFAULT_SETTLE,
                            "Seconds a file must stay unchanged before it is read, so a file still being copied is "
                                    + "never read half-written (a <file>.done marker skips the wait).")
                    .label("Settle time (seconds)").validatedBy(SettingValidator.range(0, 86_400)),
            SettingDefinition.of(CsvSettings.POLL_INTERVAL, SettingType.DURATION, CsvSettings.DEFAULT_POLL,
                            "How often the folder is checked for new files, such as PT30S or 5m.")
                    .label("Check every").validatedBy(CsvSettings::checkDuration),
            SettingDefinition.of(CsvSettings.BATCH_SIZE, SettingType.INTEGER, CsvSettings.DEFAULT_BATCH,
                            "How many bills are read and posted at a time; lower it if a run uses too much memory.")
                    .label("Batch size").validatedBy(SettingValidator.range(1, 100_000)));

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
        columns.put(BillField.ROW_TYPE, "type");
        columns.put(BillField.LINE_SKU, "sku");
        columns.put(BillField.LINE_CATEGORY, "category");
        columns.put(BillField.LINE_QUANTITY, "qty");
        columns.put(BillField.LINE_AMOUNT, "line_amount");
        columns.put(BillField.RETURN_BILL_NUMBER, "invoice_no");
        columns.put(BillField.RETURN_REASON, "reason");
        columns.put(BillField.COUPON_CODE, "coupon");
        columns.put(BillField.CUSTOMER_BIRTHDAY, "birthday");
        MAPPING = new MappingSchema(columns);
    }

    private final Clock clock;

    public CsvConnector() {
        this(Clock.systemDefaultZone());
    }

    /** For tests: the clock that decides whether a file has settled. */
    CsvConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "CSV files (folder or upload)";
    }

    @Override
    public SettingsSchema settings() {
        return SETTINGS;
    }

    @Override
    public MappingSchema mapping() {
        return MAPPING;
    }

    /** Reads the settings only: the folder is first looked at by {@link ErpSource#test()} or a read. */
    @Override
    public ErpSource open(ErpSourceConfig config) throws ErpSourceException {
        CsvSettings settings = CsvSettings.from(config.settings());
        return new CsvSource(config.connectorId(), settings,
                config.mapping() != null ? config.mapping() : MAPPING.defaults(), clock);
    }
}
