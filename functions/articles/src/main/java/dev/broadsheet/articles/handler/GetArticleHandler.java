package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.articles.dao.ArticleRepository;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;

import java.util.Map;

/** {@code GET /articles/{slug}}: one published article, cacheable, with an ETag. */
public class GetArticleHandler extends HttpHandler {

    private final ArticleRepository articles;
    private final ArticleViews views;
    private final String cacheControl;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public GetArticleHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public GetArticleHandler(Environment env) {
        this(ArticleSettings.from(env), env);
    }

    private GetArticleHandler(ArticleSettings settings, Environment env) {
        this(settings.repository(env), settings.articleUrlPattern(), settings.cacheControl());
    }

    /** Collaborators given directly, for tests. */
    public GetArticleHandler(ArticleRepository articles, String articleUrlPattern, String cacheControl) {
        this.articles = articles;
        this.views = new ArticleViews(articleUrlPattern);
        this.cacheControl = cacheControl;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String slug = Slugs.require(request.pathParameter("slug"));
        Article article = articles.findPublished(slug)
                .orElseThrow(() -> new ProblemException(Problem.notFound("No published article has the slug '" + slug + "'.")));
        return Responses.cacheableJson(request, views.full(article, request.baseUrl()), cacheControl);
    }

    /** Before a SnapStart snapshot: a read of a slug no article has, and the rendering of a sample article. */
    @Override
    protected void prime() {
        handleRequest(PrimingEvents.get("/articles/" + PrimingEvents.MISSING_SLUG,
                Map.of("slug", PrimingEvents.MISSING_SLUG)), null);
        Request sample = new Request(PrimingEvents.get("/articles/" + ArticlePriming.sample().slug(),
                Map.of("slug", ArticlePriming.sample().slug())));
        Responses.cacheableJson(sample, views.full(ArticlePriming.sample(), sample.baseUrl()), cacheControl);
    }
}
