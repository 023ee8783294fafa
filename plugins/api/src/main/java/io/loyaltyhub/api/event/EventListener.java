package io.loyaltyhub.api.event;

import io.loyaltyhub.api.data.Tx;
import org.pf4j.ExtensionPoint;

import java.util.Set;

/**
 * Receives events of the types it names. {@link #onEvent} runs inside a transaction that also
 * records that this listener applied the event, so its database effect happens exactly once even
 * though delivery is at least once. Throwing rolls back and the event is retried with backoff;
 * after the last attempt it goes to the dead letters admins see.
 */
public interface EventListener extends ExtensionPoint {

    /** Stable id starting with the plugin id, e.g. {@code affiliates.bill-processed}; never change it once deployed. */
    String id();

    Set<String> eventTypes();

    void onEvent(Event event, Tx tx) throws Exception;
}
