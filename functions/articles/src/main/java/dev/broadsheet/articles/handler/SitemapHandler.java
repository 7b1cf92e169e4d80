package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.articles.dao.ArticleRepository;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.schema.Timestamps;
import dev.broadsheet.core.xml.XmlDocument;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /sitemap.xml}: every published article's page ({@code ArticleUrlPattern}) with its
 * {@code lastmod}, newest first (sitemaps.org protocol 0.9); cached like the lists, with an ETag.
 *
 * <p>An archive of more than the protocol's 50,000 URLs makes {@code /sitemap.xml} a sitemap index
 * of monthly sitemaps, {@code GET /sitemaps/YYYY-MM.xml} (each month's articles, served whatever
 * the archive's size): months are stable addresses that a crawler can keep, and a month holds far
 * fewer than 50,000 articles (1,600 a day).
 */
public class SitemapHandler extends HttpHandler {

    /** The protocol's limit for one sitemap file; beyond it {@code /sitemap.xml} is an index of monthly sitemaps. */
    static final int MAX_URLS = 50_000;
    /** The path parameter of {@code /sitemaps/{file}}: {@code YYYY-MM.xml}. */
    static final String FILE = "file";
    private static final Pattern MONTH_FILE = Pattern.compile("(\\d{4}-\\d{2})\\.xml");
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    private final ArticleRepository articles;
    private final ArticleViews views;
    private final String cacheControl;
    private final int maxUrls;

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
        this(articles, articleUrlPattern, cacheControl, MAX_URLS);
    }

    /** @param maxUrls the most URLs {@code /sitemap.xml} holds before it becomes an index (tests lower it) */
    SitemapHandler(ArticleRepository articles, String articleUrlPattern, String cacheControl, int maxUrls) {
        this.articles = articles;
        this.views = new ArticleViews(articleUrlPattern);
        this.cacheControl = cacheControl;
        this.maxUrls = maxUrls;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String file = request.pathParameter(FILE);
        if (file != null) {
            YearMonth month = month(file);
            List<Article> published = articles.publishedBetween(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), MAX_URLS);
            return Responses.cacheable(request, render(published), CONTENT_TYPE, cacheControl);
        }
        List<Article> newest = articles.publishedWithin(null, maxUrls + 1);
        if (newest.size() <= maxUrls) {
            return Responses.cacheable(request, render(newest), CONTENT_TYPE, cacheControl);
        }
        YearMonth first = YearMonth.from(articles.firstPublishedAt().orElseThrow().atOffset(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(newest.get(0).publishedAt().atOffset(ZoneOffset.UTC));
        return Responses.cacheable(request, index(first, last, request.baseUrl()), CONTENT_TYPE, cacheControl);
    }

    /** The month a {@code /sitemaps/{file}} names; a 404 for anything but {@code YYYY-MM.xml} of a real month. */
    private static YearMonth month(String file) {
        Matcher matcher = MONTH_FILE.matcher(file);
        try {
            if (matcher.matches()) {
                return YearMonth.parse(matcher.group(1));
            }
        } catch (DateTimeParseException e) {
            // a month 13, say: no such sitemap
        }
        throw new ProblemException(Problem.notFound("There is no sitemap '" + file + "': monthly sitemaps are YYYY-MM.xml."));
    }

    /** The sitemap index: one monthly sitemap per month from the first article's to the newest's, newest first. */
    String index(YearMonth first, YearMonth last, String apiBaseUrl) {
        XmlDocument index = new XmlDocument("sitemapindex", Map.of("", SITEMAP_NS));
        for (YearMonth month = last; !month.isBefore(first); month = month.minusMonths(1)) {
            index.start("sitemap").element("loc", apiBaseUrl + "/sitemaps/" + month + ".xml").end();
        }
        return index.finish();
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
        index(YearMonth.of(2026, 1), YearMonth.of(2026, 2), "https://api.example.com");
    }
}
