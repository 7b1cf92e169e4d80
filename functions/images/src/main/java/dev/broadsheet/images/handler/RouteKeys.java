package dev.broadsheet.images.handler;

import dev.broadsheet.core.ProblemException;
import dev.broadsheet.images.model.ImageKey;

/**
 * The {@code {key+}} of {@code GET /images/{key+}}, checked before anything is looked up. API
 * Gateway hands the parameter percent-decoded, so an encoded slash ({@code %2F}) or backslash
 * would look like a plain one there: the raw path is checked too, and a valid key never needs
 * percent-encoding at all.
 */
final class RouteKeys {

    private static final String RULE = "An image key is {article-slug}/{sha256-hex}.{jpg|png|webp|gif|avif}.";

    private RouteKeys() {
    }

    static ImageKey parse(String rawPath, String key) {
        if (key == null || key.isEmpty()) {
            throw ProblemException.invalid("key", "required", "The image key is missing. " + RULE);
        }
        if (key.length() > ImageKey.MAX_ROUTE_KEY_LENGTH) {
            throw ProblemException.invalid("key", "length",
                    "An image key has at most " + ImageKey.MAX_ROUTE_KEY_LENGTH + " characters.");
        }
        if (rawPath != null && rawPath.indexOf('%') >= 0) {
            throw ProblemException.invalid("key", "encoding", "An image key is never percent-encoded. " + RULE);
        }
        return ImageKey.parseRouteKey(key)
                .orElseThrow(() -> ProblemException.invalid("key", "format", RULE));
    }
}
