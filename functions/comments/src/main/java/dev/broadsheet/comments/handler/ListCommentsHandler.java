package dev.broadsheet.comments.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;

import java.time.Clock;

/**
 * {@code GET /articles/{slug}/comments}: approved comments, oldest first, each with its
 * {@code parentId} so the frontend can thread them; {@code limit} 1–100 (default 50) and an
 * opaque {@code cursor}. Cached for seconds, with an ETag.
 */
public class ListCommentsHandler extends HttpHandler {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

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
        String after = CommentCursor.decode(request.queryParameter("cursor"));
        DynamoComments.Page page = comments.list(slug, limit, after);
        return Responses.cacheableJson(request, new CommentViews.CommentList(
                page.comments().stream().map(CommentViews::view).toList(), CommentCursor.encode(page.lastId())), cacheControl);
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
