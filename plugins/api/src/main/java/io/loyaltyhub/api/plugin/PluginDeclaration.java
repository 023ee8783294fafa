package io.loyaltyhub.api.plugin;

import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * What the host must know about a plugin before it starts it: the settings it takes and the JPA
 * entity classes it brings. At most one per plugin; created with its no-argument constructor.
 */
public interface PluginDeclaration extends ExtensionPoint {

    default SettingsSchema settingsSchema() {
        return SettingsSchema.EMPTY;
    }

    /** Entity classes to add to the one SessionFactory; their tables come from the plugin's migrations. */
    default List<Class<?>> entityClasses() {
        return List.of();
    }
}
