package io.loyaltyhub.plugins.stores;

import com.vaadin.flow.component.Component;
import io.loyaltyhub.admin.AdminScreen;
import org.pf4j.Extension;

/** The stores page this plugin brings to the admin UI (Setup, Stores). */
@Extension
public class StoresScreen implements AdminScreen {
    private final Stores stores;

    public StoresScreen(Stores stores) {
        this.stores = stores;
    }

    @Override
    public String route() {
        return "stores";
    }

    @Override
    public String group() {
        return "Setup";
    }

    @Override
    public String title() {
        return "Stores";
    }

    @Override
    public String icon() {
        return "SHOP";
    }

    @Override
    public String scope() {
        return "stores:read";
    }

    @Override
    public Class<? extends Component> view() {
        return StoresView.class;
    }

    @Override
    public Component create() {
        return new StoresView(stores);
    }
}
