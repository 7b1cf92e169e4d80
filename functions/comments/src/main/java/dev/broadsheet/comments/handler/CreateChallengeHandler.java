package dev.broadsheet.comments.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.Metrics;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /articles/{slug}/challenges}: a fresh password to copy and its signed token; nothing
 * stored. JSON for scripts; for a browser's plain form post ({@code Accept: text/html}) the
 * comment form as a page, so readers without JavaScript can comment too.
 */
public class CreateChallengeHandler extends HttpHandler {

    private final CommentService comments;
    private final String articleUrlPattern;

    public CreateChallengeHandler() {
        this(Environment.fromSystem());
    }

    public CreateChallengeHandler(Environment env) {
        this(CommentSettings.service(env), CommentSettings.articleUrlPattern(env));
    }

    public CreateChallengeHandler(CommentService comments, String articleUrlPattern) {
        this.comments = comments;
        this.articleUrlPattern = articleUrlPattern;
    }

    /**
     * The body: {@code allowedTags} is what the form prints after "You may use these HTML tags";
     * {@code altcha}, only when the proof of work is on, is the widget's challenge.
     */
    record ChallengeView(String password, String token, String expiresAt, List<String> allowedTags, ProofOfWork.Challenge altcha)
            implements JsonWritable {

        static ChallengeView of(CommentService.Issued issued) {
            Challenges.Challenge challenge = issued.password();
            return new ChallengeView(challenge.password(), challenge.token(), challenge.expiresAt().toString(),
                    CommentHtml.ALLOWED_TAGS, issued.proofOfWork());
        }

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("password", password).field("token", token).field("expiresAt", expiresAt)
                    .strings("allowedTags", allowedTags);
            if (altcha != null) {
                out.field(ProofOfWork.FIELD, altcha);
            }
            out.endObject();
        }
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String slug = Slugs.require(request.pathParameter("slug"));
        String parentId = request.queryParameter("parentId");
        if (parentId != null && !CommentIds.isId(parentId)) {
            throw ProblemException.invalid("parentId", "format", "parentId must be the id of a comment.");
        }
        CommentService.Issued issued = comments.challenge(slug, clientAddress(request));
        Metrics.count(Metrics.CHALLENGES_ISSUED);
        if (wantsHtml(request.header("accept"))) {
            String articleUrl = articleUrlPattern.replace("{slug}", slug);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "text/html; charset=utf-8");
            headers.put("Cache-Control", Responses.NO_STORE);
            headers.put("Content-Security-Policy", ChallengeForm.contentSecurityPolicy(articleUrl));
            headers.put("X-Content-Type-Options", "nosniff");
            return Responses.response(200, headers, ChallengeForm.render(slug, articleUrl, issued, parentId));
        }
        return Responses.json(201, ChallengeView.of(issued), Map.of());
    }

    /**
     * Before a SnapStart snapshot: a challenge for an article no one published (404), one issued
     * anyway, and both of its answers — the JSON and the form page — rendered; nothing stored.
     */
    @Override
    protected void prime() {
        String slug = PrimingEvents.MISSING_SLUG;
        handleRequest(PrimingEvents.post("/articles/" + slug + "/challenges", Map.of("slug", slug), null, null), null);
        CommentService.Issued issued = comments.primeChallenge();
        Responses.json(201, ChallengeView.of(issued), Map.of());
        String articleUrl = articleUrlPattern.replace("{slug}", slug);
        ChallengeForm.contentSecurityPolicy(articleUrl);
        ChallengeForm.render(slug, articleUrl, issued, null);
    }

    /** After a SnapStart restore: fresh random generators for passwords and nonces. */
    @Override
    protected void restored() {
        comments.restored();
    }

    /** A browser navigating (a form post) asks for HTML first; fetch() and curl ask for anything or JSON. */
    public static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String type = Request.mediaType(range);
            if (type.equals("text/html")) {
                return true;
            }
            if (type.equals("application/json")) {
                return false;
            }
        }
        return false;
    }
}
