package io.loyaltyhub.ui.affiliates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.loyaltyhub.ui.affiliates.FakeAffiliateService.T0;
import static io.loyaltyhub.ui.affiliates.FakeAffiliateService.affiliate;
import static io.loyaltyhub.ui.affiliates.FakeAffiliateService.commission;
import static org.assertj.core.api.Assertions.assertThat;

/** The affiliate views without a browser: built with a fake service, buttons clicked on the server side. */
class AffiliateViewsTest {

    static final Actor MANAGER = Actor.staff(2, "maria", Role.MANAGER);
    static final Actor SUPPORT = Actor.staff(3, "sam", Role.SUPPORT);

    final FakeAffiliateService service = new FakeAffiliateService();
    final List<String> successes = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<Dialog> dialogs = new ArrayList<>();

    @BeforeEach
    void data() {
        service.add(affiliate(1, "Asha", AffiliateStatus.APPROVED, T0))
                .add(affiliate(2, "Bala", AffiliateStatus.PENDING, T0.plusSeconds(10)))
                .add(affiliate(3, "Chitra", AffiliateStatus.PENDING, T0.plusSeconds(5)));
    }

    /** Wires a view's page and session hooks to the lists here, logged in as {@code actor}. */
    <T> T as(Actor actor, Interactions ui, T view) {
        ui.actor = () -> Optional.ofNullable(actor);
        ui.success = successes::add;
        ui.error = errors::add;
        ui.dialogs = dialogs::add;
        ui.clock = Clock.fixed(Instant.parse("2026-03-18T10:00:00Z"), ZoneOffset.UTC);
        ui.zone = ZoneOffset.UTC;
        return view;
    }

