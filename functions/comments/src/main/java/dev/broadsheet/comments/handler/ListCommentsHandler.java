package dev.broadsheet.comments.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.schema.Cursor;
import dev.broadsheet.core.schema.Timestamps;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /articles/{slug}/comments}: approved comments, oldest first, each with its
 * {@code parentId} so the frontend can thread them (a removed parent of approved replies as
 * {@code {"id", "parentId", "removed": true}}); {@code limit} 1–100 (default 50) and an
 * opaque {@code cursor}. Cached for seconds, with an ETag.
 */
public class ListCommentsHandler extends HttpHandler {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final String CURSOR_KIND = "c1";

    private final CommentService comments;
    private final String cacheControl;

    public ListCommentsHandler() {
        this(Environment.fromSystem());
    }

    public ListCommentsHandler(Environment env) {
        this(new CommentService(CommentSettings.store(env), null, null, null, 0, Clock.systemUTC()),
                env.optional("COMMENTS_CACHE_CONTROL", CommentSettings.DEFAULT_LIST_CACHE_CONTROL));
    }

    public ListCommentsHandler(CommentService comments, String cacheControl) {
        this.comments = comments;
        this.cacheControl = cacheControl;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String slug = Slugs.require(request.pathParameter("slug"));
        int limit = limit(request.queryParameter("limit"));
        String after = afterId(request.queryParameter("cursor"));
        DynamoComments.Page page = comments.list(slug, limit, after);
        return Responses.cacheableJson(request, new CommentViews.CommentList(
                page.comments().stream().map(CommentViews::listed).toList(), cursor(page.lastId())), cacheControl);
    }

    /** Before a SnapStart snapshot: the comments of an article no one published (404, then the query), a list's JSON. */
    @Override
    protected void prime() {
        String slug = PrimingEvents.MISSING_SLUG;
        handleRequest(PrimingEvents.get("/articles/" + slug + "/comments", Map.of("slug", slug)), null);
        comments.primeList();
        Request sample = new Request(PrimingEvents.get("/articles/" + slug + "/comments", Map.of("slug", slug)));
        Instant now = Instant.now();
        Responses.cacheableJson(sample, new CommentViews.CommentList(List.of(new CommentViews.CommentView(
                CommentIds.next(now), null, new CommentViews.Author("A reader", "https://example.com/"),
                "<p>A comment with <a href=\"https://example.com/\" rel=\"nofollow ugc\">a link</a>.</p>", Timestamps.format(now))),
                cursor(CommentIds.next(now))), cacheControl);
    }

    /** The list's {@code cursor}: the last comment id shown (an id; no comment key is ever invented). */
    static String cursor(String lastId) {
        return Cursor.encode(CURSOR_KIND, lastId);
    }

    private static String afterId(String cursor) {
        String[] parts = Cursor.decode(cursor, CURSOR_KIND, CommentIds::isId);
        return parts == null ? null : parts[0];
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Answered below, like any other value out of range.
        }
        throw ProblemException.invalid("limit", "range", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
