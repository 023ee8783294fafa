/**
 * What a plugin is given and what it declares: the {@link io.loyaltyhub.api.plugin.PluginContext}
 * handed to its constructor, its settings schema, and the entity classes it brings.
 * A plugin's Flyway migrations live in its jar under {@code db/migration/<plugin-id>/}.
 */
package io.loyaltyhub.api.plugin;
