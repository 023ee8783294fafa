package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ConnectorDraft;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorFormTest {

    final List<ConnectorForm> saved = new ArrayList<>();
    final ConnectorForm form = new ConnectorForm(List.of(FakeErpConnectors.CSV, FakeErpConnectors.JDBC), saved::add);

    @Test
    void aNewConnectorTakesTheChosenTypesSettingsAndMapping() {
        form.showNew();
        assertThat(form.type.getValue()).as("two types: staff choose").isNull();
        assertThat(form.settings).isNull();
        form.choose(FakeErpConnectors.CSV);
        assertThat(form.changed()).as("nothing typed yet").isFalse();

        form.name.setValue("  Head office files ");
        ((TextField) form.settings.field("folder").orElseThrow().component()).setValue("/data/in");
        form.mapping.column(BillField.CUSTOMER_MOBILE).orElseThrow().setValue("phone");

        ConnectorDraft draft = form.draft();
        assertThat(draft.name()).isEqualTo("Head office files");
        assertThat(draft.type()).isEqualTo("csv");
        assertThat(draft.settings()).containsEntry("folder", "/data/in").doesNotContainKey("delimiter");
        assertThat(draft.mapping().column(BillField.CUSTOMER_MOBILE)).hasValue("phone");
        assertThat(form.changed()).isTrue();
        form.markSaved();
        assertThat(form.changed()).isFalse();

        form.save.click();
        assertThat(saved).containsExactly(form);
    }

    @Test
    void theOnlyTypeIsChosenForYou() {
        ConnectorForm single = new ConnectorForm(List.of(FakeErpConnectors.CSV), f -> { });
        single.showNew();
        assertThat(single.type.getValue()).isEqualTo(FakeErpConnectors.CSV);
        assertThat(single.settings.field("folder")).isPresent();
        assertThat(single.mapping.column(BillField.BILL_NUMBER).orElseThrow().getValue()).isEqualTo("invoice_no");
    }

    @Test
    void aPasswordSettingIsTheNameOfAnEnvironmentVariable() {
        form.show(new io.loyaltyhub.api.erp.ConnectorInfo(2, "Db", "jdbc", "PAUSED",
                Map.of("url", "jdbc:mysql://erp/db", "password-env", "ERP_DB_PASSWORD", "api-token", "********"),
                null, null, null, null, 0, null, 0, FakeErpConnectors.T0), FakeErpConnectors.JDBC);
        TextField env = (TextField) form.settings.field("password-env").orElseThrow().component();
        assertThat(env.getHelperText()).startsWith("The password. ")
                .contains("NAME of an environment variable", "not the password itself");
        assertThat(env.getValue()).isEqualTo("ERP_DB_PASSWORD");
        PasswordField secret = (PasswordField) form.settings.field("api-token").orElseThrow().component();
        assertThat(secret.getHelperText()).contains("NAME of an environment variable");
        assertThat(secret.isRevealButtonVisible()).as("the mask would tell nothing").isFalse();
        assertThat(ConnectorForm.masked("********")).isTrue();
        assertThat(ConnectorForm.masked("ERP_DB_PASSWORD")).isFalse();
        assertThat(form.type.isReadOnly()).as("the type of a saved connector is fixed").isTrue();
        assertThat(form.mapping.column(BillField.BILL_NUMBER).orElseThrow().getValue()).as("type defaults")
                .isEqualTo("bill_no");
    }

    @Test
    void fieldErrorsGoNextToTheirFields() {
        form.show(FakeErpConnectors.connector(1, "Shop", "PAUSED", null, null), FakeErpConnectors.CSV);
        form.showRejected(Rejected.invalid("The connector was not saved.", Map.of(
                "name", "is taken",
                "settings.folder", "does not exist",
                "currency", "three letters",
                "mapping.columns.CUSTOMER_MOBILE", "is needed",
                "mapping.timeZone", "unknown zone",
                "schedule", "odd")));
        assertThat(form.name.getErrorMessage()).isEqualTo("is taken");
        assertThat(form.settings.field("folder").orElseThrow().hasError()).isTrue();
        assertThat(form.settings.field("currency").orElseThrow().hasError()).as("a setting of the type").isTrue();
        assertThat(form.mapping.currency.isInvalid()).isFalse();
        assertThat(form.mapping.column(BillField.CUSTOMER_MOBILE).orElseThrow().getErrorMessage())
                .isEqualTo("is needed");
        assertThat(form.mapping.timeZone.getErrorMessage()).isEqualTo("unknown zone");
        assertThat(form.error.message()).isEqualTo("The connector was not saved.\nschedule: odd");

        form.clearErrors();
        assertThat(form.name.isInvalid()).isFalse();
        assertThat(form.settings.field("folder").orElseThrow().hasError()).isFalse();
        assertThat(form.error.message()).isEmpty();
    }

    @Test
    void aConnectorWhosePluginIsNotRunningIsShownButNotEditable() {
        form.show(FakeErpConnectors.connector(1, "Shop", "PAUSED", null, null), null);
        assertThat(form.save.isVisible()).isFalse();
        assertThat(form.mapping.column(BillField.BILL_NUMBER).orElseThrow().getValue()).isEqualTo("invoice_no");
        assertThat(form.mapping.column(BillField.BILL_NUMBER).orElseThrow().isReadOnly()).isTrue();
    }
}