    static Stream<Component> tree(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(AffiliateViewsTest::tree));
    }

    static Button button(Component root, String id) {
        return tree(root).filter(c -> c instanceof Button && id.equals(c.getId().orElse(null))).map(Button.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no button " + id));
    }

    AffiliatesView affiliatesView(Actor actor) {
        AffiliatesView view = new AffiliatesView(service);
        as(actor, view.ui, view);
        view.refresh();
        return view;
    }

    @Test
    void affiliatesHaveTheIdsBrowserTestsUse() {
        AffiliatesView view = affiliatesView(MANAGER);
        assertThat(view.grid.getId()).hasValue("affiliates-grid");
        assertThat(view.statusFilter.getId()).hasValue("affiliate-status-filter");
        assertThat(view.approveSelected.getId()).hasValue("affiliate-approve");
        Affiliate bala = service.affiliates.get(2L);
        assertThat(button(view.rowActions(bala), "approve-2").isVisible()).isTrue();
        assertThat(button(view.rowActions(bala), "reject-2").isVisible()).isTrue();
        assertThat(button(view.rowActions(service.affiliates.get(1L)), "suspend-1").isVisible()).isTrue();
        assertThat(button(view.rowActions(service.affiliates.get(1L)), "approve-1").isVisible()).isFalse();
    }

    @Test
    void pendingFirstAndFilterByStatus() {
        AffiliatesView view = affiliatesView(MANAGER);
        assertThat(view.grid.getListDataView().getItems()).extracting(Affiliate::name)
                .containsExactly("Chitra", "Bala", "Asha");
        assertThat(view.count.getText()).isEqualTo("3 affiliates, 2 waiting for approval");
        assertThat(view.grid.getElement().getAttribute("data-pending")).isEqualTo("2");
        view.statusFilter.setValue(AffiliateStatus.APPROVED);
        assertThat(view.grid.getListDataView().getItems()).extracting(Affiliate::name).containsExactly("Asha");
    }

    @Test
    void approvingARowGoesToTheServiceAsTheLoggedInActor() {
        AffiliatesView view = affiliatesView(MANAGER);
        button(view.rowActions(service.affiliates.get(2L)), "approve-2").click();
        assertThat(service.calls).containsExactly("approve 2");
        assertThat(service.actors).containsExactly(MANAGER);
        assertThat(service.affiliates.get(2L).status()).isEqualTo(AffiliateStatus.APPROVED);
        assertThat(successes).containsExactly("Bala (AF2) approved");
        assertThat(view.grid.getElement().getAttribute("data-pending")).isEqualTo("1");
    }

    @Test
    void theToolbarApprovesTheSelectedAffiliate() {
        AffiliatesView view = affiliatesView(MANAGER);
        assertThat(view.approveSelected.isEnabled()).isFalse();
        view.grid.select(service.affiliates.get(3L));
        assertThat(view.approveSelected.isEnabled()).isTrue();
        view.approveSelected.click();
        assertThat(service.calls).containsExactly("approve 3");
    }

    @Test
    void rejectNeedsAReasonAndARefusalStaysInTheDialog() {
        AffiliatesView view = affiliatesView(MANAGER);
        button(view.rowActions(service.affiliates.get(2L)), "reject-2").click();
        ReasonDialog dialog = (ReasonDialog) dialogs.getLast();
        assertThat(dialog.getId()).hasValue("affiliate-reject-dialog");
        dialog.confirm.click();
        assertThat(service.calls).isEmpty();
        assertThat(dialog.errorText()).isEqualTo("Say why.");
        assertThat(dialog.reason.isInvalid()).isTrue();

        service.refuseNext = new Rejected(Rejected.Kind.CONFLICT, "not-pending",
                "Bala was approved meanwhile.");
        dialog.reason.setValue("  duplicate account ");
        dialog.confirm.click();
        assertThat(dialog.errorText()).isEqualTo("Bala was approved meanwhile.");
        assertThat(successes).isEmpty();

        dialog.confirm.click();
        assertThat(service.calls).containsExactly("reject 2 duplicate account", "reject 2 duplicate account");
        assertThat(service.affiliates.get(2L).statusReason()).isEqualTo("duplicate account");
        assertThat(successes).containsExactly("Bala (AF2) rejected");
    }

    @Test
    void suspendAsksForAReasonToo() {
        AffiliatesView view = affiliatesView(MANAGER);
        view.openSuspend(service.affiliates.get(1L));
        ReasonDialog dialog = (ReasonDialog) dialogs.getLast();
        assertThat(dialog.getId()).hasValue("affiliate-suspend-dialog");
        dialog.reason.setValue("fake clicks");
        dialog.confirm.click();
        assertThat(service.affiliates.get(1L).status()).isEqualTo(AffiliateStatus.SUSPENDED);
    }

    @Test
    void supportMayLookButNotAct() {
        AffiliatesView view = affiliatesView(SUPPORT);
        assertThat(button(view.rowActions(service.affiliates.get(2L)), "approve-2").isVisible()).isFalse();
        assertThat(view.approveSelected.isVisible()).isFalse();
        assertThat(view.register.isVisible()).isFalse();
        view.approve(service.affiliates.get(2L));
        assertThat(service.calls).isEmpty();
        assertThat(errors).containsExactly("Your role may not approve affiliates.");
    }

    @Test
    void aFailingServiceIsAMessageNotACrash() {
        AffiliatesView view = affiliatesView(MANAGER);
        service.refuseNext = new IllegalStateException("plugin stopped");
        view.approve(service.affiliates.get(2L));
        assertThat(errors).containsExactly("Failed: plugin stopped");
    }

    @Test
    void registeringShowsTheServiceFieldErrorsOnTheForm() {
        AffiliatesView view = affiliatesView(MANAGER);
        AffiliatesView.RegisterDialog dialog = view.openRegister();
        assertThat(dialogs).containsExactly(dialog);
        AffiliateForm form = dialog.form;
        Button submit = dialog.submit;
        assertThat(submit.getId()).hasValue("affiliate-register-submit");
        submit.click();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.mobile.isInvalid()).isTrue();
        assertThat(service.calls).isEmpty();

        form.name.setValue("Deepa");
        form.mobile.setValue("98123");
        form.payoutDetails.setValue("UPI: deepa@bank");
        service.refuseNext = new Rejected(Rejected.Kind.INVALID, "validation-failed",
                "Check the application.", Map.of("mobile", "not a mobile number", "telegramUserId", "taken"));
        submit.click();
        assertThat(form.mobile.isInvalid()).isTrue();
        assertThat(form.mobile.getErrorMessage()).isEqualTo("not a mobile number");
        assertThat(form.errorText()).isEqualTo("Check the application.\ntelegramUserId: taken");

        form.mobile.setValue("+91 98123 45678");
        submit.click();
        assertThat(service.calls.getLast()).isEqualTo("register Deepa");
        Affiliate deepa = service.affiliates.values().stream().filter(a -> a.name().equals("Deepa")).findFirst()
                .orElseThrow();
        assertThat(deepa.mobile()).isEqualTo("+91 98123 45678");
        assertThat(deepa.email()).isNull();
        assertThat(deepa.payoutDetails()).isEqualTo("UPI: deepa@bank");
        assertThat(successes.getLast()).startsWith("Deepa (AF");
        assertThat(view.grid.asSingleSelect().getValue()).extracting(Affiliate::id).isEqualTo(deepa.id());
    }

    CommissionsView commissionsView(Actor actor) {
        service.add(commission(11, 1, "100.00", CommissionStatus.PENDING))
                .add(commission(12, 1, "50.25", CommissionStatus.PENDING))
                .add(commission(13, 2, "10", CommissionStatus.APPROVED))
                .add(commission(14, 2, "20", CommissionStatus.PENDING));
        CommissionsView view = new CommissionsView(service);
        as(actor, view.ui, view);
        view.load(null, null);
        return view;
    }

    @Test
    void commissionsHaveTheIdsAndShowPendingByDefault() {
        CommissionsView view = commissionsView(MANAGER);
        assertThat(view.grid.getId()).hasValue("commissions-grid");
        assertThat(view.approveSelected.getId()).hasValue("commissions-approve-selected");
        assertThat(view.statusFilter.getId()).hasValue("commissions-status-filter");
        assertThat(view.statusFilter.getValue()).isEqualTo(CommissionStatus.PENDING);
        assertThat(view.grid.getListDataView().getItems()).extracting(Commission::id).containsExactly(14L, 12L, 11L);
        view.statusFilter.setValue(null);
        assertThat(view.grid.getListDataView().getItems()).hasSize(4);
        view.affiliateFilter.setValue(service.affiliates.get(2L));
        assertThat(view.grid.getListDataView().getItems()).extracting(Commission::id).containsExactly(14L, 13L);
    }

    @Test
    void approveSelectedIsOneBulkCall() {
        CommissionsView view = commissionsView(MANAGER);
        assertThat(view.approveSelected.isEnabled()).isFalse();
        view.selectPending.click();
        assertThat(view.selection.getText()).isEqualTo("3 selected (3 pending) · INR 170.25");
        assertThat(view.approveSelected.getText()).isEqualTo("Approve selected (3)");
        view.approveSelected.click();
        assertThat(service.calls).containsExactly("approveCommissions [14, 12, 11]");
        assertThat(service.actors).containsExactly(MANAGER);
        assertThat(successes).containsExactly("Approved 3 commissions.");
        assertThat(view.grid.getListDataView().getItems()).as("none pending any more").isEmpty();
        assertThat(view.selection.getText()).isEqualTo("None selected");
    }

    @Test
    void bulkApprovalSaysWhatWasLeftOut() {
        CommissionsView view = commissionsView(MANAGER);
        view.statusFilter.setValue(null);
        service.bulkApproveLimit = 1;
        view.grid.asMultiSelect().select(service.commissions.get(11L), service.commissions.get(13L),
                service.commissions.get(12L));
        view.approveSelected.click();
        assertThat(service.calls.getLast()).isEqualTo("approveCommissions [11, 12]");
        assertThat(successes.getLast()).isEqualTo("Approved 1 commission. 1 was not pending and left alone. "
                + "1 was not approved (held by a fraud alert or changed meanwhile).");
    }

    @Test
    void rejectingACommissionNeedsAReason() {
        CommissionsView view = commissionsView(MANAGER);
        button(view.rowActions(service.commissions.get(12L)), "commission-reject-12").click();
        ReasonDialog dialog = (ReasonDialog) dialogs.getLast();
        dialog.confirm.click();
        assertThat(service.calls).isEmpty();
        dialog.reason.setValue("bill returned");
        dialog.confirm.click();
        assertThat(service.calls).containsExactly("rejectCommission 12 bill returned");
        assertThat(service.commissions.get(12L).status()).isEqualTo(CommissionStatus.REJECTED);
        button(view.rowActions(service.commissions.get(11L)), "commission-approve-11").click();
        assertThat(service.calls.getLast()).isEqualTo("approveCommission 11");
    }

    @Test
    void readersSeeCommissionsWithoutSelection() {
        CommissionsView view = commissionsView(SUPPORT);
        assertThat(view.grid.getSelectionMode()).isEqualTo(com.vaadin.flow.component.grid.Grid.SelectionMode.NONE);
        assertThat(view.approveSelected.isVisible()).isFalse();
        assertThat(button(view.rowActions(service.commissions.get(11L)), "commission-approve-11").isVisible()).isFalse();
        view.approveSelected();
        assertThat(service.calls).isEmpty();
    }

    @Test
    void theAddressChoosesTheFilters() {
        CommissionsView view = commissionsView(MANAGER);
        view.load("all", "2");
        assertThat(view.statusFilter.getValue()).isNull();
        assertThat(view.affiliateFilter.getValue()).extracting(Affiliate::id).isEqualTo(2L);
        assertThat(view.grid.getListDataView().getItems()).extracting(Commission::id).containsExactly(14L, 13L);
    }

    PayoutsView payoutsView() {
        service.add(new Payout(21, 1, Money.of("1500", "INR"), PayoutStatus.REQUESTED, T0, null, null, null, null, null))
                .add(new Payout(22, 2, Money.of("700", "INR"), PayoutStatus.PAID, T0.minusSeconds(99),
                        T0.minusSeconds(9), "UPI", "TX1", null, "maria"));
        PayoutsView view = new PayoutsView(service);
        as(MANAGER, view.ui, view);
        view.refresh();
        return view;
    }

    @Test
    void markPaidNeedsMethodAndReference() {
        PayoutsView view = payoutsView();
        assertThat(view.requested.getId()).hasValue("payouts-grid");
        assertThat(view.requested.getListDataView().getItems()).extracting(Payout::id).containsExactly(21L);
        assertThat(view.history.getListDataView().getItems()).extracting(Payout::id).containsExactly(22L);
        assertThat(view.requestedTotal.getText()).isEqualTo("1 payout waiting, INR 1,500.00 in all.");
        Button pay = (Button) view.payButton(service.payouts.get(21L));
        assertThat(pay.getId()).hasValue("payout-pay-21");
        pay.click();
        PayoutsView.MarkPaidDialog dialog = (PayoutsView.MarkPaidDialog) dialogs.getLast();
        dialog.confirm.click();
        assertThat(service.calls).isEmpty();
        assertThat(dialog.method.isInvalid()).isTrue();
        assertThat(dialog.reference.isInvalid()).isTrue();

        dialog.method.setValue("UPI");
        dialog.reference.setValue("UTR123");
        dialog.confirm.click();
        assertThat(service.calls).containsExactly("markPaid 21 UPI UTR123 null");
        assertThat(successes).containsExactly("INR 1,500.00 to Asha (AF1) marked paid");
        assertThat(view.requested.getListDataView().getItems()).isEmpty();
        assertThat(view.history.getListDataView().getItems()).extracting(Payout::id).containsExactly(21L, 22L);

        dialog.confirm.click(); // a second time: the service refuses, the dialog says so
        assertThat(dialog.errorText()).isEqualTo("This payout was already paid.");
    }

    @Test
    void alertsOpenFirstAndResolvedWithANote() {
        service.add(AffiliateLogicTest.alert(31, T0, T0.plusSeconds(5), false))
                .add(AffiliateLogicTest.alert(32, T0.plusSeconds(50), null, null));
        FraudAlertsView view = new FraudAlertsView(service);
        as(MANAGER, view.ui, view);
        view.refresh();
        assertThat(view.grid.getId()).hasValue("alerts-grid");
        assertThat(view.grid.getListDataView().getItems()).extracting(FraudAlert::id).containsExactly(32L, 31L);
        assertThat(view.count.getText()).isEqualTo("1 open alert");
        FraudAlert open = service.alerts.get(32L);
        assertThat(button(view.rowActions(service.alerts.get(31L)), "alert-confirm-31").isVisible()).isFalse();
        assertThat(FraudAlertsView.evidence(open).getElement().getTextRecursively()).contains("ip").contains("10.0.0.1");

        button(view.rowActions(open), "alert-dismiss-32").click();
        ReasonDialog dialog = (ReasonDialog) dialogs.getLast();
        dialog.confirm.click();
        assertThat(service.calls).isEmpty();
        dialog.reason.setValue("office wifi");
        dialog.confirm.click();
        assertThat(service.calls).containsExactly("resolveAlert 32 false office wifi");
        assertThat(view.count.getText()).isEqualTo("0 open alerts");
    }

    AffiliateDetailView detail(Actor actor, String id) {
        AffiliateDetailView view = new AffiliateDetailView(service);
        as(actor, view.ui, view);
        view.show(id);
        return view;
    }

    @Test
    void detailShowsProfileStatsAndAChart() {
        service.add(commission(41, 1, "25", CommissionStatus.APPROVED));
        service.clicksConversions = (from, to) -> new long[] {3, 2, 1};
        AffiliateDetailView view = detail(MANAGER, "1");
        assertThat(view.title.getText()).isEqualTo("Asha");
        assertThat(view.code.getText()).isEqualTo("AF1");
        assertThat(view.status.getText()).isEqualTo("approved");
        assertThat(view.payoutDetails.getText()).isEqualTo("UPI: a1@bank");
        assertThat(view.balance.value()).isEqualTo("INR 25.00");
        assertThat(view.range.getText()).isEqualTo("1 Mar 2026 – 18 Mar 2026");
        // one call for the period's figures, one per day for the chart
        assertThat(service.statsCalls).hasSize(1 + 18);
        assertThat(service.statsCalls.getFirst()).containsExactly(Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-19T00:00:00Z"));
        assertThat(view.clicks.value()).isEqualTo("3");
        assertThat(view.revenue.value()).isEqualTo("INR 1,000.00");
        assertThat(view.commission.value()).isEqualTo("INR 50.00");
        String svg = view.chart.getElement().getProperty("innerHTML");
        assertThat(svg).startsWith("<svg").contains("bar-clicks");
        assertThat(view.chart.getElement().getAttribute("data-points")).isEqualTo("18");
        assertThat(view.chartNote.getText()).contains("per day");
        assertThat(view.commissions.getListDataView().getItems()).extracting(Commission::id).containsExactly(41L);
        assertThat(view.suspend.isVisible()).isTrue();
        assertThat(view.approve.isVisible()).isFalse();

        service.statsCalls.clear();
        view.period.setValue(Period.LAST_MONTH);
        assertThat(view.range.getText()).isEqualTo("1 Feb 2026 – 28 Feb 2026");
        assertThat(service.statsCalls).hasSize(1 + 28);

        service.statsCalls.clear();
        view.period.setValue(Period.CUSTOM);
        assertThat(service.statsCalls).as("one refresh for the filled-in dates").hasSize(1 + 18);
        service.statsCalls.clear();
        view.from.setValue(java.time.LocalDate.of(2025, 3, 18));
        assertThat(service.statsCalls).hasSizeLessThanOrEqualTo(1 + ActivitySeries.MAX_CALLS);
        assertThat(view.chartNote.getText()).contains("per 12 days");
        view.from.setValue(java.time.LocalDate.of(2026, 4, 1));
        assertThat(view.statsError.message()).isEqualTo("The last day is before the first.");
    }

    @Test
    void creatingALinkShowsTheServiceFieldErrorsOnTheForm() {
        AffiliateDetailView view = detail(MANAGER, "1");
        view.linkForm.create.click();
        assertThat(view.linkForm.campaign.isInvalid()).isTrue();
        assertThat(service.calls).isEmpty();
        view.linkForm.campaign.setValue("diwali");
        view.linkForm.targetUrl.setValue("javascript:alert(1)");
        service.refuseNext = new Rejected(Rejected.Kind.INVALID, "invalid-url", "Check the link.",
                Map.of("targetUrl", "http or https only"));
        view.linkForm.create.click();
        assertThat(view.linkForm.targetUrl.isInvalid()).isTrue();
        assertThat(view.linkForm.targetUrl.getErrorMessage()).isEqualTo("http or https only");
        assertThat(view.linkForm.errorText()).isEqualTo("Check the link.");

        view.linkForm.targetUrl.setValue("https://shop.example.com/diwali");
        view.linkForm.create.click();
        assertThat(service.calls.getLast()).isEqualTo("link 1 diwali https://shop.example.com/diwali");
        assertThat(view.links.getListDataView().getItems()).extracting(l -> l.campaign()).containsExactly("diwali");
        assertThat(view.linkForm.campaign.getValue()).isEmpty();
        assertThat(view.linkForm.targetUrl.isInvalid()).isFalse();
    }

    @Test
    void detailOfAPendingAffiliateApprovesAndUnknownIdsSaySo() {
        AffiliateDetailView view = detail(MANAGER, "2");
        assertThat(view.approve.isVisible()).isTrue();
        view.approve.click();
        assertThat(service.calls).containsExactly("approve 2");
        assertThat(view.status.getText()).isEqualTo("approved");

        AffiliateDetailView none = detail(MANAGER, "999");
        assertThat(none.content.isVisible()).isFalse();
        assertThat(none.notFound.message()).isEqualTo("There is no affiliate 999.");
        AffiliateDetailView readOnly = detail(SUPPORT, "2");
        assertThat(readOnly.approve.isVisible()).isFalse();
        assertThat(readOnly.linkForm.isVisible()).isFalse();
    }

    @Test
    void leaderboardForLastMonthRankedByRevenue() {
        service.leaderboard = List.of(new AffiliateStats(1, T0, T0, 40, 30, 5, Money.of("300", "INR"), Money.of("30", "INR")),
                new AffiliateStats(2, T0, T0, 10, 9, 2, Money.of("900", "INR"), Money.of("90", "INR")));
        AffiliateLeaderboardView view = new AffiliateLeaderboardView(service);
        as(MANAGER, view.ui, view);
        view.refresh();
        assertThat(view.grid.getListDataView().getItems()).extracting(r -> r.stats().affiliateId()).containsExactly(1L, 2L);
        String svg = view.chart.getElement().getProperty("innerHTML");
        assertThat(svg).contains("1. Asha (AF1)").contains("INR 900.00");

        view.period.setValue(Period.LAST_MONTH);
        assertThat(service.calls.getLast()).isEqualTo("leaderboard 2026-02-01T00:00:00Z 2026-03-01T00:00:00Z");
        view.rankBy.setValue(LeaderboardRanking.By.REVENUE);
        assertThat(view.grid.getListDataView().getItems()).extracting(r -> r.stats().affiliateId()).containsExactly(2L, 1L);

        service.leaderboard = List.of();
        view.refresh();
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.chart.isVisible()).isFalse();
    }
}
