package io.loyaltyhub.ui.connectors;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.Mapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MappingFormTest {

    final MappingForm form = new MappingForm(FakeErpConnectors.CSV_MAPPING);

    @Test
    void oneFieldPerBillFieldOfTheTypePrefilledWithItsDefaultColumn() {
        assertThat(form.column(BillField.BILL_NUMBER).orElseThrow().getValue()).isEqualTo("invoice_no");
        assertThat(form.column(BillField.CUSTOMER_MOBILE).orElseThrow().getId()).hasValue("mapping-customer-mobile");
        assertThat(form.column(BillField.LINE_SKU)).as("the type cannot fill it").isEmpty();
        assertThat(form.column(BillField.CUSTOMER_MOBILE).orElseThrow().isRequiredIndicatorVisible()).isTrue();
        assertThat(form.column(BillField.CUSTOMER_NAME).orElseThrow().isRequiredIndicatorVisible()).isFalse();
        assertThat(form.toMapping()).isEqualTo(FakeErpConnectors.CSV_MAPPING.defaults());
    }

    @Test
    void whatIsTypedBecomesTheMapping() {
        form.column(BillField.CUSTOMER_MOBILE).orElseThrow().setValue("  phone ");
        form.column(BillField.CUSTOMER_NAME).orElseThrow().setValue("");
        form.dateFormat.setValue("dd/MM/yyyy HH:mm");
        form.timeZone.setValue("Asia/Dubai");
        form.amountScale.setValue(2);
        form.currency.setValue("aed");
        form.storeId.setValue("S1");
        form.returnValues.setValue("RETURN, void ,, CANCEL");

        Mapping m = form.toMapping();
        assertThat(m.column(BillField.CUSTOMER_MOBILE)).hasValue("phone");
        assertThat(m.column(BillField.CUSTOMER_NAME)).as("emptied: not read").isEmpty();
        assertThat(m.dateFormat()).isEqualTo("dd/MM/yyyy HH:mm");
        assertThat(m.timeZone()).isEqualTo("Asia/Dubai");
        assertThat(m.amountScale()).isEqualTo(2);
        assertThat(m.currency()).isEqualTo("AED");
        assertThat(m.storeId()).isEqualTo("S1");
        assertThat(m.returnValues()).containsExactly("RETURN", "void", "CANCEL");
    }

    @Test
    void emptyScaleAndReturnValuesMeanTheUsualOnes() {
        form.amountScale.clear();
        form.returnValues.setValue(" , ");
        Mapping m = form.toMapping();
        assertThat(m.amountScale()).isZero();
        assertThat(m.returnValues()).containsExactly("RETURN", "CANCEL", "CANCELLED");
    }

    @Test
    void aStoredMappingIsShownAndComesBackTheSame() {
        Mapping stored = new Mapping(Map.of(BillField.BILL_NUMBER, "no", BillField.BILLED_AT, "at",
                BillField.CUSTOMER_MOBILE, "m", BillField.AMOUNT, "amt"), "yyyyMMdd", "Asia/Kolkata", 2, "INR", "BLR-1",
                List.of("R"));
        form.setMapping(stored);
        assertThat(form.column(BillField.CURRENCY).orElseThrow().getValue()).isEmpty();
        assertThat(form.returnValues.getValue()).isEqualTo("R");
        assertThat(form.toMapping()).isEqualTo(stored);
    }

    @Test
    void parseList() {
        assertThat(MappingForm.parseList(null)).isEmpty();
        assertThat(MappingForm.parseList("A, B,A")).containsExactly("A", "B");
    }

    @Test
    void refusalsLandOnTheirFields() {
        Map<String, String> rest = form.showErrors(Map.of(
                "mapping.columns.CUSTOMER_MOBILE", "is needed",
                "AMOUNT", "is needed too",
                "mapping.timeZone", "is not a time zone",
                "mapping.currency", "is not a currency",
                "columns.CURRENCY", "no such column",
                "mapping.somethingElse", "odd"));
        assertThat(form.column(BillField.CUSTOMER_MOBILE).orElseThrow().getErrorMessage()).isEqualTo("is needed");
        assertThat(form.column(BillField.AMOUNT).orElseThrow().isInvalid()).isTrue();
        assertThat(form.timeZone.getErrorMessage()).isEqualTo("is not a time zone");
        assertThat(form.currency.getErrorMessage()).as("the default currency, not the column")
                .isEqualTo("is not a currency");
        assertThat(form.column(BillField.CURRENCY).orElseThrow().getErrorMessage()).isEqualTo("no such column");
        assertThat(rest).containsExactly(Map.entry("mapping.somethingElse", "odd"));

        form.clearErrors();
        assertThat(form.timeZone.isInvalid()).isFalse();
    }
}
