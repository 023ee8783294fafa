package io.loyaltyhub.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.affiliates.AffiliateLeaderboardView;
import io.loyaltyhub.ui.affiliates.AffiliatesView;
import io.loyaltyhub.ui.affiliates.CommissionsView;
import io.loyaltyhub.ui.affiliates.FraudAlertsView;
import io.loyaltyhub.ui.affiliates.PayoutsView;
import io.loyaltyhub.ui.audit.AuditView;
import io.loyaltyhub.ui.chat.ChannelsView;
import io.loyaltyhub.ui.chat.ChatSimulatorView;
import io.loyaltyhub.ui.connectors.ConnectorsView;
import io.loyaltyhub.ui.customers.CustomersView;
import io.loyaltyhub.ui.customers.LeaderboardView;
import io.loyaltyhub.ui.internal.ServiceInjector;
import io.loyaltyhub.ui.rewards.CouponsView;
import io.loyaltyhub.ui.rewards.RewardsView;
import io.loyaltyhub.ui.rewards.VoucherCounterView;
import io.loyaltyhub.ui.rules.RulesView;
import io.loyaltyhub.ui.rules.TiersView;
import io.loyaltyhub.ui.dashboard.DashboardView;
import io.loyaltyhub.ui.events.EventsView;
import io.loyaltyhub.ui.plugins.PluginsView;
import io.loyaltyhub.ui.security.AccessRule;
import io.loyaltyhub.ui.staff.StaffView;

import java.util.List;

/**
 * The side navigation, in order. Add new views HERE. An entry is shown only to actors that may
 * open its view (by the view's {@link io.loyaltyhub.ui.security.RequiredScope}) and only while the
 * plugin services its view needs (e.g. {@code LoyaltyService}) are there.
 */
public final class MainNav {

    public record Entry(String label, VaadinIcon icon, Class<? extends Component> view) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("Dashboard", VaadinIcon.DASHBOARD, DashboardView.class),
            new Entry("Customers", VaadinIcon.USER_CARD, CustomersView.class),
            new Entry("Voucher counter", VaadinIcon.TICKET, VoucherCounterView.class),
            new Entry("Rewards", VaadinIcon.GIFT, RewardsView.class),
            new Entry("Coupons", VaadinIcon.PIGGY_BANK, CouponsView.class),
            new Entry("Earning rules", VaadinIcon.CALC, RulesView.class),
            new Entry("Tiers", VaadinIcon.STAR, TiersView.class),
            new Entry("Leaderboard", VaadinIcon.TROPHY, LeaderboardView.class),
            new Entry("Chat simulator", VaadinIcon.CHAT, ChatSimulatorView.class),
            new Entry("WhatsApp & Telegram", VaadinIcon.CONNECT, ChannelsView.class),
            new Entry("Affiliates", VaadinIcon.HANDSHAKE, AffiliatesView.class),
            new Entry("Commissions", VaadinIcon.MONEY, CommissionsView.class),
            new Entry("Payouts", VaadinIcon.WALLET, PayoutsView.class),
            new Entry("Fraud alerts", VaadinIcon.WARNING, FraudAlertsView.class),
            new Entry("Affiliate leaderboard", VaadinIcon.BAR_CHART, AffiliateLeaderboardView.class),
            new Entry("Plugins", VaadinIcon.PLUG, PluginsView.class),
            new Entry("Connectors", VaadinIcon.DATABASE, ConnectorsView.class),
            new Entry("Staff users", VaadinIcon.USERS, StaffView.class),
            new Entry("Audit log", VaadinIcon.RECORDS, AuditView.class),
            new Entry("Events", VaadinIcon.EXCHANGE, EventsView.class));

    private MainNav() {
    }

    /** The routes the shell's own views take (a plugin screen may not take one). */
    public static java.util.Set<String> coreRoutes() {
        java.util.Set<String> routes = new java.util.HashSet<>(java.util.Set.of("", "login"));
        for (Entry e : ENTRIES) {
            com.vaadin.flow.router.Route r = e.view().getAnnotation(com.vaadin.flow.router.Route.class);
            if (r != null) {
                routes.add(r.value());
            }
        }
        return routes;
    }

    /** The entries {@code actor} (null: nobody) may open and whose plugin services {@code services} has. */
    public static List<Entry> visibleFor(Actor actor, PluginServices services) {
        return ENTRIES.stream()
                .filter(e -> AccessRule.mayOpen(e.view(), actor))
                .filter(e -> ServiceInjector.missingPluginServices(e.view(), services).isEmpty())
                .toList();
    }
}
