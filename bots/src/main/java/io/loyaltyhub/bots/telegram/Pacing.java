package io.loyaltyhub.bots.telegram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Telegram's send limits as token buckets (generic cell rate: each send books the next slot, so
 * concurrent senders never book the same one): about one message a second per chat, with short
 * bursts of a few (a turn's text and menu arrive together), and 30 a second for the whole bot
 * (kept just under: 29 a second evenly, so no one-second window holds more than 30). A 429's {@code retry_after} pauses the chat, or the whole bot.
 * Real time (a nanosecond timer), not the business clock.
 */
final class Pacing {
    static final long SECOND = 1_000_000_000L;
    private static final long SWEEP_EVERY = 60 * SECOND;

    private final long chatInterval;
    private final long chatTolerance;
    private final long globalInterval;
    private final long globalTolerance;
    private final LongSupplier nanos;
    private final Map<String, Long> chatNext = new ConcurrentHashMap<>();
    private long globalNext;
    private long pausedUntil;
    private volatile long lastSweep;

    /**
     * @param perChatBurst messages a chat may get at once before the one-a-second pace applies
     * @param globalPerSecond messages a second for the whole bot
     */
    Pacing(int perChatBurst, int globalPerSecond, LongSupplier nanos) {
        this.nanos = nanos;
        this.chatInterval = SECOND;
        this.chatTolerance = (long) (perChatBurst - 1) * chatInterval;
        this.globalInterval = SECOND / Math.max(1, globalPerSecond);
        this.globalTolerance = 0; // evenly paced: never more than globalPerSecond + 1 in any one second
        this.globalNext = nanos.getAsLong();
        this.lastSweep = globalNext;
    }

    static Pacing telegram() {
        return new Pacing(3, 29, System::nanoTime);
    }

    /** Books a slot for a message to {@code chat}; returns how many nanoseconds to wait before sending it. */
    long reserveChat(String chat) {
        long now = nanos.getAsLong();
        long[] wait = new long[1];
        chatNext.compute(chat, (k, next) -> {
            long tat = next == null ? now : Math.max(next, now);
            long at = Math.max(now, tat - chatTolerance);
            wait[0] = at - now;
            return tat + chatInterval;
        });
        sweep(now);
        return wait[0];
    }

    /** Books a slot for the whole bot (after the chat's); returns how many nanoseconds to wait. */
    synchronized long reserveGlobal() {
        long now = nanos.getAsLong();
        long tat = Math.max(Math.max(globalNext, now), pausedUntil);
        long at = Math.max(Math.max(now, tat - globalTolerance), pausedUntil);
        globalNext = tat + globalInterval;
        return at - now;
    }

    /** A 429 for a message to {@code chat}: nothing to that chat for {@code nanosToWait}. */
    void pauseChat(String chat, long nanosToWait) {
        long until = nanos.getAsLong() + nanosToWait;
        chatNext.merge(chat, until + chatTolerance, Math::max);
    }

    /** A 429: nothing at all for {@code nanosToWait}. */
    synchronized void pauseAll(long nanosToWait) {
        pausedUntil = Math.max(pausedUntil, nanos.getAsLong() + nanosToWait);
    }

    int chatsTracked() {
        return chatNext.size();
    }

    /** Forgets chats whose bucket is full again, so the map holds only recent chats. */
    private void sweep(long now) {
        if (now - lastSweep < SWEEP_EVERY) {
            return;
        }
        lastSweep = now;
        chatNext.entrySet().removeIf(e -> e.getValue() + chatTolerance < now);
    }
}
