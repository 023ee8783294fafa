package io.loyaltyhub.bots.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the bots' background threads the same way everywhere. */
public final class Workers {
    private Workers() {
    }

    /**
     * Interrupts the loop thread and waits for it, then lets running tasks finish for a few seconds
     * before interrupting them (their leases bring unfinished work back).
     */
    public static void stop(Thread loop, ExecutorService tasks) {
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tasks.shutdown();
        try {
            if (!tasks.awaitTermination(5, TimeUnit.SECONDS)) {
                tasks.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps, keeping the interrupt for the caller's loop to see. */
    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
