package io.loyaltyhub.api.http;

import org.pf4j.ExtensionPoint;

import java.util.List;

/** A plugin's REST routes, mounted under {@code /api/v1/<area>}. */
public interface ApiEndpoint extends ExtensionPoint {

    /** Lower-case path segment, e.g. {@code stores}. Two plugins may not claim one area. */
    String area();

    List<ApiRoute> routes();
}
