package io.loyaltyhub.ui.rules;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.loyalty.AppliedRule;
import io.loyaltyhub.api.loyalty.BillLine;
import io.loyaltyhub.api.loyalty.BillResult;
import io.loyaltyhub.api.loyalty.EarningRule;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Json;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.common.Rejections;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Earning rules (saving needs {@code rules:write}) and a preview of what a bill would earn under
 * them now, which writes nothing.
 */
@Route(value = "rules", layout = MainLayout.class)
@PageTitle("Earning rules | Loyalty admin")
@RequiredScope("rules:read")
public class RulesView extends VerticalLayout implements BeforeEnterObserver {

    static final String WRITE_SCOPE = "rules:write";

    private final transient LoyaltyService loyalty;
    private final Grid<EarningRule> grid = new Grid<>();
    private final Button create = new Button("New rule", VaadinIcon.PLUS.create());

    private final TextField previewMobile = new TextField("Customer mobile");
    private final BigDecimalField previewAmount = new BigDecimalField("Bill amount");
    private final DateTimePicker previewBilledAt = new DateTimePicker("Billed at");
    private final TextField previewCurrency = new TextField("Currency");
    private final TextArea previewLines = new TextArea("Lines (optional): sku,category,amount[,quantity] per line");
    private final ErrorText previewError = new ErrorText("preview-error");
    private final Div previewResult = new Div();

    public RulesView(LoyaltyService loyalty) {
        this.loyalty = loyalty;
        create.setId("rule-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> open(new RuleBean(), "New earning rule"));

        grid.setId("rules-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(EarningRule::name).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(EarningRule::type).setHeader("Type").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.active() ? "yes" : "no").setHeader("Active").setAutoWidth(true);
        grid.addColumn(r -> Json.abbreviate(Json.write(r.params()), 120)).setHeader("Params").setFlexGrow(1);
        grid.addColumn(r -> Times.formatDate(r.validFrom())).setHeader("From").setAutoWidth(true);
        grid.addColumn(r -> Times.formatDate(r.validTo())).setHeader("To").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button edit = new Button(CurrentActor.may(WRITE_SCOPE) ? "Edit" : "View", e -> open(RuleBean.of(r), r.name()));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.addClassName("rule-edit");
            return edit;
        }).setHeader("").setFlexGrow(0).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("Earning rules"), new HorizontalLayout(create), grid, previewPanel());
    }

    private VerticalLayout previewPanel() {
        previewMobile.setId("preview-mobile");
        previewAmount.setId("preview-amount");
        previewBilledAt.setId("preview-billed-at");
        previewCurrency.setId("preview-currency");
        previewCurrency.setValue("INR");
        previewCurrency.setMaxLength(3);
        previewLines.setId("preview-lines");
        previewLines.setPlaceholder("SKU-1,shoes,1200\n,toys,300,2");
        previewResult.setId("preview-result");
        Button run = new Button("What would it earn?", e -> runPreview());
        run.setId("preview-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(previewMobile, previewAmount, previewBilledAt, previewCurrency);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        previewLines.setWidthFull();
        VerticalLayout panel = new VerticalLayout(new H3("What would this bill earn?"), form, previewLines, run,
                previewError, previewResult);
        panel.setId("preview-panel");
        panel.setPadding(false);
        return panel;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        create.setVisible(CurrentActor.may(WRITE_SCOPE));
        previewBilledAt.setValue(LocalDateTime.now(Times.zone()).truncatedTo(ChronoUnit.MINUTES));
        refresh();
    }

    private void refresh() {
        grid.setItems(loyalty.rules());
    }

    private void open(RuleBean bean, String title) {
        RuleForm form = new RuleForm(bean);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("44em");
        dialog.add(form);
        Button save = new Button("Save", e -> form.values().ifPresent(rule -> {
            try {
                EarningRule saved = loyalty.saveRule(CurrentActor.require(), rule);
                dialog.close();
                Notifications.success("Rule " + saved.name() + " saved");
                refresh();
            } catch (Rejected ex) {
                form.showRejection(ex);
            }
        }));
        save.setId("rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(CurrentActor.may(WRITE_SCOPE));
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("rule-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void runPreview() {
        previewError.clear();
        previewResult.removeAll();
        if (previewMobile.getValue().isBlank() || previewAmount.getValue() == null) {
            previewError.show("Enter the customer's mobile and the bill amount.");
            return;
        }
        List<BillLine> lines;
        try {
            lines = PreviewBills.parseLines(previewLines.getValue());
        } catch (IllegalArgumentException e) {
            previewError.show(e.getMessage());
            return;
        }
        LocalDateTime at = previewBilledAt.getValue() == null ? LocalDateTime.now(Times.zone()) : previewBilledAt.getValue();
        var bill = PreviewBills.bill(PreviewBills.billNumber(UUID.randomUUID()), previewMobile.getValue(),
                previewAmount.getValue(), at.atZone(Times.zone()).toOffsetDateTime(), previewCurrency.getValue(), lines);
        BillResult result;
        try {
            result = loyalty.preview(bill);
        } catch (Rejected e) {
            previewError.show(Rejections.message(e));
            return;
        }
        Span summary = new Span(summary(result));
        summary.setId("preview-points");
        summary.getStyle().set("font-weight", "600");
        UnorderedList applied = new UnorderedList();
        applied.setId("preview-rules");
        for (AppliedRule r : result.appliedRules()) {
            applied.add(new ListItem(r.name() + ": " + r.effect()));
        }
        previewResult.add(summary);
        previewResult.add(result.appliedRules().isEmpty() ? new Div(new Span("No rule applied.")) : applied);
    }

    /** "Would earn 75 points (75 held for the return window)." */
    static String summary(BillResult r) {
        String text = "Would earn " + r.pointsEarned() + (r.pointsEarned() == 1 ? " point" : " points");
        if (r.pointsPending() > 0) {
            text += " (" + r.pointsPending() + " held for the return window)";
        }
        return text + ".";
    }
}
