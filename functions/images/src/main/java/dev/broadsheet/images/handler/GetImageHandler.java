package dev.broadsheet.images.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.Metrics;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.images.model.ImageKey;
import dev.broadsheet.images.model.SignedUrl;
import dev.broadsheet.images.signing.CachePolicy;
import dev.broadsheet.images.signing.PublishedImages;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /images/{key+}}: a {@code 302} to a short-lived presigned URL of an image of a
 * published article, so that {@code <img src="https://api/images/...">} just works; with
 * {@code ?format=json}, {@code {"url", "expiresAt"}}. Cached for half the URL's remaining life.
 */
public class GetImageHandler extends HttpHandler {

    private final PublishedImages images;
    private final Clock clock;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public GetImageHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public GetImageHandler(Environment env) {
        this(ImageSettings.from(env).publishedImages(env), Clock.systemUTC());
    }

    /** Collaborators given directly, for tests. */
    public GetImageHandler(PublishedImages images, Clock clock) {
        this.images = images;
        this.clock = clock;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        boolean json = wantsJson(request.queryParameter("format"));
        ImageKey key = RouteKeys.parse(request.event().getRawPath(), request.pathParameter("key"));
        SignedUrl url = images.sign(key).url();
        Metrics.count(Metrics.IMAGES_SIGNED);
        String cacheControl = CachePolicy.cacheControl(url.expiresAt(), clock.instant());
        if (json) {
            return Responses.cacheableJson(request, ImageViews.url(url), cacheControl);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", url.url().toString());
        headers.put("Cache-Control", cacheControl);
        return Responses.response(302, headers, null);
    }

    /** Before a SnapStart snapshot: a key of an article no one published (404), a signature, and its JSON. */
    @Override
    protected void prime() {
        String key = PrimingEvents.MISSING_SLUG + "/" + "0".repeat(64) + ".png";
        handleRequest(PrimingEvents.get("/images/" + key, Map.of("key", key), Map.of("format", "json")), null);
        SignedUrl url = images.prime();
        Responses.cacheableJson(new Request(PrimingEvents.get("/images/" + key, Map.of("key", key))), ImageViews.url(url),
                CachePolicy.cacheControl(url.expiresAt(), clock.instant()));
    }

    private static boolean wantsJson(String format) {
        if (format == null) {
            return false;
        }
        if (!format.equals("json")) {
            throw ProblemException.invalid("format", "value", "format is either absent (a redirect) or json.");
        }
        return true;
    }
}
