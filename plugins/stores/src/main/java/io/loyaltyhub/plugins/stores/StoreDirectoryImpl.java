package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.store.StoreDirectory;
import io.loyaltyhub.api.store.StoreInfo;
import org.pf4j.Extension;

import java.util.List;
import java.util.Optional;

/** The stores, for other plugins (a bill's store must be one of them). */
@Extension
public class StoreDirectoryImpl implements StoreDirectory {
    private final PluginContext context;

    public StoreDirectoryImpl(PluginContext context) {
        this.context = context;
    }

    @Override
    public Optional<StoreInfo> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return context.transactions().inTransaction(tx -> tx.em()
                .createQuery("from Store s where s.code = :code", Store.class).setParameter("code", code.trim())
                .getResultStream().findFirst().map(StoreDirectoryImpl::info));
    }

    @Override
    public List<StoreInfo> all() {
        return context.transactions().inTransaction(tx -> tx.em()
                .createQuery("from Store s order by s.code", Store.class).getResultList().stream()
                .map(StoreDirectoryImpl::info).toList());
    }

    private static StoreInfo info(Store s) {
        StoreView v = s.view();
        return new StoreInfo(v.code(), v.name(), v.city(), v.timeZone(), v.active());
    }
}
