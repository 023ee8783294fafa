package io.loyaltyhub.admin;

import com.vaadin.flow.component.Component;
import org.pf4j.ExtensionPoint;

/**
 * A screen a plugin brings to the admin UI. The shell mounts {@link #view()} at {@link #route()} inside its layout,
 * lists it in the navigation under {@link #group()}, and shows it only to staff who may use {@link #scope()}; a
 * plugin that is not started brings no screens. The view is made by {@link #create()}, so it can take the plugin's
 * own objects (its {@link io.loyaltyhub.api.plugin.PluginRoot root}) through its constructor.
 *
 * <p>Use only Vaadin's free core components: the production bundle holds exactly those.
 */
public interface AdminScreen extends ExtensionPoint {

    /** The path, e.g. {@code stores} or {@code notifications/templates}: lower case, unique across plugins. */
    String route();

    /** The navigation group, e.g. {@code Setup}, {@code Programme}, {@code Messages}. */
    String group();

    /** The navigation label and page title. */
    String title();

    /** A {@code com.vaadin.flow.component.icon.VaadinIcon} name for the navigation, e.g. {@code SHOP}. */
    String icon();

    /** The scope a staff member needs to see and open the screen, e.g. {@code stores:read}. */
    String scope();

    /** The view's class (a Vaadin component); {@link #create()} makes its instances. */
    Class<? extends Component> view();

    /** A new view instance for one navigation. */
    Component create();
}
