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

import java.util.List;
import java.util.Map;

/**
 * {@code GET /sitemap.xml}: every published article's page ({@code ArticleUrlPattern}) with its
 * {@code lastmod}, newest first (sitemaps.org protocol 0.9); cached like the lists, with an ETag.
 */
public class SitemapHandler extends HttpHandler {

    /** The protocol's limit for one sitemap file; beyond it a sitemap index would be needed (not built yet). */
    static final int MAX_URLS = 50_000;
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    private final ArticleRepository articles;
    private final ArticleViews views;
    private final String cacheControl;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public SitemapHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public SitemapHandler(Environment env) {
        this(ArticleSettings.from(env), env);
    }

    private SitemapHandler(ArticleSettings settings, Environment env) {
        this(settings.repository(env), settings.articleUrlPattern(), settings.cacheControl());
    }

    /** Collaborators given directly, for tests. */
    SitemapHandler(ArticleRepository articles, String articleUrlPattern, String cacheControl) {
        this.articles = articles;
        this.views = new ArticleViews(articleUrlPattern);
        this.cacheControl = cacheControl;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        return Responses.cacheable(request, render(articles.publishedWithin(null, MAX_URLS)), CONTENT_TYPE, cacheControl);
    }

    String render(List<Article> published) {
        XmlDocument sitemap = new XmlDocument("urlset", Map.of("", SITEMAP_NS));
        for (Article article : published) {
            sitemap.start("url")
                    .element("loc", views.canonicalUrl(article.slug()))
                    .element("lastmod", Timestamps.format(article.updatedAt() != null ? article.updatedAt() : article.publishedAt()))
                    .end();
        }
        return sitemap.finish();
    }

    /** Before a SnapStart snapshot: the sitemap's Query (it writes nothing) and the rendering of a sample article. */
    @Override
    protected void prime() {
        handleRequest(PrimingEvents.get("/sitemap.xml", Map.of()), null);
        render(List.of(ArticlePriming.sample()));
    }
}
