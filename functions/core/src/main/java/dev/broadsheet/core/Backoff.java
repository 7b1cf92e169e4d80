package dev.broadsheet.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with "full jitter" exponential backoff (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"): before retry n, a random wait from 0 to {@code min(cap, base × 2^n)}, so
 * that callers who collided once do not collide again in step.
 *
 * @param attempts how many tries in all, at least 1
 */
public record Backoff(int attempts, Duration base, Duration cap, Sleeper sleeper) {

    /** Waits; replaced in unit tests, which then run without sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    public static Backoff of(int attempts, Duration base, Duration cap) {
        return new Backoff(attempts, base, cap, duration -> Thread.sleep(duration.toMillis()));
    }

    /** Whether another try may follow try number {@code attempt} (counted from 1). */
    public boolean allowsRetryAfter(int attempt) {
        return attempt < attempts;
    }

    /**
     * How long to wait before the try after try number {@code attempt} (counted from 1): random,
     * from 0 to the ceiling. For retries that are scheduled rather than slept (a queue's next attempt).
     */
    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Sleeps before the try after try number {@code attempt} (counted from 1). */
    public void pauseAfter(int attempt) {
        try {
            sleeper.sleep(delayAfter(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
