package dev.broadsheet.comments.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.model.ArticleState;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.xml.Rss;
import dev.broadsheet.core.xml.XmlDocument;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /articles/{slug}/comments/feed}: RSS 2.0 of an article's newest approved comments,
 * newest first, each linking to {@code #comment-<id>} on the article's page; 404 for an article
 * that is not published now. Cached like the comment list, with an ETag. No email, no address.
 */
public class CommentsFeedHandler extends HttpHandler {

    /** Items in the feed: a reader following a discussion polls; older comments are on the page. */
    static final int SIZE = 50;

    private final CommentService comments;
    private final String articleUrlPattern;
    private final String language;
    private final String cacheControl;

    /** The Lambda runtime's constructor: configuration from the process environment. */
    public CommentsFeedHandler() {
        this(Environment.fromSystem());
    }

    /** Real clients from the given environment (the local API's way in). */
    public CommentsFeedHandler(Environment env) {
        this(new CommentService(CommentSettings.store(env), null, null, null, 0, Clock.systemUTC()),
                CommentSettings.articleUrlPattern(env), env.require("SITE_LANGUAGE"),
                env.optional("COMMENTS_CACHE_CONTROL", CommentSettings.DEFAULT_LIST_CACHE_CONTROL));
    }

    /** Collaborators given directly, for tests. */
    public CommentsFeedHandler(CommentService comments, String articleUrlPattern, String language, String cacheControl) {
        this.comments = comments;
        this.articleUrlPattern = articleUrlPattern;
        this.language = language;
        this.cacheControl = cacheControl;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String slug = Slugs.require(request.pathParameter("slug"));
        CommentService.Latest latest = comments.latest(slug, SIZE);
        return Responses.cacheable(request, render(latest.article(), latest.comments(), request.baseUrl()), Rss.CONTENT_TYPE,
                cacheControl);
    }

    String render(ArticleState article, List<Comment> newest, String apiBaseUrl) {
        String page = articleUrlPattern.replace("{slug}", article.slug());
        String headline = article.headline() == null ? article.slug() : article.headline();
        XmlDocument feed = Rss.channel("Comments on " + headline, page + "#comments", "Approved comments on " + headline,
                language, apiBaseUrl + "/articles/" + article.slug() + "/comments/feed",
                newest.isEmpty() ? null : newest.get(0).createdAt());
        for (Comment comment : newest) {
            String link = page + "#comment-" + comment.id();
            feed.start("item")
                    .element("title", "By " + comment.authorName())
                    .element("link", link)
                    .start("guid").attribute("isPermaLink", "true").text(link).end()
                    .element("pubDate", Rss.date(comment.createdAt()))
                    // Sanitized on write (the comment policy): HTML a feed reader may display, escaped here as XML text.
                    .element("description", comment.contentHtml())
                    .end();
        }
        return feed.finish();
    }

    /** Before a SnapStart snapshot: the feed of an article no one published (404: the GetItem), and a sample feed's XML. */
    @Override
    protected void prime() {
        String slug = PrimingEvents.MISSING_SLUG;
        handleRequest(PrimingEvents.get("/articles/" + slug + "/comments/feed", Map.of("slug", slug)), null);
        comments.primeList();
        Instant now = Instant.now();
        render(new ArticleState(slug, true, true, now, "A headline"), List.of(new Comment(slug, CommentIds.next(now), null,
                "A reader", null, null, null, null, null, "A <em>comment</em>.", CommentStatus.APPROVED, 1, now, null)),
                "https://api.example.com");
    }
}
