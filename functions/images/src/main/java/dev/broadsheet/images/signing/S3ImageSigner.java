package dev.broadsheet.images.signing;

import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.images.model.SignedUrl;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Presigned S3 GETs with SigV4 query parameters. The credentials are resolved once per URL and
 * handed to the presigner with the request, so the lifetime is clamped to the expiry of exactly
 * the credentials that sign (a provider refreshing in between cannot swap them). The lifetime comes
 * from one clock reading with {@link UrlLifetime#SIGNING_MARGIN}; the signed deadline is checked
 * against the credentials' expiry before the URL is handed out.
 */
public final class S3ImageSigner implements ImageSigner {

    private final S3Presigner presigner;
    private final String bucket;
    private final AwsCredentialsProvider credentials;
    private final UrlLifetime lifetime;
    private final Clock clock;

    public S3ImageSigner(S3Presigner presigner, String bucket, AwsCredentialsProvider credentials, UrlLifetime lifetime,
                         Clock clock) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.credentials = credentials;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public SignedUrl sign(String s3Key) {
        AwsCredentials signing = credentials.resolveCredentials();
        Instant now = clock.instant();
        Duration duration = lifetime.at(now, signing.expirationTime());
        if (duration.isZero()) {
            // Providers refresh well before expiry; reaching this means the next request gets fresh ones.
            throw unavailable();
        }
        StaticCredentialsProvider these = StaticCredentialsProvider.create(signing);
        PresignedGetObjectRequest presigned = presigner.presignGetObject(presign -> presign
                .signatureDuration(duration)
                .getObjectRequest(get -> get.bucket(bucket).key(s3Key)
                        .overrideConfiguration(override -> override.credentialsProvider(these))));
        // X-Amz-Date has whole seconds: S3's deadline is the reported one rounded down.
        Instant expiresAt = presigned.expiration().truncatedTo(ChronoUnit.SECONDS);
        if (signing.expirationTime().filter(expiresAt::isAfter).isPresent()) {
            // Signed over a second after the reading (a stalled thread): S3 would refuse it early.
            throw unavailable();
        }
        return new SignedUrl(URI.create(presigned.url().toString()), expiresAt);
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "signing-unavailable", "Cannot sign right now",
                "The image URL could not be signed; try again in a moment."));
    }
}
