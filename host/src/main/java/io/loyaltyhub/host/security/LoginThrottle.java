package io.loyaltyhub.host.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address in a sliding window (guessing across many usernames).
 * Per-account lockout lives with the account in the database, so it holds across instances.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** When this address may try again, if it is throttled now. */
    public Optional<Instant> blockedUntil(String address) {
        Deque<Instant> list = failures.get(address);
        if (list == null) {
            return Optional.empty();
        }
        synchronized (list) {
            prune(list);
            return list.size() >= maxFailures ? Optional.of(list.peekFirst().plus(window)) : Optional.empty();
        }
    }

    public void failed(String address) {
        Deque<Instant> list = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (list) {
            prune(list);
            list.addLast(clock.instant());
        }
        if (failures.size() > 100_000) {
            failures.clear(); // bound memory under a spray of addresses; the per-account lockout still holds
        }
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    private void prune(Deque<Instant> list) {
        Instant cutoff = clock.instant().minus(window);
        while (!list.isEmpty() && list.peekFirst().isBefore(cutoff)) {
            list.pollFirst();
        }
    }
}
