package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.ui.common.Rejections;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.NewLink;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.ReferralLink;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.StatCard;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.common.FieldErrors;
import io.loyaltyhub.ui.loyalty.Formats;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One affiliate: profile, status (approve / reject / suspend), code and payout details, approved
 * balance, links (and creating one), stats for a period with a chart of clicks and conversions
 * over time, commissions and payouts. Changes need {@code affiliates:write}.
 */
@Route(value = "affiliates/:" + AffiliateDetailView.ID, layout = MainLayout.class)
@PageTitle("Affiliate | Loyalty admin")
@RequiredScope(Interactions.READ)
public class AffiliateDetailView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ID = "id";
    static final int HISTORY_LIMIT = 200;

    private final transient AffiliateService service;
    final transient Interactions ui = new Interactions();
    long affiliateId;
    Affiliate affiliate;
    private boolean fillingDates;

    final H2 title = new H2();
    final ErrorText notFound = new ErrorText("affiliate-not-found");
    final VerticalLayout content = new VerticalLayout();
    final Span status = new Span();
    final Span statusReason = new Span();
    final Span code = new Span();
    final Span mobile = new Span();
    final Span email = new Span();
    final Span payoutDetails = new Span();
    final Span telegram = new Span();
    final Span recruitedBy = new Span();
    final Span applied = new Span();
    final Span approvedAt = new Span();
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject…");
    final Button suspend = new Button("Suspend…");
    final Button edit = new Button("Edit…");
    final StatCard balance = new StatCard("affiliate-approved-balance", "Approved, unpaid", "-");

    final Grid<ReferralLink> links = new Grid<>();
    final LinkForm linkForm = new LinkForm(this::createLink);

    final Select<Period> period = new Select<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Span range = new Span();
    final ErrorText statsError = new ErrorText("stats-error");
    final StatCard clicks = new StatCard("stat-clicks", "Clicks", "-");
    final StatCard uniqueClicks = new StatCard("stat-unique-clicks", "Unique clicks", "-");
    final StatCard conversions = new StatCard("stat-conversions", "Conversions", "-");
    final StatCard revenue = new StatCard("stat-revenue", "Revenue", "-");
    final StatCard commission = new StatCard("stat-commission", "Commission", "-");
    final Div chart = new Div();
    final Span chartNote = new Span();

    final Grid<Commission> commissions = new Grid<>();
    final Anchor allCommissions = new Anchor("commissions", "All commissions of this affiliate");
    final Grid<Payout> payouts = new Grid<>();
    final ErrorText error = new ErrorText("affiliate-error");

    public AffiliateDetailView(AffiliateService service) {
        this.service = service;

        title.setId("affiliate-title");
        status.setId("affiliate-status");
        statusReason.setId("affiliate-status-reason");
        code.setId("affiliate-code");
        mobile.setId("affiliate-mobile-value");
        email.setId("affiliate-email-value");
        payoutDetails.setId("affiliate-payout-value");
        telegram.setId("affiliate-telegram");
        recruitedBy.setId("affiliate-recruited-by");
        applied.setId("affiliate-applied");
        approvedAt.setId("affiliate-approved-at");
        FlexLayout facts = new FlexLayout(labelled("Status", status), labelled("Reason", statusReason),
                labelled("Code", code), labelled("Mobile", mobile), labelled("Email", email),
                labelled("Payout details", payoutDetails), labelled("Telegram user", telegram),
                labelled("Invited by", recruitedBy), labelled("Applied", applied), labelled("Approved", approvedAt));
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-l)");

        approve.setId("affiliate-detail-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(e -> approve());
        reject.setId("affiliate-detail-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(e -> openStatusDialog(false));
        suspend.setId("affiliate-detail-suspend");
        suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
        suspend.addClickListener(e -> openStatusDialog(true));
        edit.setId("affiliate-edit");
        edit.addClickListener(e -> openEdit());
        HorizontalLayout actions = new HorizontalLayout(approve, reject, suspend, edit);

        links.setId("links-grid");
        links.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        links.addColumn(ReferralLink::code).setHeader("Code").setAutoWidth(true);
        links.addColumn(ReferralLink::campaign).setHeader("Campaign").setAutoWidth(true);
        links.addColumn(ReferralLink::url).setHeader("URL").setAutoWidth(true).setTooltipGenerator(ReferralLink::url);
        links.addColumn(ReferralLink::targetUrl).setHeader("Target").setWidth("16em").setFlexGrow(1)
                .setTooltipGenerator(ReferralLink::targetUrl);
        links.addColumn(ReferralLink::clicks).setHeader("Clicks").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        links.addColumn(ReferralLink::uniqueClicks).setHeader("Unique clicks").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        links.addColumn(l -> Times.format(l.createdAt())).setHeader("Created").setAutoWidth(true);
        links.setAllRowsVisible(true);

        period.setId("stats-period");
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(Period::label);
        period.setValue(Period.THIS_MONTH);
        period.addValueChangeListener(e -> {
            showCustomDates();
            refreshStats();
        });
        from.setId("stats-from");
        to.setId("stats-to");
        from.addValueChangeListener(e -> refreshStats());
        to.addValueChangeListener(e -> refreshStats());
        range.setId("stats-range");
        range.getStyle().set("color", "var(--lumo-secondary-text-color)");
        showCustomDates();
        HorizontalLayout periodRow = new HorizontalLayout(period, from, to, range);
        periodRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        periodRow.setWrap(true);
        FlexLayout cards = new FlexLayout(clicks, uniqueClicks, conversions, revenue, commission);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        chart.setId("stats-chart");
        chart.setWidth("min(48em, 100%)");
        chartNote.setId("stats-chart-note");
        chartNote.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        commissions.setId("affiliate-commissions-grid");
        commissions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        CommissionsView.addCommissionColumns(commissions);
        commissions.setHeight("20em");
        allCommissions.setId("affiliate-all-commissions");

        payouts.setId("affiliate-payouts-grid");
        payouts.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        payouts.addColumn(p -> Times.format(p.requestedAt())).setHeader("Requested").setAutoWidth(true);
        payouts.addColumn(p -> MoneyText.format(p.amount())).setHeader("Amount").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        payouts.addColumn(p -> Formats.label(p.status())).setHeader("Status").setAutoWidth(true);
        payouts.addColumn(p -> Times.format(p.paidAt())).setHeader("Paid").setAutoWidth(true);
        payouts.addColumn(p -> Formats.text(p.method())).setHeader("Method").setAutoWidth(true);
        payouts.addColumn(p -> Formats.text(p.reference())).setHeader("Reference").setAutoWidth(true);
        payouts.setAllRowsVisible(true);

        content.setPadding(false);
        content.add(facts, actions, error, balance,
                new H3("Links"), linkForm, links,
                new H3("Stats"), periodRow, statsError, cards, chart, chartNote,
                new H3("Commissions"), allCommissions, commissions,
                new H3("Payouts"), payouts);
        add(new Anchor("affiliates", "← Affiliates"), title, notFound, content);
    }

    /** The address of an affiliate's page, relative to the admin UI's base. */
    public static String path(long affiliateId) {
        return "affiliates/" + affiliateId;
    }

    private static Component labelled(String label, Span value) {
        Span caption = new Span(label + ": ");
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(caption, value);
    }

    /** Sets a fact's text; a fact without one is hidden with its label. */
    private static void fact(Span value, String text) {
        value.setText(text == null ? "" : text);
        value.getParent().ifPresent(p -> p.setVisible(text != null && !text.isBlank()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get(ID).orElse(""));
    }

    /** Shows the affiliate with the id in {@code idText}, or says there is none. */
    void show(String idText) {
        OptionalLong id = parseId(idText);
        Optional<Affiliate> found = id.isPresent()
                ? ui.call(() -> service.find(id.getAsLong()), notFound::show).flatMap(o -> o) : Optional.empty();
        content.setVisible(found.isPresent());
        if (found.isEmpty()) {
            title.setText("Affiliate not found");
            if (notFound.message().isEmpty()) {
                notFound.show("There is no affiliate " + idText + ".");
            }
            return;
        }
        notFound.clear();
        affiliateId = id.getAsLong();
        allCommissions.setHref("commissions?affiliate=" + affiliateId);
        showProfile(found.get());
        linkForm.setVisible(ui.mayWrite());
        linkForm.reset();
        refreshLinks();
        refreshStats();
        refreshMoney();
    }

    /** The id in the address, if it is one. */
    static OptionalLong parseId(String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.trim());
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void showProfile(Affiliate a) {
        affiliate = a;
        title.setText(a.name() == null || a.name().isBlank() ? "(no name)" : a.name());
        status.setText(Formats.label(a.status()));
        status.getElement().setAttribute("data-status", a.status().name());
        fact(statusReason, a.statusReason());
        fact(code, a.code());
        fact(mobile, a.mobile());
        fact(email, a.email());
        fact(payoutDetails, a.payoutDetails() == null || a.payoutDetails().isBlank() ? "none yet" : a.payoutDetails());
        fact(telegram, a.telegramUserId() == null ? "not linked" : String.valueOf(a.telegramUserId()));
        fact(recruitedBy, a.recruitedBy() == null ? null : new AffiliateNames(service).label(a.recruitedBy()));
        fact(applied, Times.format(a.createdAt()));
        fact(approvedAt, Times.format(a.approvedAt()));
        boolean write = ui.mayWrite();
        approve.setVisible(write && AffiliatesView.mayApprove(a));
        reject.setVisible(write && AffiliatesView.mayReject(a));
        suspend.setVisible(write && AffiliatesView.maySuspend(a));
        edit.setVisible(write);
    }

    private void reload() {
        ui.call(() -> service.find(affiliateId), error::show).flatMap(o -> o).ifPresent(this::showProfile);
    }

    void approve() {
        error.clear();
        if (!ui.mayWrite()) {
            error.show("Your role may not approve affiliates.");
            return;
        }
        ui.call(() -> service.approve(ui.requireActor(), affiliateId), error::show).ifPresent(a -> {
            ui.success.accept(Queues.affiliateLabel(a) + " approved");
            showProfile(a);
        });
    }

    void openStatusDialog(boolean suspending) {
        String verb = suspending ? "Suspend" : "Reject";
        ui.open(new ReasonDialog(suspending ? "affiliate-suspend" : "affiliate-reject",
                verb + " " + Queues.affiliateLabel(affiliate), null, "Reason", verb, true, (reason, showError) -> {
                    if (!ui.mayWrite()) {
                        showError.accept("Your role may not change affiliates.");
                        return false;
                    }
                    Optional<Affiliate> done = ui.call(() -> suspending
                            ? service.suspend(ui.requireActor(), affiliateId, reason)
                            : service.reject(ui.requireActor(), affiliateId, reason), showError);
                    done.ifPresent(a -> {
                        ui.success.accept(Queues.affiliateLabel(a) + (suspending ? " suspended" : " rejected"));
                        showProfile(a);
                    });
                    return done.isPresent();
                }));
    }

    void openEdit() {
        Affiliate a = affiliate;
        TextField name = new TextField("Name");
        name.setId("affiliate-edit-name");
        name.setValue(Formats.text(a.name()));
        EmailField mail = new EmailField("Email");
        mail.setId("affiliate-edit-email");
        mail.setValue(Formats.text(a.email()));
        TextField payout = new TextField("Payout details");
        payout.setId("affiliate-edit-payout-details");
        payout.setValue(Formats.text(a.payoutDetails()));
        payout.setWidthFull();
        ErrorText editError = new ErrorText("affiliate-edit-error");
        FieldErrors fields = new FieldErrors().field("name", name).field("email", mail).field("payoutDetails", payout);
        FormLayout form = new FormLayout(name, mail, payout, editError);
        form.setColspan(payout, 2);
        form.setColspan(editError, 2);
        Dialog dialog = new Dialog();
        dialog.setId("affiliate-edit-dialog");
        dialog.setHeaderTitle("Edit " + Queues.affiliateLabel(a));
        dialog.setWidth("min(36em, 95vw)");
        dialog.add(form);
        Button save = new Button("Save", e -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage("Enter the name");
                name.setInvalid(true);
                return;
            }
            try {
                Affiliate updated = service.update(ui.requireActor(), affiliateId, name.getValue().trim(),
                        AffiliateForm.blankToNull(mail.getValue()), AffiliateForm.blankToNull(payout.getValue()),
                        a.planId());
                dialog.close();
                ui.success.accept("Saved");
                showProfile(updated);
            } catch (Rejected ex) {
                editError.show(Rejections.message(ex, fields.show(ex.fieldErrors())));
            } catch (RuntimeException ex) {
                editError.show(Interactions.failure(ex));
            }
        });
        save.setId("affiliate-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        ui.open(dialog);
    }

    void createLink(NewLink link) {
        if (!ui.mayWrite()) {
            linkForm.showError("Your role may not create links.");
            return;
        }
        try {
            ReferralLink created = service.createLink(ui.requireActor(), affiliateId, link);
            linkForm.reset();
            ui.success.accept("Link created: " + created.url());
            refreshLinks();
        } catch (Rejected e) {
            linkForm.showRejection(e);
        } catch (RuntimeException e) {
            linkForm.showError(Interactions.failure(e));
        }
    }

    private void refreshLinks() {
        links.setItems(ui.call(() -> service.links(affiliateId), error::show).orElse(List.of()));
    }

    private void showCustomDates() {
        boolean custom = period.getValue() == Period.CUSTOM;
        from.setVisible(custom);
        to.setVisible(custom);
        if (custom && from.getValue() == null && to.getValue() == null) {
            // start from the month so far; one refresh afterwards, not one per date
            fillingDates = true;
            try {
                from.setValue(ui.today().withDayOfMonth(1));
                to.setValue(ui.today());
            } finally {
                fillingDates = false;
            }
        }
    }

    /** The period's figures, and the chart of clicks and conversions in it. */
    void refreshStats() {
        if (affiliate == null || fillingDates) {
            return;
        }
        statsError.clear();
        Period p = period.getValue() == null ? Period.THIS_MONTH : period.getValue();
        Optional<DateRange> days = p.range(ui.today(), from.getValue(), to.getValue());
        if (days.isEmpty()) {
            statsError.show(Period.customProblem(from.getValue(), to.getValue()).orElse("Choose a period."));
            return;
        }
        DateRange r = days.get();
        range.setText(r.label());
        Optional<AffiliateStats> stats = ui.call(() -> service.stats(affiliateId, r.from(ui.zone), r.to(ui.zone)),
                statsError::show);
        clicks.setValue(stats.map(s -> String.valueOf(s.clicks())).orElse("-"));
        uniqueClicks.setValue(stats.map(s -> String.valueOf(s.uniqueClicks())).orElse("-"));
        conversions.setValue(stats.map(s -> String.valueOf(s.conversions())).orElse("-"));
        revenue.setValue(stats.map(s -> MoneyText.format(s.revenue())).orElse("-"));
        commission.setValue(stats.map(s -> MoneyText.format(s.commission())).orElse("-"));
        chart.getElement().setProperty("innerHTML", "");
        chartNote.setText("");
        Optional<List<ActivitySeries.Point>> series = ui.call(
                () -> ActivitySeries.of(service, affiliateId, r, ui.zone), statsError::show);
        series.ifPresent(points -> {
            chart.getElement().setProperty("innerHTML", SvgCharts.activity(points));
            chart.getElement().setAttribute("data-points", String.valueOf(points.size()));
            chartNote.setText("Clicks and conversions " + ActivitySeries.resolution(points) + ", " + r.label() + ".");
        });
    }

    private void refreshMoney() {
        balance.setValue(ui.call(() -> service.approvedBalance(affiliateId), error::show)
                .map(MoneyText::format).orElse("-"));
        commissions.setItems(ui.call(() -> service.commissions(affiliateId, null, HISTORY_LIMIT), error::show)
                .orElse(List.of()));
        payouts.setItems(ui.call(() -> service.payouts(affiliateId, null, HISTORY_LIMIT), error::show)
                .orElse(List.of()));
    }

}
