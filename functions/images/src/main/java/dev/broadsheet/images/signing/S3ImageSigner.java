package dev.broadsheet.images.signing;

import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.images.model.SignedUrl;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Utilities;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Presigned S3 GETs with SigV4 query parameters, signed as of the start of the signing window (see
 * {@link UrlLifetime}) so that a window's requests get one URL. The S3 presigner signs as of the
 * moment it is called and takes no clock, so this signs with the SDK's own SigV4 signer, given that
 * instant, the URL {@link S3Utilities} makes for the key (the same endpoint and addressing rules),
 * and an unsigned payload, as S3 presigned URLs have. The credentials are resolved once per URL,
 * and the lifetime is clamped to the expiry of exactly those credentials.
 * The lifetime leaves {@link UrlLifetime#SIGNING_MARGIN} of the credentials' life unused, so a URL
 * never outlives them.
 */
public final class S3ImageSigner implements ImageSigner {

    private final S3Utilities urls;
    private final Region region;
    private final String bucket;
    private final AwsCredentialsProvider credentials;
    private final UrlLifetime lifetime;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public S3ImageSigner(S3Utilities urls, Region region, String bucket, AwsCredentialsProvider credentials,
                         UrlLifetime lifetime, Clock clock) {
        this.urls = urls;
        this.region = region;
        this.bucket = bucket;
        this.credentials = credentials;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public SignedUrl sign(String s3Key) {
        AwsCredentials signing = credentials.resolveCredentials();
        Instant now = clock.instant();
        Instant signedAt = lifetime.windowStart(now);
        Duration duration = lifetime.at(signedAt, signing.expirationTime());
        Instant expiresAt = signedAt.plus(duration);
        if (Duration.between(now, expiresAt).toMillis() < 1000) {
            // Providers refresh well before expiry; reaching this means the next request gets fresh ones.
            throw unavailable();
        }
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(uri(s3Key)).build();
        SdkHttpRequest signed = signer.sign(request -> request.identity(signing).request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, duration)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                // S3's rules: the path is signed as sent, encoded once.
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request();
        return new SignedUrl(signed.getUri(), expiresAt);
    }

    private URI uri(String s3Key) {
        try {
            return urls.getUrl(get -> get.bucket(bucket).key(s3Key)).toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No URL for key " + s3Key, e);
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "signing-unavailable", "Cannot sign right now",
                "The image URL could not be signed; try again in a moment."));
    }
}
