package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.plugin.PluginContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active rewards' costs, for "reward within reach", read from the rewards service every few seconds. The
 * event listener cannot ask the service itself (it runs inside the event's transaction, and the service opens its
 * own), so it reads this copy, refreshed by the dispatcher's thread.
 */
final class RewardCosts {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    /** @param readAt System.nanoTime: pacing, not business time */
    private record Snapshot(List<EventTriggers.RewardCost> costs, long readAt) {
    }

    private final PluginContext context;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(List.of(), System.nanoTime() - REFRESH.toNanos()));

    RewardCosts(PluginContext context) {
        this.context = context;
    }

    List<EventTriggers.RewardCost> current() {
        return current.get().costs();
    }

    /** Reads the catalog again if the copy is older than {@link #REFRESH} (or {@code force}). */
    void refresh(boolean force) {
        if (!force && System.nanoTime() - current.get().readAt() < REFRESH.toNanos()) {
            return;
        }
        Instant now = context.clock().instant();
        long readAt = System.nanoTime();
        context.service(RewardsService.class).ifPresent(rewards -> current.set(new Snapshot(rewards.catalog(false)
                .stream().filter(r -> r.active() && (r.validTo() == null || r.validTo().isAfter(now))
                        && (r.stock() == null || r.stock() > 0))
                .map(r -> new EventTriggers.RewardCost(r.id(), r.name(), r.pointsCost())).toList(), readAt)));
    }
}
