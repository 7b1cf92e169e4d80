package dev.broadsheet.images.signing;

import dev.broadsheet.core.ProblemException;
import dev.broadsheet.images.model.SignedUrl;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real SDK presigner, offline: its endpoint is a closed port, so any network call would fail.
 * (That the URLs work is {@code ImageHandlersIT}'s job, against S3Proxy.)
 */
class S3ImageSignerTest {

    private static final URI CLOSED_PORT = URI.create("http://127.0.0.1:9");

    private static S3Presigner presigner(AwsCredentialsProvider fallback) {
        return S3Presigner.builder().region(Region.US_EAST_1).credentialsProvider(fallback).endpointOverride(CLOSED_PORT)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    @Test
    void signsWithTheConfiguredLifetimeWithoutANetworkCall() {
        AwsCredentialsProvider keys = () -> AwsBasicCredentials.create("AKIDEXAMPLE", "secret");
        S3ImageSigner signer = new S3ImageSigner(presigner(keys), "bucket", keys, new UrlLifetime(Duration.ofMinutes(15)),
                Clock.systemUTC());
        Instant before = Instant.now();

        SignedUrl url = signer.sign("images/a-slug/" + "ab".repeat(32) + ".png");

        String text = url.url().toString();
        assertTrue(text.startsWith(CLOSED_PORT + "/bucket/images/a-slug/"), text);
        assertTrue(text.contains("X-Amz-Expires=900"), text);
        assertTrue(text.contains("X-Amz-Credential=AKIDEXAMPLE"), text);
        assertTrue(text.contains("X-Amz-Signature="), text);
        long lifetime = Duration.between(before, url.expiresAt()).toSeconds();
        assertTrue(lifetime >= 898 && lifetime <= 900, "expires " + lifetime + " s after signing");
        assertEquals(0, url.expiresAt().getNano(), "whole seconds, as S3 counts");
    }

    @Test
    void signsWithTheCredentialsItClampedTo() {
        // The presigner's own provider would sign with other keys: the signer must pass its own.
        AwsCredentialsProvider presignerKeys = () -> AwsBasicCredentials.create("PRESIGNERKEY", "secret");
        AtomicInteger resolved = new AtomicInteger();
        AwsCredentialsProvider sessionKeys = () -> {
            resolved.incrementAndGet();
            return AwsSessionCredentials.builder().accessKeyId("SESSIONKEY").secretAccessKey("secret")
                    .sessionToken("token").expirationTime(Instant.now().plusSeconds(120)).build();
        };
        S3ImageSigner signer = new S3ImageSigner(presigner(presignerKeys), "bucket", sessionKeys,
                new UrlLifetime(Duration.ofMinutes(15)), Clock.systemUTC());

        SignedUrl url = signer.sign("images/a-slug/" + "ab".repeat(32) + ".png");

        String text = url.url().toString();
        assertTrue(text.contains("X-Amz-Credential=SESSIONKEY"), text);
        assertTrue(text.contains("X-Amz-Security-Token=token"), text);
        String expires = text.replaceFirst(".*X-Amz-Expires=(\\d+).*", "$1");
        assertTrue(Integer.parseInt(expires) <= 119 && Integer.parseInt(expires) >= 117, "clamped to the credentials: " + expires);
        assertEquals(1, resolved.get(), "credentials resolved once per URL");
    }

    @Test
    void aUrlNeverOutlivesItsCredentialsEvenWhenSigningHappensLaterThanTheReading() {
        Instant expiry = Instant.now().plusSeconds(100);
        AwsCredentialsProvider session = () -> AwsSessionCredentials.builder().accessKeyId("SESSION").secretAccessKey("secret")
                .sessionToken("token").expirationTime(expiry).build();
        // Read 5 s before the presigner signs (a stalled thread): the lifetime computed from the
        // reading would end 4 s after the credentials.
        Clock stale = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-5));
        S3ImageSigner signer = new S3ImageSigner(presigner(session), "bucket", session, new UrlLifetime(UrlLifetime.DEFAULT), stale);
        assertEquals(503, assertThrows(ProblemException.class, () -> signer.sign("images/a/" + "ab".repeat(32) + ".png"))
                .problem().status());

        // With the same clock as the presigner, the margin keeps every deadline at or before the expiry.
        S3ImageSigner onTime = new S3ImageSigner(presigner(session), "bucket", session, new UrlLifetime(UrlLifetime.DEFAULT),
                Clock.systemUTC());
        for (int i = 0; i < 200; i++) {
            SignedUrl url = onTime.sign("images/a/" + "ab".repeat(32) + ".png");
            assertTrue(!url.expiresAt().isAfter(expiry), url.expiresAt() + " after " + expiry);
        }
    }

    @Test
    void credentialsAboutToExpireSignNothing() {
        AwsCredentialsProvider dying = () -> AwsSessionCredentials.builder().accessKeyId("DYING").secretAccessKey("secret")
                .sessionToken("token").expirationTime(Instant.now().plusMillis(500)).build();
        S3ImageSigner signer = new S3ImageSigner(presigner(dying), "bucket", dying, new UrlLifetime(UrlLifetime.DEFAULT),
                Clock.systemUTC());

        ProblemException refused = assertThrows(ProblemException.class, () -> signer.sign("images/a/" + "ab".repeat(32) + ".png"));

        assertEquals(503, refused.problem().status());
    }
}
