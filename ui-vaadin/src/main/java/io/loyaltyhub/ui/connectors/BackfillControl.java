package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.ui.common.ErrorText;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/** "Read again from a date": a date, a button, and a question before the connector reads everything again. */
public class BackfillControl extends HorizontalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final transient ErpConnectors connectors;
    private final transient ConnectorCalls calls;
    private final LongSupplier connectorId;
    private final ErrorText error;
    private final Runnable started;
    final DatePicker from = new DatePicker("Read again from");
    final Button start = new Button("Read again…");

    /**
     * @param error   where refusals show
     * @param started what to do once the connector reads again (show the runs)
     */
    BackfillControl(ErpConnectors connectors, ConnectorCalls calls, LongSupplier connectorId, ErrorText error,
                    Runnable started) {
        this.connectors = connectors;
        this.calls = calls;
        this.connectorId = connectorId;
        this.error = error;
        this.started = started;
        from.setId("backfill-from");
        from.setHelperText("Bills already posted are recognised and not counted twice.");
        start.setId("backfill-start");
        start.addClickListener(e -> confirm());
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(from, start);
    }

    void confirm() {
        error.clear();
        LocalDate day = from.getValue();
        if (day == null) {
            error.show("Choose the date to read again from.");
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog("Read again from " + DAY.format(day) + "?",
                "The connector reads every bill from " + DAY.format(day) + " again. Bills already posted are "
                        + "recognised and not counted twice; new ones get their points. This can take a while.",
                "Read again", e -> backfill(day));
        dialog.setId("backfill-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.open();
    }

    void backfill(LocalDate day) {
        calls.call(() -> connectors.backfill(calls.requireActor(), connectorId.getAsLong(), day), error::show)
                .ifPresent(run -> {
                    calls.success.accept("Reading again from " + DAY.format(day) + ".");
                    started.run();
                });
    }
}
