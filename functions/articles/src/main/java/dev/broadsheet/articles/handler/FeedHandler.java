package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.articles.dao.ArticleRepository;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Image;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.xml.Rss;
import dev.broadsheet.core.xml.XmlDocument;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /feed}: RSS 2.0 of the newest published articles, newest first, each with its whole
 * body as HTML ({@code content:encoded}) and its hero image ({@code media:content}); cached like
 * the article lists, with an ETag.
 */
public class FeedHandler extends HttpHandler {

    /** Items in the feed unless {@code FEED_SIZE} (parameter {@code FeedSize}) says otherwise: one Query, one BatchGetItem. */
    static final int DEFAULT_SIZE = 20;
    /** BatchGetItem reads at most 100 keys a call; and 100 whole articles is already a large document for a poller. */
    static final int MAX_SIZE = 100;

    private final ArticleRepository articles;
    private final ArticleViews views;
    private final FeedSettings site;
    private final String cacheControl;
    private final int size;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public FeedHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public FeedHandler(Environment env) {
        this(ArticleSettings.from(env), env);
    }

    private FeedHandler(ArticleSettings settings, Environment env) {
        this(settings.repository(env), settings.articleUrlPattern(), FeedSettings.from(env, settings), settings.cacheControl(),
                env.integer("FEED_SIZE", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** Collaborators given directly, for tests. */
    FeedHandler(ArticleRepository articles, String articleUrlPattern, FeedSettings site, String cacheControl) {
        this(articles, articleUrlPattern, site, cacheControl, DEFAULT_SIZE);
    }

    /** @param size how many of the newest articles the feed holds */
    FeedHandler(ArticleRepository articles, String articleUrlPattern, FeedSettings site, String cacheControl, int size) {
        this.articles = articles;
        this.views = new ArticleViews(articleUrlPattern);
        this.site = site;
        this.cacheControl = cacheControl;
        this.size = size;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        return Responses.cacheable(request, render(articles.newest(size), request.baseUrl()), Rss.CONTENT_TYPE, cacheControl);
    }

    String render(List<Article> newest, String apiBaseUrl) {
        Instant lastChange = newest.stream().map(Article::updatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        XmlDocument feed = Rss.channel(site.siteName(), site.siteUrl(), "The latest articles from " + site.siteName(),
                site.language(), apiBaseUrl + "/feed", lastChange);
        for (Article article : newest) {
            String url = views.canonicalUrl(article.slug());
            feed.start("item")
                    .element("title", article.headline())
                    .element("link", url)
                    .start("guid").attribute("isPermaLink", "true").text(url).end()
                    .element("pubDate", Rss.date(article.publishedAt()))
                    .element("description", article.summary());
            article.tags().forEach(tag -> feed.element("category", tag.name()));
            feed.element("content:encoded", BodyHtml.render(article.body(), apiBaseUrl));
            Image hero = article.heroImage();
            if (hero != null) {
                feed.start("media:content").attribute("url", ArticleViews.imageUrl(hero, apiBaseUrl)).attribute("medium", "image");
                if (hero.contentType() != null) {
                    feed.attribute("type", hero.contentType());
                }
                if (hero.width() > 0 && hero.height() > 0) {
                    feed.attribute("width", Integer.toString(hero.width())).attribute("height", Integer.toString(hero.height()));
                }
                feed.element("media:description", hero.caption() != null ? hero.caption() : hero.alt())
                        .element("media:credit", hero.credit()).end();
            }
            feed.end();
        }
        return feed.finish();
    }

    /** Before a SnapStart snapshot: the feed's Query (it writes nothing) and the rendering of a sample article. */
    @Override
    protected void prime() {
        handleRequest(PrimingEvents.get("/feed", Map.of()), null);
        render(List.of(ArticlePriming.sample()), "https://api.example.com");
    }
}
