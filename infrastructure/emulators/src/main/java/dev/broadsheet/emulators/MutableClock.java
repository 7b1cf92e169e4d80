package dev.broadsheet.emulators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test sets and moves: time windows and schedules are tested without sleeping. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final AtomicReference<Runnable> onNextRead = new AtomicReference<>();

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** Runs once, at the next read of the time: to act in the middle of a request (a race made certain). */
    public void onNextRead(Runnable action) {
        onNextRead.set(action);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Runnable action = onNextRead.getAndSet(null);
        if (action != null) {
            action.run();
        }
        return now;
    }
}
