package io.loyaltyhub.api.erp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bill fields a connector type can fill and the column each is read from by default (what the type's presets
 * and queries name). The mapping editor starts from it.
 */
public record MappingSchema(Map<BillField, String> defaultColumns) {
    public MappingSchema {
        defaultColumns = Collections.unmodifiableMap(new LinkedHashMap<>(defaultColumns));
    }

    public Mapping defaults() {
        return Mapping.defaults(defaultColumns);
    }
}
