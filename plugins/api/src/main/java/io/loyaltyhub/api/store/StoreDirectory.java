package io.loyaltyhub.api.store;

import io.loyaltyhub.api.plugin.PluginService;

import java.util.List;
import java.util.Optional;

/** The stores the retailer has set up: a bill, a voucher use or a connector names one by its code. */
public interface StoreDirectory extends PluginService {

    /** The store with this code (case as stored), if there is one. */
    Optional<StoreInfo> find(String code);

    /** Every store, by code. */
    List<StoreInfo> all();
}
