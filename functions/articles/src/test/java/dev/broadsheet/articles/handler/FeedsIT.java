package dev.broadsheet.articles.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.articles.SampleArticles;
import dev.broadsheet.articles.dao.ArticleItems;
import dev.broadsheet.articles.dao.DynamoArticleRepository;
import dev.broadsheet.articles.model.Article;
import dev.broadsheet.articles.model.Block;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.Json;
import dev.broadsheet.core.xml.Rss;
import dev.broadsheet.emulators.EmulatorsExtension;
import dev.broadsheet.emulators.LocalAws;
import dev.broadsheet.emulators.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled publishing and the feeds, against the articles table in the emulators, with a clock the
 * test moves: a future-dated article answers 404 and is in no list, feed or sitemap until its time.
 */
@ExtendWith(EmulatorsExtension.class)
class FeedsIT {

    private static final String PATTERN = "https://news.example.com/articles/{slug}";
    private static final String CACHE = "public, max-age=60";
    private static final FeedSettings SITE = new FeedSettings("The Daily Example", "en", "https://news.example.com/");
    /** Articles 0..9 are published a day apart from FIRST_DAY; now is an hour after article 9. */
    private static final Instant NOW = SampleArticles.FIRST_DAY.plus(Duration.ofDays(9)).plus(Duration.ofHours(1));

    private final LocalAws aws;
    private final String table;
    private final MutableClock clock = new MutableClock(NOW);
    private final DynamoArticleRepository repository;

    FeedsIT(LocalAws aws) {
        this.aws = aws;
        this.table = aws.physicalNames().get("ArticlesTable");
        this.repository = new DynamoArticleRepository(aws.dynamoDb(), table, clock);
    }

    @BeforeEach
    void articles() {
        aws.reset();
        clock.set(NOW);
        for (int n = 0; n < 10; n++) {
            put(SampleArticles.published(n, "world"));
        }
        put(SampleArticles.unpublished(10));
        // Scheduled: published by its editor for two days from now.
        put(SampleArticles.published(11, "world"));
    }

    @Test
    void aScheduledArticleIsNotServedListedOrInAnyFeedUntilItsTime() throws Exception {
        Instant time = SampleArticles.published(11).publishedAt();
        assertTrue(time.isAfter(NOW));

        assertEquals(404, get(new GetArticleHandler(repository, PATTERN, CACHE), "/articles/article-11", "article-11").getStatusCode());
        assertFalse(listedSlugs().contains("article-11"));
        assertFalse(feedTitles().contains("Headline 11"));
        assertFalse(sitemapLocations().contains("https://news.example.com/articles/article-11"));

        clock.set(time.minusMillis(1));
        assertEquals(404, get(new GetArticleHandler(repository, PATTERN, CACHE), "/articles/article-11", "article-11").getStatusCode());

        clock.set(time);
        assertEquals(200, get(new GetArticleHandler(repository, PATTERN, CACHE), "/articles/article-11", "article-11").getStatusCode());
        assertEquals("article-11", listedSlugs().get(0));
        assertEquals("Headline 11", feedTitles().get(0));
        assertTrue(sitemapLocations().contains("https://news.example.com/articles/article-11"));
    }

    @Test
    void theFeedIsRssWithTheNewestFirstWholeBodiesAndHeroImages() throws Exception {
        APIGatewayV2HTTPResponse response = get(new FeedHandler(repository, PATTERN, SITE, CACHE), "/feed", null);

        assertEquals(200, response.getStatusCode());
        assertEquals(Rss.CONTENT_TYPE, response.getHeaders().get("Content-Type"));
        assertEquals(CACHE, response.getHeaders().get("Cache-Control"));
        Document rss = parse(response.getBody());
        assertEquals("2.0", rss.getDocumentElement().getAttribute("version"));
        assertEquals("The Daily Example", text(rss.getDocumentElement(), "", "title"));
        List<String> expected = new ArrayList<>();
        for (int n = 9; n >= 0; n--) {
            expected.add("Headline " + n);
        }
        assertEquals(expected, feedTitles(rss));

        Element first = (Element) rss.getElementsByTagName("item").item(0);
        assertEquals("https://news.example.com/articles/article-9", text(first, "", "link"));
        assertEquals("Sat, 10 Sep 2016 08:00:00 GMT", text(first, "", "pubDate"));
        assertEquals("<p>Paragraph of article 9</p>\n<blockquote><p>A quote</p><cite>Someone</cite></blockquote>\n",
                text(first, Rss.CONTENT_NS, "encoded"));
        Element media = (Element) first.getElementsByTagNameNS(Rss.MEDIA_NS, "content").item(0);
        assertEquals("https://api.example.com/images/hero-9.png", media.getAttribute("url"));
        assertEquals("image/png", media.getAttribute("type"));
        assertEquals("1200", media.getAttribute("width"));
    }

