package io.loyaltyhub.ui.internal;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import io.loyaltyhub.ui.UiServices;
import io.loyaltyhub.ui.security.AccessGuard;

/** Creates views with the platform services injected and guards every navigation. */
public class AdminServletService extends VaadinServletService {

    private final transient ServiceInjector injector;
    private final transient PluginScreens screens;

    public AdminServletService(AdminServlet servlet, DeploymentConfiguration configuration, UiServices services) {
        super(servlet, configuration);
        this.injector = new ServiceInjector(services);
        this.screens = new PluginScreens(services.screens().get(), io.loyaltyhub.ui.layout.MainNav.coreRoutes());
    }

    @Override
    public void init() throws ServiceException {
        super.init();
        // plugin screens: mounted at their routes inside the shell's layout
        com.vaadin.flow.router.RouteConfiguration routes = com.vaadin.flow.router.RouteConfiguration.forRegistry(
                com.vaadin.flow.server.startup.ApplicationRouteRegistry.getInstance(getContext()));
        for (io.loyaltyhub.admin.AdminScreen s : screens.all()) {
            routes.setRoute(s.route(), s.view(), io.loyaltyhub.ui.layout.MainLayout.class);
        }
        addUIInitListener(event -> event.getUI().addBeforeEnterListener(
                new AccessGuard(injector::missingPluginServices, screens::scopeOf)));
    }

    /** The screens plugins brought, for the navigation. */
    public static PluginScreens screens() {
        return ((AdminServletService) com.vaadin.flow.server.VaadinService.getCurrent()).screens;
    }

    @Override
    protected Instantiator createInstantiator() throws ServiceException {
        return new ServiceInstantiator(this, injector, screens);
    }
}
