package io.loyaltyhub.api.plugin;

import io.loyaltyhub.api.data.Transactions;

import java.time.Clock;
import java.util.Optional;

/**
 * Everything a plugin may use, handed to its constructor (and to its extensions' constructors).
 * Narrow and immutable on purpose: no statics, no service locator beyond {@link #service}.
 */
public interface PluginContext {

    /** The plugin's id, as in its manifest. */
    String pluginId();

    /** The plugin's current, validated settings. */
    PluginSettings settings();

    /** Database transactions; events published inside one commit with it (outbox). */
    Transactions transactions();

    /** JSON encoding shared with the host, so plugins need no JSON library of their own. */
    JsonCodec json();

    /** The clock every time decision must use, so tests can move time. */
    Clock clock();

    /** A service declared in the api that another plugin or the host implements, if present. */
    <T> Optional<T> service(Class<T> type);

    /**
     * The extensions of {@code type} (an extension point of {@code plugins/api}, such as {@code FraudRule}) that every
     * started plugin contributes, this one's included. Ask at use, not at construction: plugins start one by one.
     */
    <T> java.util.List<T> extensions(Class<T> type);
}
