package io.loyaltyhub.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.UiServices;
import io.loyaltyhub.ui.security.CurrentActor;

/** The frame of every view after login: title, who is logged in, logout, and the side navigation. */
public class MainLayout extends AppLayout {

    public MainLayout(UiServices services) {
        Actor actor = CurrentActor.get().orElse(null);
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header(actor, services));
        addToDrawer(nav(actor, services.pluginServices()));
    }

    private HorizontalLayout header(Actor actor, UiServices services) {
        H1 title = new H1("Loyalty admin");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Span who = new Span(actor == null ? "" : actor.name() + " (" + roleName(actor) + ")");
        who.setId("current-user");

        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> {
            if (actor != null) {
                services.staff().loggedOut(actor, "admin-ui");
            }
            logout();
        });
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(title, who, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        return header;
    }

    private static SideNav nav(Actor actor, PluginServices pluginServices) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MainNav.Entry entry : MainNav.visibleFor(actor, pluginServices)) {
            if (entry.view() == io.loyaltyhub.ui.plugins.PluginsView.class) {
                addPluginScreens(nav, actor); // the plugins' own screens, before the platform's pages
            }
            SideNavItem item = new SideNavItem(entry.label(), entry.view(), entry.icon().create());
            // "plugins/stores" highlights "Plugins"; the dashboard ("") must not match everything
            item.setMatchNested(item.getPath() != null && !item.getPath().isEmpty());
            nav.addItem(item);
        }
        return nav;
    }

    private static void addPluginScreens(SideNav nav, Actor actor) {
        if (!(com.vaadin.flow.server.VaadinService.getCurrent() instanceof io.loyaltyhub.ui.internal.AdminServletService)) {
            return; // a unit test's mock service
        }
        java.util.List<io.loyaltyhub.admin.AdminScreen> screens = io.loyaltyhub.ui.internal.AdminServletService.screens().all();
        for (io.loyaltyhub.admin.AdminScreen s : screens) {
            if (actor != null && actor.may(s.scope())) {
                VaadinIcon icon;
                try {
                    icon = VaadinIcon.valueOf(s.icon());
                } catch (IllegalArgumentException | NullPointerException e) {
                    icon = VaadinIcon.PUZZLE_PIECE;
                }
                SideNavItem item = new SideNavItem(s.title(), s.route(), icon.create());
                // "notifications/templates" is a screen of its own: then "notifications" highlights only itself
                item.setMatchNested(screens.stream().noneMatch(o -> o.route().startsWith(s.route() + "/")));
                nav.addItem(item);
            }
        }
    }

    private static String roleName(Actor actor) {
        return actor.role() == null ? actor.kind().name().toLowerCase() : actor.role().name().toLowerCase();
    }

    private static void logout() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        String contextPath = request == null ? "" : request.getContextPath();
        UI.getCurrent().getPage().setLocation(contextPath + "/login");
        WrappedSession http = VaadinSession.getCurrent().getSession();
        http.invalidate();
    }
}
