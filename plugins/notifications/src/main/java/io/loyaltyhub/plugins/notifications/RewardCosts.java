package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.plugin.PluginContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active rewards' costs, for "reward within reach", read from the rewards service at most once a minute. The
 * event listener cannot ask the service itself (it runs inside the event's transaction, and the service opens its
 * own), so it reads this copy, refreshed by the dispatcher's thread.
 */
final class RewardCosts {
    private static final Duration REFRESH = Duration.ofMinutes(1);

    private record Snapshot(List<EventTriggers.RewardCost> costs, Instant readAt) {
    }

    private final PluginContext context;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(List.of(), Instant.EPOCH));

    RewardCosts(PluginContext context) {
        this.context = context;
    }

    List<EventTriggers.RewardCost> current() {
        return current.get().costs();
    }

    /** Reads the catalog again if the copy is older than a minute (or {@code force}). */
    void refresh(boolean force) {
        Instant now = context.clock().instant();
        if (!force && current.get().readAt().plus(REFRESH).isAfter(now)) {
            return;
        }
        context.service(RewardsService.class).ifPresent(rewards -> current.set(new Snapshot(rewards.catalog(false)
                .stream().filter(r -> r.active() && (r.validTo() == null || r.validTo().isAfter(now))
                        && (r.stock() == null || r.stock() > 0))
                .map(r -> new EventTriggers.RewardCost(r.id(), r.name(), r.pointsCost())).toList(), now)));
    }
}
