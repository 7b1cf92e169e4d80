package dev.broadsheet.comments.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.challenge.Challenges;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.JsonWritable;
import dev.broadsheet.core.JsonWriter;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;

import java.util.List;
import java.util.Map;

/** {@code POST /articles/{slug}/challenges}: a fresh password to copy and its signed token; nothing stored. */
public class CreateChallengeHandler extends HttpHandler {

    private final CommentService comments;

    public CreateChallengeHandler() {
        this(Environment.fromSystem());
    }

    public CreateChallengeHandler(Environment env) {
        this(CommentSettings.service(env));
    }

    public CreateChallengeHandler(CommentService comments) {
        this.comments = comments;
    }

    /** The body: {@code allowedTags} is what the form prints after "You may use these HTML tags". */
    record ChallengeView(String password, String token, String expiresAt, List<String> allowedTags) implements JsonWritable {

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("password", password).field("token", token).field("expiresAt", expiresAt)
                    .strings("allowedTags", allowedTags).endObject();
        }
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String slug = Slugs.require(request.pathParameter("slug"));
        Challenges.Challenge challenge = comments.challenge(slug);
        return Responses.json(201, new ChallengeView(challenge.password(), challenge.token(),
                challenge.expiresAt().toString(), CommentHtml.ALLOWED_TAGS), Map.of());
    }

    /** Before a SnapStart snapshot: a challenge for an article no one published (404), one issued anyway, its JSON. */
    @Override
    protected void prime() {
        String slug = PrimingEvents.MISSING_SLUG;
        handleRequest(PrimingEvents.post("/articles/" + slug + "/challenges", Map.of("slug", slug), null, null), null);
        Challenges.Challenge challenge = comments.primeChallenge();
        Responses.json(201, new ChallengeView(challenge.password(), challenge.token(), challenge.expiresAt().toString(),
                CommentHtml.ALLOWED_TAGS), Map.of());
    }

    /** After a SnapStart restore: fresh random generators for passwords and nonces. */
    @Override
    protected void restored() {
        comments.restored();
    }
}
