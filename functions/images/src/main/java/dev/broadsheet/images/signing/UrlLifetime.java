package dev.broadsheet.images.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a presigned URL lives: the configured lifetime (default 15 minutes, at most an hour),
 * cut short so that it never outlives the credentials that sign it — S3 refuses a URL once its
 * signing session has expired, whatever {@code X-Amz-Expires} says, and a URL that claims more
 * life than it has would make the cache headers lie.
 *
 * <p>URLs are signed as of the start of a signing window (a third of the lifetime: 5 minutes of
 * 15), not as of the request: everyone asking within a window gets the same URL — the same JSON,
 * ETag and redirect, which caches and {@code If-None-Match} can then hold — and every URL handed
 * out has at least two thirds of its lifetime left.
 */
public record UrlLifetime(Duration configured) {

    public static final Duration DEFAULT = Duration.ofMinutes(15);
    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofHours(1);
    /**
     * Taken off the credentials' remaining life, so that a URL's deadline falls at least this long
     * before its credentials expire: room for the clocks of this function and of S3 to differ.
     */
    public static final Duration SIGNING_MARGIN = Duration.ofSeconds(1);

    public UrlLifetime {
        if (configured.compareTo(MIN) < 0 || configured.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("A URL lifetime is from " + MIN + " to " + MAX + ", got " + configured);
        }
        configured = Duration.ofSeconds(configured.getSeconds());
    }

    /** The signing window: a third of the lifetime, in whole seconds, at least one. */
    public Duration window() {
        return Duration.ofSeconds(Math.max(1, configured.getSeconds() / 3));
    }

    /** The instant URLs asked for at {@code now} are signed as of: {@code now} rounded down to its window. */
    public Instant windowStart(Instant now) {
        long window = window().getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), window) * window);
    }

    /**
     * The whole-second lifetime to sign with, from one clock reading {@code now}. S3 counts it from
     * {@code X-Amz-Date} (the signing time rounded down), so the credentials' remaining life less
     * {@link #SIGNING_MARGIN}, rounded down, keeps the URL's end at or before theirs. Zero when
     * that leaves less than a second.
     */
    public Duration at(Instant now, Optional<Instant> credentialsExpiry) {
        if (credentialsExpiry.isEmpty()) {
            return configured;
        }
        long remaining = Duration.between(now, credentialsExpiry.get()).minus(SIGNING_MARGIN).toMillis() / 1000;
        return Duration.ofSeconds(Math.max(0, Math.min(configured.getSeconds(), remaining)));
    }
}
