package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import org.pf4j.Extension;

import java.util.List;

/** {@code /api/v1/stores}: list, read, create and change stores (the work is {@link Stores}'). */
@Extension
public class StoresEndpoint implements ApiEndpoint {
    private final Stores stores;

    public StoresEndpoint(Stores stores) {
        this.stores = stores;
    }

    @Override
    public String area() {
        return "stores";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "stores:read", "List stores", StoreView[].class, r -> ApiResponse.ok(stores.list())),
                ApiRoute.get("/{id}", "stores:read", "Get a store", StoreView.class, this::get),
                ApiRoute.post("/", "stores:write", "Create a store", StoreRequest.class, StoreView.class, this::create).created(),
                ApiRoute.put("/{id}", "stores:write", "Change a store", StoreRequest.class, StoreView.class,
                        r -> ApiResponse.ok(stores.update(r.actor(), r.idParam("id"), r.body(StoreRequest.class)))));
    }

    private ApiResponse get(ApiRequest r) {
        long id = r.idParam("id");
        return ApiResponse.ok(stores.find(id).orElseThrow(() -> Rejected.notFound("not-found", "No store with id " + id)));
    }

    private ApiResponse create(ApiRequest r) {
        StoreView created = stores.create(r.actor(), r.body(StoreRequest.class));
        return ApiResponse.created("/api/v1/stores/" + created.id(), created);
    }
}
