package dev.broadsheet.images.signing;

import dev.broadsheet.core.ProblemException;
import dev.broadsheet.images.model.SignedUrl;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The signer offline: its endpoint is a closed port, so any network call would fail. (That the
 * URLs work is {@code ImageHandlersIT}'s job, against S3Proxy, which checks SigV4 signatures.)
 */
class S3ImageSignerTest {

    private static final URI CLOSED_PORT = URI.create("http://127.0.0.1:9");
    private static final String KEY = "images/a-slug/" + "ab".repeat(32) + ".png";
    private static final AwsCredentialsProvider KEYS = () -> AwsBasicCredentials.create("AKIDEXAMPLE", "secret");

    private static S3Utilities urls() {
        return S3Utilities.builder().region(Region.US_EAST_1).endpoint(CLOSED_PORT)
                .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    private static S3ImageSigner signer(AwsCredentialsProvider credentials, Duration lifetime, Instant now) {
        return new S3ImageSigner(urls(), Region.US_EAST_1, "bucket", credentials, new UrlLifetime(lifetime),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void signsAsOfTheStartOfItsWindowWithTheConfiguredLifetime() {
        Instant now = Instant.parse("2026-11-29T08:07:31.250Z");

        SignedUrl url = signer(KEYS, Duration.ofMinutes(15), now).sign(KEY);

        String text = url.url().toString();
        assertTrue(text.startsWith(CLOSED_PORT + "/bucket/images/a-slug/"), text);
        assertTrue(text.contains("X-Amz-Date=20261129T080500Z"), "the 5-minute window's start: " + text);
        assertTrue(text.contains("X-Amz-Expires=900"), text);
        assertTrue(text.contains("X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Fus-east-1%2Fs3%2Faws4_request"), text);
        assertTrue(text.contains("X-Amz-SignedHeaders=host"), text);
        assertTrue(text.contains("X-Amz-Signature="), text);
        assertEquals(Instant.parse("2026-11-29T08:20:00Z"), url.expiresAt());
    }

    @Test
    void everyoneInAWindowGetsTheSameUrlAndTheNextWindowANewOne() {
        Instant windowStart = Instant.parse("2026-11-29T08:05:00Z");
        SignedUrl first = signer(KEYS, Duration.ofMinutes(15), windowStart).sign(KEY);
        SignedUrl later = signer(KEYS, Duration.ofMinutes(15), windowStart.plusSeconds(299).plusMillis(999)).sign(KEY);
        SignedUrl next = signer(KEYS, Duration.ofMinutes(15), windowStart.plusSeconds(300)).sign(KEY);

        assertEquals(first, later);
        assertNotEquals(first.url(), next.url());
        assertEquals(Duration.ofMinutes(10), Duration.between(windowStart.plusSeconds(300), first.expiresAt()),
                "a URL handed out at the end of its window still has two thirds of its life");
    }

    @Test
    void signsExactlyAsTheSdkPresignerDoesAtTheSameInstant() {
        // The presigner signs as of the moment it is called (whole seconds): within one second both must agree to the byte.
        try (S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1).credentialsProvider(KEYS)
                .endpointOverride(CLOSED_PORT).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            for (int attempt = 0; attempt < 5; attempt++) {
                // A 3-second lifetime has a 1-second window: ours is signed as of this second.
                SignedUrl ours = signer(KEYS, Duration.ofSeconds(3), Instant.now()).sign(KEY);
                PresignedGetObjectRequest theirs = presigner.presignGetObject(presign -> presign
                        .signatureDuration(Duration.ofSeconds(3)).getObjectRequest(get -> get.bucket("bucket").key(KEY)));
                if (date(theirs.url().toString()).equals(date(ours.url().toString()))) {
                    assertEquals(theirs.url().toString(), ours.url().toString());
                    return;
                }
            }
            fail("the two were never signed within the same second");
        }
    }

    @Test
    void signsWithTheCredentialsItClampedTo() {
        AtomicInteger resolved = new AtomicInteger();
        Instant now = Instant.parse("2026-11-29T08:05:00Z");
        AwsCredentialsProvider sessionKeys = () -> {
            resolved.incrementAndGet();
            return AwsSessionCredentials.builder().accessKeyId("SESSIONKEY").secretAccessKey("secret")
                    .sessionToken("token").expirationTime(now.plusSeconds(120)).build();
        };

        SignedUrl url = signer(sessionKeys, Duration.ofMinutes(15), now).sign(KEY);

        String text = url.url().toString();
        assertTrue(text.contains("X-Amz-Credential=SESSIONKEY"), text);
        assertTrue(text.contains("X-Amz-Security-Token=token"), text);
        assertTrue(text.contains("X-Amz-Expires=119"), "clamped to the credentials, less the margin: " + text);
        assertEquals(now.plusSeconds(119), url.expiresAt());
        assertEquals(1, resolved.get(), "credentials resolved once per URL");
    }

    @Test
    void aUrlEndsAtLeastTheMarginBeforeItsCredentialsWheneverItIsAskedFor() {
        Instant expiry = Instant.parse("2026-11-29T08:09:47.300Z");
        AwsCredentialsProvider session = () -> AwsSessionCredentials.builder().accessKeyId("SESSION").secretAccessKey("secret")
                .sessionToken("token").expirationTime(expiry).build();
        int signed = 0;
        // Every 1.7 s over the credentials' last 10 minutes, across window boundaries.
        for (Instant now = expiry.minusSeconds(600); now.isBefore(expiry); now = now.plusMillis(1_700)) {
            try {
                SignedUrl url = signer(session, UrlLifetime.DEFAULT, now).sign(KEY);
                assertTrue(!url.expiresAt().isAfter(expiry.minus(UrlLifetime.SIGNING_MARGIN)), url.expiresAt() + " vs " + expiry);
                assertTrue(Duration.between(now, url.expiresAt()).toMillis() >= 1_000, "a URL handed out has a second left at least");
                signed++;
            } catch (ProblemException refused) {
                assertEquals(503, refused.problem().status());
                assertTrue(Duration.between(now, expiry).toMillis() < 2_000 + 1_000, "refused only in the credentials' last seconds: " + now);
            }
        }
        assertTrue(signed > 300, "signed " + signed);
    }

    @Test
    void credentialsAboutToExpireSignNothing() {
        Instant now = Instant.parse("2026-11-29T08:05:10Z");
        AwsCredentialsProvider dying = () -> AwsSessionCredentials.builder().accessKeyId("DYING").secretAccessKey("secret")
                .sessionToken("token").expirationTime(now.plusMillis(500)).build();

        ProblemException refused = assertThrows(ProblemException.class,
                () -> signer(dying, UrlLifetime.DEFAULT, now).sign(KEY));

        assertEquals(503, refused.problem().status());
    }

    private static String date(String url) {
        return url.replaceFirst(".*X-Amz-Date=(\\d{8}T\\d{6}Z).*", "$1");
    }
}
