package dev.broadsheet.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The API behind the optional CloudFront distribution (template parameter {@code EnableCdn}).
 * CloudFront adds a secret header ({@value #HEADER}) to every request it sends; with the CDN on,
 * a request without it — someone calling the API Gateway URL directly — is refused, so nobody can
 * bypass the CDN or forge the reader's address it forwards ({@value #VIEWER_ADDRESS}), which is
 * then the client address that flood control keys on. With the CDN off, the client address is API
 * Gateway's source IP and no header is asked for.
 */
public final class CdnOrigin {

    public static final String ENABLED = "CDN_ENABLED";
    public static final String SECRET = "CDN_ORIGIN_SECRET";
    public static final String HEADER = "x-origin-verify";
    public static final String VIEWER_ADDRESS = "cloudfront-viewer-address";
    public static final CdnOrigin NONE = new CdnOrigin(null);

    /** The header value CloudFront sends, or null without a CDN. */
    private final byte[] secret;

    private CdnOrigin(byte[] secret) {
        this.secret = secret;
    }

    public static CdnOrigin withSecret(String secret) {
        return new CdnOrigin(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** From {@value #ENABLED} ({@code true}/{@code false}) and {@value #SECRET}; fails at init when on without a secret. */
    public static CdnOrigin from(Environment env) {
        String enabled = env.optional(ENABLED, "false");
        String secret = env.optional(SECRET);
        if (!enabled.equals("true")) {
            return NONE;
        }
        if (secret == null || secret.startsWith("{{resolve:")) {
            throw new Environment.MissingConfigurationException(SECRET + " must hold the CDN's origin secret when "
                    + ENABLED + " is true");
        }
        return withSecret(secret);
    }

    public boolean enabled() {
        return secret != null;
    }

    /** Refuses (403) a request that did not come through the CDN; constant-time comparison. */
    public void verify(Request request) {
        if (secret == null) {
            return;
        }
        String presented = request.header(HEADER);
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.of(403, "not-through-cdn", "Use the CDN",
                    "This API answers only requests that come through its CDN; use the site's API address."));
        }
    }

    /**
     * The reader's address: CloudFront's {@code CloudFront-Viewer-Address} ({@code ip:port}, an
     * IPv6 address unbracketed) behind the CDN, else API Gateway's source IP.
     */
    public String clientAddress(Request request) {
        if (secret != null) {
            String viewer = request.header(VIEWER_ADDRESS);
            int port = viewer == null ? -1 : viewer.lastIndexOf(':');
            if (port > 0) {
                return viewer.substring(0, port);
            }
        }
        return request.sourceIp();
    }
}
