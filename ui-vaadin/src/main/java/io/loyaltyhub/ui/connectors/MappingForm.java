package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.MappingSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of the source fills which bill field, and how dates, amounts and returns are read. One text field
 * per bill field the connector type can fill (in the type's order, required ones marked), then the reading rules.
 * Passive: it shows a {@link Mapping} and gives one back; the view saves it.
 */
public class MappingForm extends VerticalLayout {

    /** The extra settings, by the name a refusal uses for them. */
    static final List<String> RULES = List.of("dateFormat", "timeZone", "amountScale", "currency", "storeId",
            "returnValues");

    private final MappingSchema schema;
    private final Map<BillField, TextField> columns = new EnumMap<>(BillField.class);
    final TextField dateFormat = new TextField("Date format");
    final TextField timeZone = new TextField("Time zone");
    final IntegerField amountScale = new IntegerField("Amount decimals");
    final TextField currency = new TextField("Currency when the source has none");
    final TextField storeId = new TextField("Store when the source has none");
    final TextField returnValues = new TextField("Values that mean a return");

    public MappingForm(MappingSchema schema) {
        this.schema = schema;
        setPadding(false);
        setId("mapping-form");
        FormLayout columnLayout = new FormLayout();
        columnLayout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("32em", 2), new FormLayout.ResponsiveStep("60em", 3));
        for (BillField field : schema.defaultColumns().keySet()) {
            TextField text = new TextField(field.label());
            text.setId(fieldId(field));
            text.setRequiredIndicatorVisible(field.required());
            text.setPlaceholder(field.required() ? "column name (needed)" : "not read");
            text.setClearButtonVisible(true);
            text.setManualValidation(true);
            columns.put(field, text);
            columnLayout.add(text);
        }

        dateFormat.setId("mapping-date-format");
        dateFormat.setPlaceholder("e.g. dd/MM/yyyy HH:mm");
        dateFormat.setHelperText("How dates are written in the source, e.g. dd/MM/yyyy HH:mm. "
                + "Leave empty when they look like 2026-03-01 10:30.");
        timeZone.setId("mapping-time-zone");
        timeZone.setHelperText("The stores' clock, e.g. Asia/Kolkata.");
        amountScale.setId("mapping-amount-scale");
        amountScale.setMin(0);
        amountScale.setMax(6);
        amountScale.setStepButtonsVisible(true);
        amountScale.setHelperText("0: amounts are written as they are (125.50). "
                + "2: they are written in paise, so 12550 means 125.50.");
        currency.setId("mapping-currency");
        currency.setHelperText("Three letters, e.g. INR.");
        storeId.setId("mapping-store");
        storeId.setHelperText("The store code for every bill, when the source does not say which store.");
        returnValues.setId("mapping-return-values");
        returnValues.setHelperText("Comma separated, e.g. RETURN, CANCEL. "
                + "A row whose type is one of these takes back the points of its bill.");
        FormLayout rules = new FormLayout(dateFormat, timeZone, amountScale, currency, storeId, returnValues);
        rules.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (HasValidation f : List.<HasValidation>of(dateFormat, timeZone, amountScale, currency, storeId,
                returnValues)) {
            f.setManualValidation(true);
        }

        Paragraph intro = new Paragraph("For each piece of a bill, type the name of the column it is read from. "
                + "Fields marked with a dot are needed to post a bill; leave others empty if the source has no such "
                + "column.");
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        add(new H4("Columns"), intro, columnLayout, new H4("Reading the values"), rules);
        setMapping(schema.defaults());
    }

    /** The id of a column field: {@code mapping-customer-mobile}. */
    public static String fieldId(BillField field) {
        return "mapping-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Shows a mapping (null: the type's defaults) and clears errors. */
    public void setMapping(Mapping mapping) {
        Mapping m = mapping == null ? schema.defaults() : mapping;
        columns.forEach((field, text) -> text.setValue(m.column(field).orElse("")));
        dateFormat.setValue(m.dateFormat());
        timeZone.setValue(m.timeZone());
        amountScale.setValue(m.amountScale());
        currency.setValue(m.currency());
        storeId.setValue(m.storeId());
        returnValues.setValue(String.join(", ", m.returnValues()));
        clearErrors();
    }

    /** The mapping as filled in (an empty column: not read). */
    public Mapping toMapping() {
        Map<BillField, String> mapped = new LinkedHashMap<>();
        columns.forEach((field, text) -> mapped.put(field, text.getValue()));
        Integer scale = amountScale.getValue();
        return new Mapping(mapped, dateFormat.getValue(), timeZone.getValue(), scale == null ? 0 : scale,
                currency.getValue(), storeId.getValue(), parseList(returnValues.getValue()));
    }

    /** "RETURN, cancel ,," -> [RETURN, cancel]. */
    public static List<String> parseList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public void setEditable(boolean editable) {
        columns.values().forEach(t -> t.setReadOnly(!editable));
        dateFormat.setReadOnly(!editable);
        timeZone.setReadOnly(!editable);
        amountScale.setReadOnly(!editable);
        currency.setReadOnly(!editable);
        storeId.setReadOnly(!editable);
        returnValues.setReadOnly(!editable);
    }

    public Optional<TextField> column(BillField field) {
        return Optional.ofNullable(columns.get(field));
    }

    /**
     * Puts refusals about the mapping on their fields. Keys may name a bill field ({@code CUSTOMER_MOBILE},
     * {@code mapping.columns.CUSTOMER_MOBILE}) or a rule ({@code mapping.timeZone}).
     *
     * @return the errors no field here took
     */
    public Map<String, String> showErrors(Map<String, String> errors) {
        clearErrors();
        Map<String, String> rest = new LinkedHashMap<>();
        Map<HasValidation, List<String>> texts = new LinkedHashMap<>();
        errors.forEach((key, message) -> {
            HasValidation target = fieldFor(key).orElse(null);
            if (target == null) {
                rest.put(key, message);
            } else {
                texts.computeIfAbsent(target, t -> new ArrayList<>()).add(message);
            }
        });
        texts.forEach((f, messages) -> {
            f.setErrorMessage(String.join("; ", messages));
            f.setInvalid(true);
        });
        return rest;
    }

    /** Whether a refusal's key is about the mapping (whether or not this form has its field). */
    static boolean isMappingKey(String key) {
        String k = key.strip();
        return k.startsWith("mapping") || k.startsWith("columns.") || billField(k).isPresent() || RULES.contains(k);
    }

    Optional<HasValidation> fieldFor(String key) {
        String k = strip(key.strip(), "mapping");
        String column = strip(k, "columns");
        if (!column.equals(k)) {
            return billField(column).map(columns::get);
        }
        HasValidation rule = switch (k) {
            case "dateFormat" -> dateFormat;
            case "timeZone" -> timeZone;
            case "amountScale" -> amountScale;
            case "currency" -> currency;
            case "storeId" -> storeId;
            case "returnValues" -> returnValues;
            default -> null;
        };
        return rule != null ? Optional.of(rule) : billField(k).map(columns::get);
    }

    public void clearErrors() {
        List<HasValidation> all = new ArrayList<>(columns.values());
        all.addAll(List.of(dateFormat, timeZone, amountScale, currency, storeId, returnValues));
        all.forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    private static String strip(String key, String prefix) {
        if (key.startsWith(prefix + ".")) {
            return key.substring(prefix.length() + 1);
        }
        if (key.startsWith(prefix + "[")) {
            return key.substring(prefix.length() + 1).replace("]", "");
        }
        return key;
    }

    private static Optional<BillField> billField(String key) {
        String name = key.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(BillField.values()).filter(f -> f.name().equals(name)).findFirst();
    }
}