    @Test
    void theFeedHoldsFeedSizeArticles() throws Exception {
        Document rss = parse(get(new FeedHandler(repository, PATTERN, SITE, CACHE, 3), "/feed", null).getBody());
        assertEquals(List.of("Headline 9", "Headline 8", "Headline 7"), feedTitles(rss));
    }

    @Test
    void everyTextIsEscapedAndCharactersXmlCannotHoldAreDropped() throws Exception {
        Article base = SampleArticles.published(9, "world");
        String hostile = "<script>alert(1)</script> & \"quotes\" ]]> \u0001\uFFFF end";
        put(new Article(base.slug(), hostile, hostile, base.status(), base.publishedAt(), base.updatedAt(), base.listedAt(),
                base.tags(), base.authors(), base.heroImage(), List.of(Block.paragraph(hostile), Block.quote(hostile, hostile)),
                1, true, 0, 1));

        Document rss = parse(get(new FeedHandler(repository, PATTERN, SITE, CACHE), "/feed", null).getBody());
        Element first = (Element) rss.getElementsByTagName("item").item(0);

        String clean = "<script>alert(1)</script> & \"quotes\" ]]>  end";
        assertEquals(clean, text(first, "", "title"));
        assertEquals(clean, text(first, "", "description"));
        String html = text(first, Rss.CONTENT_NS, "encoded");
        assertTrue(html.startsWith("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt;  end</p>"), html);
        assertFalse(html.contains("<script"), html);

        Document news = parse(get(new NewsSitemapHandler(repository, PATTERN, SITE, CACHE), "/news-sitemap.xml", null).getBody());
        assertEquals(clean, text(news.getDocumentElement(), NewsSitemapHandler.NEWS_NS, "title"));
    }

    @Test
    void feedsAnswer304ToTheirOwnETag() {
        for (HttpHandler handler : List.<HttpHandler>of(new FeedHandler(repository, PATTERN, SITE, CACHE),
                new SitemapHandler(repository, PATTERN, CACHE), new NewsSitemapHandler(repository, PATTERN, SITE, CACHE))) {
            APIGatewayV2HTTPResponse first = get(handler, "/feed", null);
            String etag = first.getHeaders().get("ETag");
            APIGatewayV2HTTPResponse again = handler.handleRequest(
                    Events.get("/feed", null, null, Map.of("if-none-match", etag)), null);
            assertEquals(304, again.getStatusCode(), handler.getClass().getSimpleName());
            assertEquals(null, again.getBody());
        }
    }

    @Test
    void theSitemapListsEveryPublishedArticleWithItsLastChange() throws Exception {
        Document sitemap = parse(get(new SitemapHandler(repository, PATTERN, CACHE), "/sitemap.xml", null).getBody());

        List<String> expected = new ArrayList<>();
        for (int n = 9; n >= 0; n--) {
            expected.add("https://news.example.com/articles/article-" + n);
        }
        assertEquals(expected, sitemapLocations(sitemap));
        assertEquals(SitemapHandler.SITEMAP_NS, sitemap.getDocumentElement().getNamespaceURI());
        assertEquals("2016-09-10T08:00:00.000Z", text(sitemap.getDocumentElement(), SitemapHandler.SITEMAP_NS, "lastmod"));
    }

