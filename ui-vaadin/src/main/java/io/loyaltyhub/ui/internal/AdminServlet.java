package io.loyaltyhub.ui.internal;

import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.loyaltyhub.ui.UiServices;

/**
 * The admin UI's Vaadin servlet. Registered by {@link io.loyaltyhub.ui.AdminUiServer} on
 * {@code /*}; it takes the {@link UiServices} from the servlet context.
 */
public class AdminServlet extends VaadinServlet {

    /** Servlet-context attribute holding the {@link UiServices}. */
    public static final String SERVICES_ATTRIBUTE = UiServices.class.getName();

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        Object services = getServletContext().getAttribute(SERVICES_ATTRIBUTE);
        if (!(services instanceof UiServices uiServices)) {
            throw new ServiceException("servlet context attribute " + SERVICES_ATTRIBUTE
                    + " is missing (start the UI with AdminUiServer)");
        }
        AdminServletService service = new AdminServletService(this, configuration, uiServices);
        service.init();
        return service;
    }
}
