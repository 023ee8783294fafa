package io.loyaltyhub.ui.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;

/** Vaadin's instantiator plus constructor injection of the platform services. */
public class ServiceInstantiator extends DefaultInstantiator {

    private final transient ServiceInjector injector;
    private final transient PluginScreens screens;

    public ServiceInstantiator(VaadinService service, ServiceInjector injector) {
        this(service, injector, new PluginScreens(java.util.List.of(), java.util.Set.of()));
    }

    public ServiceInstantiator(VaadinService service, ServiceInjector injector, PluginScreens screens) {
        super(service);
        this.injector = injector;
        this.screens = screens;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return screens.create(type).or(() -> injector.create(type)).orElseGet(() -> super.getOrCreate(type));
    }

    @Override
    public <T extends Component> T createComponent(Class<T> componentClass) {
        return screens.create(componentClass).or(() -> injector.create(componentClass))
                .orElseGet(() -> super.createComponent(componentClass));
    }
}
