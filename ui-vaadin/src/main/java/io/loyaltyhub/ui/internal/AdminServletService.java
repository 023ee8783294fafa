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

    public AdminServletService(AdminServlet servlet, DeploymentConfiguration configuration, UiServices services) {
        super(servlet, configuration);
        this.injector = new ServiceInjector(services);
    }

    @Override
    public void init() throws ServiceException {
        super.init();
        addUIInitListener(event -> event.getUI().addBeforeEnterListener(new AccessGuard(injector::missingPluginServices)));
    }

    @Override
    protected Instantiator createInstantiator() throws ServiceException {
        return new ServiceInstantiator(this, injector);
    }
}
