package dev.broadsheet.images.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.Metrics;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.Responses;
import dev.broadsheet.images.model.ArticleImage;
import dev.broadsheet.images.model.SignedImage;
import dev.broadsheet.images.model.SignedUrl;
import dev.broadsheet.images.signing.CachePolicy;
import dev.broadsheet.images.signing.PublishedImages;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /articles/{slug}/images}: presigned URLs for every image of a published article in one
 * call, so a page needs no request per image. Cached for half the remaining life of the
 * shortest-lived URL in it.
 */
public class ListArticleImagesHandler extends HttpHandler {

    private final PublishedImages images;
    private final Clock clock;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public ListArticleImagesHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public ListArticleImagesHandler(Environment env) {
        this(ImageSettings.from(env).publishedImages(env), Clock.systemUTC());
    }

    /** Collaborators given directly, for tests. */
    public ListArticleImagesHandler(PublishedImages images, Clock clock) {
        this.images = images;
        this.clock = clock;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String slug = Slugs.require(request.pathParameter("slug"));
        List<SignedImage> signed = images.signAll(slug);
        Metrics.count(Metrics.IMAGES_SIGNED, signed.size());
        String baseUrl = request.baseUrl();
        Instant earliest = signed.stream().map(image -> image.url().expiresAt()).min(Comparator.naturalOrder()).orElse(null);
        // No URL in it: the list only changes when an editor republishes, like the article itself.
        String cacheControl = earliest == null ? "public, max-age=60" : CachePolicy.cacheControl(earliest, clock.instant());
        return Responses.cacheableJson(request, new ImageViews.ArticleImagesView(slug,
                signed.stream().map(image -> ImageViews.image(image, baseUrl)).toList(),
                earliest == null ? null : earliest.toString()), cacheControl);
    }

    /** Before a SnapStart snapshot: the images of an article no one published (404), a signature, and a list's JSON. */
    @Override
    protected void prime() {
        String slug = PrimingEvents.MISSING_SLUG;
        handleRequest(PrimingEvents.get("/articles/" + slug + "/images", Map.of("slug", slug)), null);
        SignedUrl url = images.prime();
        Request sample = new Request(PrimingEvents.get("/articles/" + slug + "/images", Map.of("slug", slug)));
        ArticleImage image = new ArticleImage("images/" + slug + "/" + "0".repeat(64) + ".png", "hero", "alt", "caption",
                "credit", 1200, 675);
        Responses.cacheableJson(sample, new ImageViews.ArticleImagesView(slug,
                List.of(ImageViews.image(new SignedImage(image, url), sample.baseUrl())), url.expiresAt().toString()),
                CachePolicy.cacheControl(url.expiresAt(), clock.instant()));
    }
}
