package io.loyaltyhub.ui.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;

/** Vaadin's instantiator plus constructor injection of the platform services. */
public class ServiceInstantiator extends DefaultInstantiator {

    private final transient ServiceInjector injector;

    public ServiceInstantiator(VaadinService service, ServiceInjector injector) {
        super(service);
        this.injector = injector;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return injector.create(type).orElseGet(() -> super.getOrCreate(type));
    }

    @Override
    public <T extends Component> T createComponent(Class<T> componentClass) {
        return injector.create(componentClass).orElseGet(() -> super.createComponent(componentClass));
    }
}
