package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.articles.dao.ArticleRepository;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.schema.Timestamps;
import dev.broadsheet.core.xml.XmlDocument;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /news-sitemap.xml}: a Google News sitemap of the articles published in the last 48
 * hours (Google's rule: older articles belong in the plain sitemap only), at most 1,000, newest
 * first, each with the publication's name and language, its publication date and its headline.
 */
public class NewsSitemapHandler extends HttpHandler {

    static final Duration WINDOW = Duration.ofHours(48);
    /** Google News reads at most 1,000 URLs from one news sitemap. */
    static final int MAX_URLS = 1000;
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final ArticleRepository articles;
    private final ArticleViews views;
    private final FeedSettings site;
    private final String cacheControl;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public NewsSitemapHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public NewsSitemapHandler(Environment env) {
        this(ArticleSettings.from(env), env);
    }

    private NewsSitemapHandler(ArticleSettings settings, Environment env) {
        this(settings.repository(env), settings.articleUrlPattern(), FeedSettings.from(env, settings), settings.cacheControl());
    }

    /** Collaborators given directly, for tests. */
    NewsSitemapHandler(ArticleRepository articles, String articleUrlPattern, FeedSettings site, String cacheControl) {
        this.articles = articles;
        this.views = new ArticleViews(articleUrlPattern);
        this.site = site;
        this.cacheControl = cacheControl;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        return Responses.cacheable(request, render(articles.publishedWithin(WINDOW, MAX_URLS)),
                SitemapHandler.CONTENT_TYPE, cacheControl);
    }

    String render(List<Article> recent) {
        XmlDocument sitemap = new XmlDocument("urlset", Map.of("", SitemapHandler.SITEMAP_NS, "news", NEWS_NS));
        for (Article article : recent) {
            sitemap.start("url")
                    .element("loc", views.canonicalUrl(article.slug()))
                    .start("news:news")
                    .start("news:publication").element("news:name", site.siteName()).element("news:language", site.language()).end()
                    .element("news:publication_date", Timestamps.format(article.publishedAt()))
                    .element("news:title", article.headline())
                    .end()
                    .end();
        }
        return sitemap.finish();
    }

    /** Before a SnapStart snapshot: the news sitemap's Query (it writes nothing) and the rendering of a sample article. */
    @Override
    protected void prime() {
        handleRequest(PrimingEvents.get("/news-sitemap.xml", Map.of()), null);
        render(List.of(ArticlePriming.sample()));
    }
}
