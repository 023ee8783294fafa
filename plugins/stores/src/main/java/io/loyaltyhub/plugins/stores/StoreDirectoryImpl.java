package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.store.StoreDirectory;
import io.loyaltyhub.api.store.StoreInfo;
import org.pf4j.Extension;

import java.util.List;
import java.util.Optional;

/** The stores, for other plugins (a bill's store must be one of them). */
@Extension
public class StoreDirectoryImpl implements StoreDirectory {
    private final Stores stores;

    public StoreDirectoryImpl(Stores stores) {
        this.stores = stores;
    }

    @Override
    public Optional<StoreInfo> find(String code) {
        return code == null || code.isBlank() ? Optional.empty() : stores.findByCode(code.trim()).map(StoreDirectoryImpl::info);
    }

    @Override
    public List<StoreInfo> all() {
        return stores.list().stream().map(StoreDirectoryImpl::info).toList();
    }

    private static StoreInfo info(StoreView v) {
        return new StoreInfo(v.code(), v.name(), v.city(), v.timeZone(), v.active());
    }
}
