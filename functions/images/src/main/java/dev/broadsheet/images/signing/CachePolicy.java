package dev.broadsheet.images.signing;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Cache-Control} of a response that hands out a presigned URL.
 *
 * <p>The rule: cache for half of the URL's remaining life, rounded down. A cache (CDN or browser)
 * may serve the response until {@code max-age} after it was made; whoever gets it at the end of
 * that window still has to follow the URL — a page may take a while to request its images, a
 * network may be slow, clocks differ a little. Half the life leaves the follower at least as long
 * as the cache held it (7.5 minutes of a 15-minute URL), at any lifetime; a fixed margin
 * ("lifetime minus a minute") would leave almost nothing at the end of the window and break down
 * for short lifetimes. {@code public} because the URL is the same for every reader; caches that
 * add an {@code Age} header keep the total within {@code max-age}. Under a second left: not cached.
 */
public final class CachePolicy {

    public static final String NOT_CACHED = "no-store";

    private CachePolicy() {
    }

    /** Seconds a response may be cached at {@code now} for a URL that S3 honours until {@code expiresAt}. */
    public static long maxAgeSeconds(Instant expiresAt, Instant now) {
        long remainingMillis = Duration.between(now, expiresAt).toMillis();
        return remainingMillis <= 0 ? 0 : remainingMillis / 2 / 1000;
    }

    public static String cacheControl(Instant expiresAt, Instant now) {
        long maxAge = maxAgeSeconds(expiresAt, now);
        return maxAge < 1 ? NOT_CACHED : "public, max-age=" + maxAge;
    }
}
