package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.store.event.StoreChanged;
import io.loyaltyhub.api.store.event.StoreCreated;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginSettings;
import org.pf4j.Extension;

import java.util.List;

/** {@code /api/v1/stores}: list, read, create and change stores. */
@Extension
public class StoresEndpoint implements ApiEndpoint {

    private final PluginContext context;

    public StoresEndpoint(PluginContext context) {
        this.context = context;
    }

    @Override
    public String area() {
        return "stores";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "stores:read", "List stores", StoreView[].class, this::list),
                ApiRoute.get("/{id}", "stores:read", "Get a store", StoreView.class, this::get),
                ApiRoute.post("/", "stores:write", "Create a store", StoreRequest.class, StoreView.class, this::create).created(),
                ApiRoute.put("/{id}", "stores:write", "Change a store", StoreRequest.class, StoreView.class, this::update));
    }

    private ApiResponse list(ApiRequest request) {
        List<StoreView> stores = context.transactions().inTransaction(tx -> tx.em()
                .createQuery("from Store s order by s.code", Store.class)
                .getResultList().stream().map(Store::view).toList());
        return ApiResponse.ok(stores);
    }

    private ApiResponse get(ApiRequest request) {
        long id = request.idParam("id");
        return context.transactions().inTransaction(tx -> {
            Store store = tx.em().find(Store.class, id);
            if (store == null) {
                throw ApiProblem.notFound("No store with id " + id);
            }
            return ApiResponse.ok(store.view());
        });
    }

    private ApiResponse create(ApiRequest request) {
        PluginSettings settings = context.settings();
        StoreRequest input = request.body(StoreRequest.class)
                .validated(settings.flag(StoreSettings.REQUIRE_CITY), StoreSettings.defaultZone(settings), true);
        StoreView created = context.transactions().inTransaction(tx -> {
            var em = tx.em();
            boolean taken = !em.createQuery("select s.id from Store s where s.code = :code", Long.class)
                    .setParameter("code", input.code()).getResultList().isEmpty();
            if (taken) {
                throw ApiProblem.conflict("store-code-taken", "A store with code " + input.code() + " exists.");
            }
            long active = em.createQuery("select count(s) from Store s where s.active = true", Long.class)
                    .getSingleResult();
            if (active >= settings.number(StoreSettings.MAX_STORES)) {
                throw ApiProblem.conflict("store-limit", "The limit of " + settings.number(StoreSettings.MAX_STORES)
                        + " active stores is reached (setting max-stores).");
            }
            Store store = new Store(input.code(), input.name(), input.city(), input.timeZone(), context.clock().instant());
            em.persist(store);
            em.flush();
            StoreView view = store.view();
            tx.publish(new StoreCreated(view.id(), view.code(), view.name(), view.city(), view.timeZone(), view.active()),
                    String.valueOf(view.id()));
            tx.audit(request.actor(), "store.create", "store", String.valueOf(view.id()), null, view);
            return view;
        });
        return ApiResponse.created("/api/v1/stores/" + created.id(), created);
    }

    private ApiResponse update(ApiRequest request) {
        long id = request.idParam("id");
        PluginSettings settings = context.settings();
        StoreRequest input = request.body(StoreRequest.class)
                .validated(settings.flag(StoreSettings.REQUIRE_CITY), StoreSettings.defaultZone(settings), false);
        StoreView changed = context.transactions().inTransaction(tx -> {
            Store store = tx.em().find(Store.class, id);
            if (store == null) {
                throw ApiProblem.notFound("No store with id " + id);
            }
            StoreView before = store.view();
            store.change(input.name(), input.city(), input.timeZone(), input.active(), context.clock().instant());
            tx.em().flush();
            StoreView after = store.view();
            tx.publish(new StoreChanged(after.id(), after.code(), after.name(), after.city(), after.timeZone(), after.active()),
                    String.valueOf(id));
            tx.audit(request.actor(), "store.update", "store", String.valueOf(id), before, after);
            return after;
        });
        return ApiResponse.ok(changed);
    }
}
