package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.articles.dao.ArticleRepository;
import dev.broadsheet.articles.model.ArticlePage;
import dev.broadsheet.articles.model.FeedPosition;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.Slugs;

import java.util.List;
import java.util.Map;

/** {@code GET /articles?limit=&cursor=&tag=}: published articles, newest first. */
public class ListArticlesHandler extends HttpHandler {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final ArticleRepository articles;
    private final ArticleViews views;
    private final String cacheControl;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public ListArticlesHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public ListArticlesHandler(Environment env) {
        this(ArticleSettings.from(env), env);
    }

    private ListArticlesHandler(ArticleSettings settings, Environment env) {
        this(settings.repository(env), settings.articleUrlPattern(), settings.cacheControl());
    }

    /** Collaborators given directly, for tests. */
    public ListArticlesHandler(ArticleRepository articles, String articleUrlPattern, String cacheControl) {
        this.articles = articles;
        this.views = new ArticleViews(articleUrlPattern);
        this.cacheControl = cacheControl;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        int limit = limit(request.queryParameter("limit"));
        String tag = request.queryParameter("tag");
        if (tag != null && !Slugs.isTag(tag)) {
            throw ProblemException.invalid("tag", "format",
                    "A tag is lower-case letters and digits joined by hyphens, at most " + Slugs.MAX_TAG_LENGTH + " characters.");
        }
        ArticlePage page = articles.listPublished(tag, limit, FeedPosition.fromCursor(request.queryParameter("cursor")));
        String baseUrl = request.baseUrl();
        var list = new ArticleViews.ArticleList(
                page.articles().stream().map(article -> views.summary(article, baseUrl)).toList(),
                FeedPosition.toCursor(page.next()));
        return Responses.cacheableJson(request, list, cacheControl);
    }

    /** Before a SnapStart snapshot: a one-item read of the feed, and the rendering of a sample list. */
    @Override
    protected void prime() {
        handleRequest(PrimingEvents.get("/articles", Map.of(), Map.of("limit", "1")), null);
        Request sample = new Request(PrimingEvents.get("/articles", Map.of()));
        Responses.cacheableJson(sample, new ArticleViews.ArticleList(
                List.of(views.summary(ArticlePriming.sample(), sample.baseUrl())),
                FeedPosition.toCursor(new FeedPosition(ArticlePriming.sample().publishedAt(), ArticlePriming.sample().slug(),
                        ArticlePriming.sample().publishedAt()))),
                cacheControl);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw ProblemException.invalid("limit", "range", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
