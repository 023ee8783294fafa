package io.loyaltyhub.ui.layout;

import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.ChatSimulator;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.ui.PluginServices;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MainNavTest {

    static final PluginServices ALL = services(Map.of(LoyaltyService.class, stub(LoyaltyService.class),
            RewardsService.class, stub(RewardsService.class)));

    static PluginServices services(Map<Class<?>, Object> map) {
        return new PluginServices() {
            @Override
            public <T> Optional<T> find(Class<T> type) {
                return Optional.ofNullable(type.cast(map.get(type)));
            }
        };
    }

    static <T> T stub(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    @Test
    void adminSeesEverything() {
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN), ALL)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Customers", "Voucher counter", "Rewards", "Coupons", "Earning rules",
                        "Tiers", "Leaderboard", "Plugins", "Staff users", "Audit log", "Events");
    }

    @Test
    void staffUsersOnlyForActorsWhoMayReadStaff() {
        assertThat(MainNav.visibleFor(Actor.staff(2, "m", Role.MANAGER), ALL)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Customers", "Voucher counter", "Rewards", "Coupons", "Earning rules",
                        "Tiers", "Leaderboard", "Plugins", "Audit log", "Events");
    }

    @Test
    void supportSeesOnlyWhatItMayOpen() {
        assertThat(MainNav.visibleFor(Actor.staff(3, "s", Role.SUPPORT), ALL)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Customers", "Voucher counter", "Rewards", "Coupons", "Earning rules",
                        "Tiers", "Leaderboard", "Plugins");
    }

    @Test
    void loyaltyEntriesHideWhileTheirServiceIsMissing() {
        Actor admin = Actor.staff(1, "a", Role.ADMIN);
        assertThat(MainNav.visibleFor(admin, PluginServices.none())).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Plugins", "Staff users", "Audit log", "Events");
        PluginServices loyaltyOnly = services(Map.of(LoyaltyService.class, stub(LoyaltyService.class)));
        assertThat(MainNav.visibleFor(admin, loyaltyOnly)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Customers", "Earning rules", "Tiers", "Leaderboard", "Plugins",
                        "Staff users", "Audit log", "Events");
    }

    @Test
    void chatEntriesFollowLeaderboardWhileTheirServicesAreThere() {
        PluginServices withChat = services(Map.of(LoyaltyService.class, stub(LoyaltyService.class),
                RewardsService.class, stub(RewardsService.class), ChatSimulator.class, stub(ChatSimulator.class),
                Channels.class, stub(Channels.class)));
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN), withChat)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Customers", "Voucher counter", "Rewards", "Coupons", "Earning rules",
                        "Tiers", "Leaderboard", "Chat simulator", "WhatsApp & Telegram", "Plugins", "Staff users",
                        "Audit log", "Events");
        assertThat(MainNav.visibleFor(Actor.staff(3, "s", Role.SUPPORT), withChat)).extracting(MainNav.Entry::label)
                .contains("Chat simulator", "WhatsApp & Telegram");
        PluginServices channelsOnly = services(Map.of(Channels.class, stub(Channels.class)));
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN), channelsOnly)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "WhatsApp & Telegram", "Plugins", "Staff users", "Audit log", "Events");
    }

    @Test
    void chatEntriesNeedTheirScopes() {
        PluginServices chat = services(Map.of(ChatSimulator.class, stub(ChatSimulator.class),
                Channels.class, stub(Channels.class)));
        Actor readOnly = Actor.apiKey(9, "reader", java.util.Set.of("plugins:read", "messages:read"));
        assertThat(MainNav.visibleFor(readOnly, chat)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "WhatsApp & Telegram", "Plugins");
    }

    @Test
    void affiliateEntriesFollowTheChannelsWhileTheirServiceIsThere() {
        PluginServices everything = services(Map.of(LoyaltyService.class, stub(LoyaltyService.class),
                RewardsService.class, stub(RewardsService.class), ChatSimulator.class, stub(ChatSimulator.class),
                Channels.class, stub(Channels.class), AffiliateService.class, stub(AffiliateService.class)));
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN), everything)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Customers", "Voucher counter", "Rewards", "Coupons", "Earning rules",
                        "Tiers", "Leaderboard", "Chat simulator", "WhatsApp & Telegram", "Affiliates", "Commissions",
                        "Payouts", "Fraud alerts", "Affiliate leaderboard", "Plugins", "Staff users", "Audit log",
                        "Events");
        assertThat(MainNav.visibleFor(Actor.staff(3, "s", Role.SUPPORT), everything)).extracting(MainNav.Entry::label)
                .as("affiliates:read is enough to look")
                .contains("Affiliates", "Commissions", "Payouts", "Fraud alerts", "Affiliate leaderboard");
        PluginServices affiliatesOnly = services(Map.of(AffiliateService.class, stub(AffiliateService.class)));
        assertThat(MainNav.visibleFor(Actor.apiKey(9, "reader", java.util.Set.of("affiliates:read")), affiliatesOnly))
                .extracting(MainNav.Entry::label)
                .containsExactly("Affiliates", "Commissions", "Payouts", "Fraud alerts", "Affiliate leaderboard");
        assertThat(MainNav.visibleFor(Actor.apiKey(9, "other", java.util.Set.of("customers:read")), affiliatesOnly))
                .extracting(MainNav.Entry::label).doesNotContain("Affiliates", "Commissions");
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN), ALL)).extracting(MainNav.Entry::label)
                .as("hidden while the affiliates plugin is not running").doesNotContain("Affiliates", "Payouts");
    }

    @Test
    void connectorsFollowPluginsWhileTheErpServiceIsThere() {
        PluginServices erp = services(Map.of(io.loyaltyhub.api.erp.ErpConnectors.class,
                stub(io.loyaltyhub.api.erp.ErpConnectors.class)));
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN), erp)).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Plugins", "Connectors", "Staff users", "Audit log", "Events");
        assertThat(MainNav.visibleFor(Actor.staff(3, "s", Role.SUPPORT), erp)).extracting(MainNav.Entry::label)
                .as("support may look").contains("Connectors");
        assertThat(MainNav.visibleFor(Actor.apiKey(9, "reader", java.util.Set.of("plugins:read")), erp))
                .extracting(MainNav.Entry::label).doesNotContain("Connectors");
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN), ALL)).extracting(MainNav.Entry::label)
                .as("hidden while nothing runs connectors").doesNotContain("Connectors");
        assertThat(MainNav.coreRoutes()).contains("connectors");
    }

    @Test
    void nobodySeesNothing() {
        assertThat(MainNav.visibleFor(null, ALL)).isEmpty();
    }
}
