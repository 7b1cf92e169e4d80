package dev.broadsheet.images.model;

import dev.broadsheet.core.Slugs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of an article image, in the scheme the editor command writes: the S3 key is
 * {@code images/{article-slug}/{sha256 of the bytes, hex}.{ext}}, and the public route
 * {@code GET /images/{key+}} takes the part after {@code images/}. The slug in the key names the
 * one article whose record decides whether the image may be signed.
 *
 * <p>Parsing is an allow-list, so {@code ..}, backslashes, control characters, percent signs
 * (double encoding), extra segments and unknown extensions all fail by construction.
 *
 * @param slug   the article's slug
 * @param sha256 the content hash, 64 lower-case hex digits
 * @param ext    {@code jpg}, {@code png}, {@code webp}, {@code gif} or {@code avif}
 */
public record ImageKey(String slug, String sha256, String ext) {

    public static final String PREFIX = "images/";
    public static final int MAX_SLUG_LENGTH = Slugs.MAX_SLUG_LENGTH;
    /** The longest route key the scheme produces: a maximal slug, a slash, the hash, a dot and "avif". */
    public static final int MAX_ROUTE_KEY_LENGTH = MAX_SLUG_LENGTH + 1 + 64 + 1 + 4;

    private static final Pattern ROUTE_KEY =
            Pattern.compile("(" + Slugs.WORDS_REGEX + ")/([0-9a-f]{64})\\.(jpg|png|webp|gif|avif)");

    /** The key as the route receives it ({@code slug/hash.ext}), if it follows the scheme. */
    public static Optional<ImageKey> parseRouteKey(String routeKey) {
        if (routeKey == null || routeKey.length() > MAX_ROUTE_KEY_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = ROUTE_KEY.matcher(routeKey);
        if (!matcher.matches() || matcher.group(1).length() > MAX_SLUG_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new ImageKey(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /** The key as stored in S3 and in the article's record ({@code images/slug/hash.ext}), if it follows the scheme. */
    public static Optional<ImageKey> parseS3Key(String s3Key) {
        if (s3Key == null || !s3Key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return parseRouteKey(s3Key.substring(PREFIX.length()));
    }

    public String routeKey() {
        return slug + "/" + sha256 + "." + ext;
    }

    public String s3Key() {
        return PREFIX + routeKey();
    }
}
