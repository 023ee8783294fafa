package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.erp.ConnectorType;
import io.loyaltyhub.api.erp.ErpConnector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The connector types the started plugins contribute, asked at use (plugins can be stopped and started). */
final class ConnectorTypes {
    private final Supplier<Map<String, List<ErpConnector>>> byPlugin;

    ConnectorTypes(Supplier<Map<String, List<ErpConnector>>> byPlugin) {
        this.byPlugin = byPlugin;
    }

    List<ConnectorType> all() {
        List<ConnectorType> out = new ArrayList<>();
        byPlugin.get().forEach((plugin, connectors) -> connectors.forEach(c ->
                out.add(new ConnectorType(c.type(), c.title(), plugin, c.settings(), c.mapping()))));
        return out;
    }

    Optional<ErpConnector> find(String type) {
        return byPlugin.get().values().stream().flatMap(List::stream).filter(c -> c.type().equals(type)).findFirst();
    }

    ErpConnector require(String type) {
        return find(type).orElseThrow(() -> Rejected.conflict("connector-type-unavailable", "The connector type '"
                + type + "' is not available: its plugin is not started (see Plugins)."));
    }
}
