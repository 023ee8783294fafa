package io.loyaltyhub.api.event;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.JsonCodec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A listener that takes event records: it subscribes to their types and receives each payload read back into its
 * record (rows written before the record existed included: they are the same JSON).
 * <pre>{@code
 * protected void handle(DomainEvent event, Event meta, Tx tx) {
 *     switch (event) {
 *         case BillProcessed b -> ...
 *         case BillReversed r -> ...
 *         default -> { }
 *     }
 * }
 * }</pre>
 */
public abstract class TypedListener implements EventListener {
    private final JsonCodec json;
    private final Map<String, Class<? extends DomainEvent>> byType = new LinkedHashMap<>();

    @SafeVarargs
    protected TypedListener(JsonCodec json, Class<? extends DomainEvent>... events) {
        this.json = json;
        for (Class<? extends DomainEvent> e : events) {
            byType.put(DomainEvent.typeOf(e), e);
        }
    }

    @Override
    public final Set<String> eventTypes() {
        return Set.copyOf(byType.keySet());
    }

    @Override
    public final void onEvent(Event event, Tx tx) throws Exception {
        Class<? extends DomainEvent> type = byType.get(event.type());
        if (type != null) {
            handle(json.readEvent(event.payload(), type), event, tx);
        }
    }

    /** One event, inside the transaction that records it as applied. */
    protected abstract void handle(DomainEvent event, Event meta, Tx tx) throws Exception;
}
