package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.store.event.StoreChanged;
import io.loyaltyhub.api.store.event.StoreCreated;

import java.util.List;
import java.util.Optional;

/**
 * The stores plugin's composition root and its one service: built once by {@link StoresPlugin} and handed to the
 * plugin's extensions (REST, the directory other plugins use, the admin screen) through their constructors. Every
 * change publishes its event and writes its audit entry in the same transaction; refusals are {@link Rejected}.
 */
public final class Stores {
    private final PluginContext context;

    Stores(PluginContext context) {
        this.context = context;
    }

    List<StoreView> list() {
        return context.transactions().inTransaction(tx -> tx.em()
                .createQuery("from Store s order by s.code", Store.class).getResultList().stream().map(Store::view).toList());
    }

    Optional<StoreView> find(long id) {
        return context.transactions().inTransaction(tx -> Optional.ofNullable(tx.em().find(Store.class, id)).map(Store::view));
    }

    Optional<StoreView> findByCode(String code) {
        return context.transactions().inTransaction(tx -> tx.em()
                .createQuery("from Store s where s.code = :code", Store.class).setParameter("code", code)
                .getResultStream().findFirst().map(Store::view));
    }

    StoreView create(Actor actor, StoreRequest request) {
        PluginSettings settings = context.settings();
        StoreRequest input = request.validated(settings.flag(StoreSettings.REQUIRE_CITY), StoreSettings.defaultZone(settings),
                true);
        return context.transactions().inTransaction(tx -> {
            var em = tx.em();
            boolean taken = !em.createQuery("select s.id from Store s where s.code = :code", Long.class)
                    .setParameter("code", input.code()).getResultList().isEmpty();
            if (taken) {
                throw Rejected.conflict("store-code-taken", "A store with code " + input.code() + " exists.");
            }
            long active = em.createQuery("select count(s) from Store s where s.active = true", Long.class).getSingleResult();
            if (active >= settings.number(StoreSettings.MAX_STORES)) {
                throw Rejected.conflict("store-limit", "The limit of " + settings.number(StoreSettings.MAX_STORES)
                        + " active stores is reached (setting max-stores).");
            }
            Store store = new Store(input.code(), input.name(), input.city(), input.timeZone(), context.clock().instant());
            em.persist(store);
            em.flush();
            StoreView view = store.view();
            tx.publish(new StoreCreated(view.id(), view.code(), view.name(), view.city(), view.timeZone(), view.active()),
                    String.valueOf(view.id()));
            tx.audit(actor, "store.create", "store", String.valueOf(view.id()), null, view);
            return view;
        });
    }

    StoreView update(Actor actor, long id, StoreRequest request) {
        PluginSettings settings = context.settings();
        StoreRequest input = request.validated(settings.flag(StoreSettings.REQUIRE_CITY), StoreSettings.defaultZone(settings),
                false);
        return context.transactions().inTransaction(tx -> {
            Store store = tx.em().find(Store.class, id);
            if (store == null) {
                throw Rejected.notFound("not-found", "No store with id " + id);
            }
            StoreView before = store.view();
            store.change(input.name(), input.city(), input.timeZone(), input.active(), context.clock().instant());
            tx.em().flush();
            StoreView after = store.view();
            tx.publish(new StoreChanged(after.id(), after.code(), after.name(), after.city(), after.timeZone(), after.active()),
                    String.valueOf(id));
            tx.audit(actor, "store.update", "store", String.valueOf(id), before, after);
            return after;
        });
    }
}
