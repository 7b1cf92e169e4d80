package dev.broadsheet.images.signing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-style: over many configured lifetimes, credential expirations and moments of signing
 * and answering, a cached response never points at a URL that has expired (or is about to).
 */
class CachePolicyTest {

    private static final Instant EPOCH = Instant.parse("2026-11-28T05:00:00Z");

    @Test
    void aCachedResponseNeverOutlivesTheUrlItPointsTo() {
        Random random = new Random(20261128);
        int cached = 0;
        for (int run = 0; run < 200_000; run++) {
            Duration configured = Duration.ofSeconds(1 + random.nextInt(3600));
            // The lifetime is computed from one reading; the presigner signs up to the margin later,
            // at an arbitrary millisecond (X-Amz-Date drops the fraction).
            Instant readAt = EPOCH.plusMillis(random.nextInt(86_400_000));
            Instant signedAt = readAt.plusMillis(random.nextInt((int) UrlLifetime.SIGNING_MARGIN.toMillis()));
            Optional<Instant> credentialsExpiry = random.nextInt(3) == 0 ? Optional.empty()
                    : Optional.of(readAt.plusMillis(random.nextInt(7_200_000) - 5_000));
            Duration lifetime = new UrlLifetime(configured).at(readAt, credentialsExpiry);
            if (lifetime.isZero()) {
                assertTrue(credentialsExpiry.orElseThrow().isBefore(readAt.plusSeconds(1).plus(UrlLifetime.SIGNING_MARGIN)),
                        "only dying credentials refuse");
                continue;
            }
            // What S3 enforces: X-Amz-Date (rounded down) plus X-Amz-Expires.
            Instant s3Deadline = signedAt.truncatedTo(ChronoUnit.SECONDS).plus(lifetime);
            assertTrue(lifetime.compareTo(configured) <= 0 && lifetime.compareTo(UrlLifetime.MAX) <= 0);
            credentialsExpiry.ifPresent(expiry -> assertTrue(!s3Deadline.isAfter(expiry),
                    "URL until " + s3Deadline + " outlives its credentials " + expiry));
            // The response is built a little after signing.
            Instant answeredAt = signedAt.plusMillis(random.nextInt(2_000));
            long maxAge = CachePolicy.maxAgeSeconds(s3Deadline, answeredAt);
            String header = CachePolicy.cacheControl(s3Deadline, answeredAt);

            Instant lastServedAt = answeredAt.plusSeconds(maxAge);
            Duration leftToFollow = Duration.between(lastServedAt, s3Deadline);
            assertTrue(lastServedAt.isBefore(s3Deadline) || maxAge == 0,
                    "max-age " + maxAge + " reaches past the URL's end " + s3Deadline);
            assertTrue(maxAge == 0 || leftToFollow.toMillis() >= maxAge * 1000,
                    "the last reader of a cached copy gets at least max-age to follow it");
            if (maxAge == 0) {
                assertEquals(CachePolicy.NOT_CACHED, header);
            } else {
                cached++;
                assertEquals("public, max-age=" + maxAge, header);
            }
        }
        assertTrue(cached > 100_000, "the property was exercised on cacheable responses, " + cached);
    }

    @Test
    void aFifteenMinuteUrlIsCachedForSevenAndAHalfMinutes() {
        assertEquals("public, max-age=450", CachePolicy.cacheControl(EPOCH.plusSeconds(900), EPOCH));
    }

    @Test
    void aUrlWithUnderTwoSecondsLeftIsNotCached() {
        assertEquals(CachePolicy.NOT_CACHED, CachePolicy.cacheControl(EPOCH.plusMillis(1_999), EPOCH));
        assertEquals(CachePolicy.NOT_CACHED, CachePolicy.cacheControl(EPOCH.minusSeconds(5), EPOCH));
    }
}
