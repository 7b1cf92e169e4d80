package dev.broadsheet.images.model;

import java.net.URI;
import java.time.Instant;

/**
 * A presigned GET URL and the moment S3 stops honouring it.
 *
 * @param expiresAt whole seconds, as S3 computes it ({@code X-Amz-Date} + {@code X-Amz-Expires})
 */
public record SignedUrl(URI url, Instant expiresAt) {
}
