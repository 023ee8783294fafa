package io.loyaltyhub.bots.whatsapp;

/**
 * How fast one phone number may send: an evenly paced token bucket just under the configured limit
 * (Cloud API: 80 messages a second by default), with bursts of a few messages only, so no one-second
 * window ever goes over the limit. Halved and paused briefly when Meta answers 130429 (throughput
 * reached), then raised again by a tenth of the limit for every second without a throttle.
 * On top, never more than the limit less three in any one second of sends, so requests that reach Meta bunched
 * (a pause in this JVM or on the network, then several at once) still stay under it.
 * Uses the system's nanosecond timer, not the business clock: it paces real time.
 */
public final class SendRate {
    private final double max;
    private double rate;
    private double tokens;
    private long last = System.nanoTime();
    private long pausedUntil;
    /** When the last {@code window.length} sends went, oldest at {@code next}. */
    private final long[] window;
    private int next;

    public SendRate(int perSecond) {
        this.max = perSecond * 0.97; // room for the burst below within any one-second window
        this.rate = max;
        this.tokens = 1;
        this.window = new long[Math.max(1, perSecond - 3)];
        java.util.Arrays.fill(window, System.nanoTime() - 2_000_000_000L);
    }

    /** Takes one send; returns 0, or how many milliseconds to wait before asking again. */
    public synchronized long tryAcquire() {
        long now = System.nanoTime();
        if (now < pausedUntil) {
            return Math.max(1, (pausedUntil - now) / 1_000_000);
        }
        double seconds = (now - last) / 1e9;
        last = now;
        rate = Math.min(max, rate + seconds * max / 10); // back to full speed ten seconds after a throttle
        tokens = Math.min(Math.max(1, rate / 50), tokens + seconds * rate); // bursts of at most 20 ms worth
        if (tokens >= 1) {
            long oldest = window[next];
            if (now - oldest < 1_000_000_000L) { // as many sends in the last second as may be
                return Math.max(1, (1_000_000_000L - (now - oldest)) / 1_000_000 + 1);
            }
            tokens -= 1;
            window[next] = now;
            next = (next + 1) % window.length;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate * 1000));
    }

    /** Meta said 130429: slow down. */
    public synchronized void throttled(long pauseMillis) {
        rate = Math.max(1, rate / 2);
        tokens = 0;
        pausedUntil = Math.max(pausedUntil, System.nanoTime() + pauseMillis * 1_000_000);
    }

    public synchronized double currentRate() {
        return rate;
    }
}
