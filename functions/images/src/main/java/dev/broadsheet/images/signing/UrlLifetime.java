package dev.broadsheet.images.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a presigned URL lives: the configured lifetime (default 15 minutes, at most an hour),
 * cut short so that it never outlives the credentials that sign it — S3 refuses a URL once its
 * signing session has expired, whatever {@code X-Amz-Expires} says, and a URL that claims more
 * life than it has would make the cache headers lie.
 */
public record UrlLifetime(Duration configured) {

    public static final Duration DEFAULT = Duration.ofMinutes(15);
    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofHours(1);
    /**
     * Taken off the credentials' remaining life: the SDK's presigner stamps {@code X-Amz-Date} at
     * its own clock reading, a moment after the one the lifetime was computed from; a second covers
     * that moment, so the signed deadline still falls at or before the credentials' expiry (and
     * {@link S3ImageSigner} refuses to hand out a URL whose deadline does not).
     */
    public static final Duration SIGNING_MARGIN = Duration.ofSeconds(1);

    public UrlLifetime {
        if (configured.compareTo(MIN) < 0 || configured.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("A URL lifetime is from " + MIN + " to " + MAX + ", got " + configured);
        }
        configured = Duration.ofSeconds(configured.getSeconds());
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