    @Test
    void beyondTheProtocolsLimitTheSitemapIsAnIndexOfMonthlySitemapsThatTogetherListEveryArticleOnce() throws Exception {
        put(SampleArticles.published(-40, "world")); // 2016-07-23: a month, then an empty one, before September's ten
        SitemapHandler sitemaps = new SitemapHandler(repository, PATTERN, CACHE, 10);

        Document index = parse(get(sitemaps, "/sitemap.xml", null).getBody());
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        assertEquals(SitemapHandler.SITEMAP_NS, index.getDocumentElement().getNamespaceURI());
        List<String> months = List.of("2016-09", "2016-08", "2016-07");
        assertEquals(months.stream().map(month -> "https://api.example.com/sitemaps/" + month + ".xml").toList(),
                sitemapLocations(index));

        List<String> listed = new ArrayList<>();
        for (String month : months) {
            APIGatewayV2HTTPResponse response = monthlySitemap(sitemaps, month + ".xml");
            assertEquals(200, response.getStatusCode(), response.getBody());
            listed.addAll(sitemapLocations(parse(response.getBody())));
        }
        List<String> expected = new ArrayList<>();
        for (int n = 9; n >= 0; n--) {
            expected.add("https://news.example.com/articles/article-" + n);
        }
        expected.add("https://news.example.com/articles/article--40");
        assertEquals(expected, listed, "each published article once, none scheduled or unpublished");

        for (String missing : List.of("2016-13.xml", "2016-9.xml", "latest.xml", "2016-09.xml.gz")) {
            APIGatewayV2HTTPResponse response = monthlySitemap(sitemaps, missing);
            assertEquals(404, response.getStatusCode(), missing);
            assertTrue(response.getBody().contains("YYYY-MM.xml"), response.getBody());
        }
        assertEquals(11, sitemapLocations(parse(get(new SitemapHandler(repository, PATTERN, CACHE, 11), "/sitemap.xml", null)
                .getBody())).size(), "at the limit, still one sitemap");
    }

    private static APIGatewayV2HTTPResponse monthlySitemap(SitemapHandler sitemaps, String file) {
        return sitemaps.handleRequest(Events.get("/sitemaps/" + file, Map.of(SitemapHandler.FILE, file), null, Map.of()), null);
    }

    @Test
    void theNewsSitemapHoldsTheLast48Hours() throws Exception {
        Document news = parse(get(new NewsSitemapHandler(repository, PATTERN, SITE, CACHE), "/news-sitemap.xml", null).getBody());

        // Now is article 9's time + 1 hour: articles 9 (1 h old) and 8 (25 h); 7 is 49 hours old.
        assertEquals(List.of("https://news.example.com/articles/article-9", "https://news.example.com/articles/article-8"),
                sitemapLocations(news));
        Element first = (Element) news.getElementsByTagNameNS(NewsSitemapHandler.NEWS_NS, "news").item(0);
        assertEquals("The Daily Example", text(first, NewsSitemapHandler.NEWS_NS, "name"));
        assertEquals("en", text(first, NewsSitemapHandler.NEWS_NS, "language"));
        assertEquals("2016-09-10T08:00:00.000Z", text(first, NewsSitemapHandler.NEWS_NS, "publication_date"));
        assertEquals("Headline 9", text(first, NewsSitemapHandler.NEWS_NS, "title"));
    }

    private void put(Article article) {
        SampleArticles.store(aws.dynamoDb(), table, article);
    }

    private static APIGatewayV2HTTPResponse get(HttpHandler handler, String path, String slug) {
        return handler.handleRequest(Events.get(path, slug == null ? null : Map.of("slug", slug), null, Map.of()), null);
    }

    private List<String> listedSlugs() throws Exception {
        APIGatewayV2HTTPResponse list = get(new ListArticlesHandler(repository, PATTERN, CACHE), "/articles", null);
        List<String> slugs = new ArrayList<>();
        Json.MAPPER.readTree(list.getBody()).path("items").forEach(item -> slugs.add(item.path("slug").asText()));
        return slugs;
    }

    private List<String> feedTitles() throws Exception {
        return feedTitles(parse(get(new FeedHandler(repository, PATTERN, SITE, CACHE), "/feed", null).getBody()));
    }

    private static List<String> feedTitles(Document rss) {
        List<String> titles = new ArrayList<>();
        NodeList items = rss.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            titles.add(text((Element) items.item(i), "", "title"));
        }
        return titles;
    }

    private List<String> sitemapLocations() throws Exception {
        return sitemapLocations(parse(get(new SitemapHandler(repository, PATTERN, CACHE), "/sitemap.xml", null).getBody()));
    }

    private static List<String> sitemapLocations(Document sitemap) {
        List<String> locations = new ArrayList<>();
        NodeList locs = sitemap.getElementsByTagNameNS(SitemapHandler.SITEMAP_NS, "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            locations.add(locs.item(i).getTextContent());
        }
        return locations;
    }

    /** The first descendant element with this namespace ("" for none) and local name. */
    private static String text(Element parent, String namespace, String localName) {
        NodeList found = namespace.isEmpty() ? parent.getElementsByTagName(localName) : parent.getElementsByTagNameNS(namespace, localName);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    /** A real, namespace-aware XML parser that refuses anything malformed (and DTDs). */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
