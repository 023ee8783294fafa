package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.affiliate.AffiliateService;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Affiliates by id for the grids' affiliate columns, each looked up once until {@link #clear}. */
final class AffiliateNames {

    private final AffiliateService service;
    private final Map<Long, Optional<Affiliate>> cache = new HashMap<>();

    AffiliateNames(AffiliateService service) {
        this.service = service;
    }

    void clear() {
        cache.clear();
    }

    /** Remembers affiliates already read (e.g. a list for a filter). */
    void remember(Iterable<Affiliate> affiliates) {
        affiliates.forEach(a -> cache.put(a.id(), Optional.of(a)));
    }

    Optional<Affiliate> get(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(id, k -> {
            try {
                return service.find(k);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** "Name (CODE)", or "#id" when it cannot be read; "" for null. */
    String label(Long id) {
        if (id == null) {
            return "";
        }
        return get(id).map(Queues::affiliateLabel).orElse("#" + id);
    }
}
