package io.loyaltyhub.api.plugin;

/**
 * A plugin's composition root. The plugin class (the manifest's {@code Plugin-Class}) implements it and builds the
 * plugin's objects once, from its {@link PluginContext}: services, caches owned by the root (never static fields),
 * the collaborators its extensions share. The host hands {@link #root()} to every extension of the plugin whose
 * public constructor takes the root's type, so extensions get what they need through their constructor and
 * {@link PluginContext#service} is left for other plugins' services.
 * <pre>{@code
 * public class StoresPlugin extends Plugin implements PluginRoot<StoresModule> {
 *     private final StoresModule module;
 *     public StoresPlugin(PluginContext context) { module = new StoresModule(context); }
 *     public StoresModule root() { return module; }
 * }
 * @Extension public class StoresEndpoint implements ApiEndpoint {
 *     public StoresEndpoint(StoresModule module) { ... }
 * }
 * }</pre>
 */
public interface PluginRoot<R> {
    R root();
}
