package dev.broadsheet.comments.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.broadsheet.comments.challenge.ProofOfWork;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.model.CommentIds;
import dev.broadsheet.comments.service.CommentService;
import dev.broadsheet.comments.service.Submission;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.Metrics;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.Slugs;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.Timestamps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /articles/{slug}/comments}: JSON (answered with JSON) or a plain HTML form
 * ({@code application/x-www-form-urlencoded}, answered with {@code 303 See Other} back to the
 * article: {@code #comment-<id>} when published, {@code ?comment=pending#respond} when held, and
 * {@code ?comment-error=<problem type>#respond} when refused).
 */
public class SubmitCommentHandler extends HttpHandler {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** What a JSON body's {@code notify} holds when the reader asks (a boolean; the form's checkbox sends {@code on}). */
    private static final String JSON_TRUE = "\u0000true";
    private static final String JSON_FALSE = "\u0000false";

    private final CommentService comments;
    private final String articleUrlPattern;
    /** Whether mail is on (NOTIFICATION_SENDER set): when off, a reader's ask to be notified is not recorded. */
    private final boolean mailOn;

    public SubmitCommentHandler() {
        this(Environment.fromSystem());
    }

    public SubmitCommentHandler(Environment env) {
        this(CommentSettings.service(env), CommentSettings.articleUrlPattern(env), env.optional("NOTIFICATION_SENDER") != null);
    }

    public SubmitCommentHandler(CommentService comments, String articleUrlPattern) {
        this(comments, articleUrlPattern, false);
    }

    public SubmitCommentHandler(CommentService comments, String articleUrlPattern, boolean mailOn) {
        this.comments = comments;
        this.articleUrlPattern = articleUrlPattern;
        this.mailOn = mailOn;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String mediaType = Request.mediaType(request.header("content-type"));
        boolean form = FORM.equals(mediaType);
        String slug = request.pathParameter("slug");
        try {
            Slugs.require(slug);
            Map<String, String> fields = fields(request, mediaType);
            Submission submission = new Submission(fields.get("author"), fields.get("email"), fields.get("url"),
                    fields.get("content"), fields.get("parentId"), fields.get("challengeToken"),
                    fields.get("challengePassword"), fields.get(ProofOfWork.FIELD), fields.get(Submission.HONEYPOT_FIELD),
                    clientAddress(request), notify(fields.get(Submission.NOTIFY_FIELD), form) && mailOn);
            CommentService.Outcome outcome = comments.submit(slug, submission);
            countAccepted(outcome);
            Comment comment = outcome.comment();
            if (form) {
                String fragment = comment.status() == CommentStatus.APPROVED ? "#comment-" + comment.id() : "?comment=pending#respond";
                return redirect(slug, fragment);
            }
            return Responses.json(201, CommentViews.submitted(comment), Map.of());
        } catch (ProblemException e) {
            countRefused(e.problem());
            if (form && slug != null && Slugs.isSlug(slug)) {
                String type = e.problem().type().substring(Problem.TYPE_BASE.length());
                return redirect(slug, "?comment-error=" + URLEncoder.encode(type, StandardCharsets.UTF_8) + "#respond");
            }
            throw e;
        }
    }

    /**
     * Before a SnapStart snapshot, writing nothing: a JSON and a form submission to an article no
     * one published (body parsing, then 404 and its redirect), every rule of a typical submission
     * (validation, challenge, hashes, moderation, sanitizer), and the answer's JSON.
     */
    @Override
    protected void prime() {
        String slug = PrimingEvents.MISSING_SLUG;
        String path = "/articles/" + slug + "/comments";
        handleRequest(PrimingEvents.post(path, Map.of("slug", slug), JSON,
                "{\"author\":\"A reader\",\"email\":\"reader@example.com\",\"content\":\"A comment.\"}"), null);
        handleRequest(PrimingEvents.post(path, Map.of("slug", slug), FORM,
                "author=A+reader&email=reader%40example.com&content=A+comment."), null);
        String html = comments.primeSubmission("A reader", "reader@example.com", "https://example.com/",
                "Thanks for <b>this</b> article. <a href=\"https://example.com/more\" title=\"more\">More</a> "
                        + "<blockquote cite=\"https://example.com/\">a quote</blockquote><script>alert(1)</script>");
        Responses.json(201, new CommentViews.SubmittedView(CommentIds.next(Instant.now()), null,
                new CommentViews.Author("A reader", "https://example.com/"), html, Timestamps.format(Instant.now()),
                CommentStatus.PENDING.value()), Map.of());
    }

    /**
     * "Notify me of replies by email": {@code true} (a JSON boolean) or, from a form's checkbox,
     * {@code on}; absent, {@code false} (JSON) or empty (a form) for no. Anything else is a 400
     * naming the field.
     */
    static boolean notify(String value, boolean form) {
        if (value == null || value.equals(JSON_FALSE) || (form && value.isEmpty())) {
            return false;
        }
        if (form ? value.equals("on") : value.equals(JSON_TRUE)) {
            return true;
        }
        throw ProblemException.invalid(Submission.NOTIFY_FIELD, form ? "invalid" : "type", form
                ? "The field notify is on (the checkbox ticked) or left out."
                : "The field notify must be true or false.");
    }

    /** The business metrics of a submission that got through (README, "Operations"). */
    private static void countAccepted(CommentService.Outcome outcome) {
        if (outcome.dropped()) {
            Metrics.count(Metrics.COMMENTS_REFUSED, 1, "honeypot");
            return;
        }
        Metrics.count(switch (outcome.comment().status()) {
            case APPROVED -> Metrics.COMMENTS_ACCEPTED;
            case SPAM -> Metrics.COMMENTS_SPAM;
            default -> Metrics.COMMENTS_HELD;
        });
    }

    /** A refusal, by its problem type; a failed challenge (wrong, expired, used password) also on its own. */
    private static void countRefused(Problem problem) {
        String reason = problem.type().substring(Problem.TYPE_BASE.length());
        Metrics.count(Metrics.COMMENTS_REFUSED, 1, reason);
        if (reason.startsWith("challenge-")) {
            Metrics.count(Metrics.CHALLENGE_FAILURES);
        }
    }

    /** After a SnapStart restore: fresh random generators for comment ids. */
    @Override
    protected void restored() {
        comments.restored();
    }

    private APIGatewayV2HTTPResponse redirect(String slug, String outcome) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", articleUrlPattern.replace("{slug}", slug) + outcome);
        headers.put("Cache-Control", Responses.NO_STORE);
        return Responses.response(303, headers, null);
    }

    private static Map<String, String> fields(Request request, String mediaType) {
        if (!FORM.equals(mediaType) && !JSON.equals(mediaType)) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the comment as application/json or application/x-www-form-urlencoded."));
        }
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(413, "body-too-large", "The comment is too large",
                    "A comment submission may have at most " + MAX_BODY_BYTES + " bytes."));
        }
        String text = utf8(body);
        return FORM.equals(mediaType) ? formFields(text) : jsonFields(text);
    }

    /**
     * The fields of a JSON object body: strings kept, nulls left out, anything else a type error.
     * Read with jackson-core's streaming parser: the tree model of databind would load a few hundred
     * classes on a cold start for a flat object of strings (infrastructure/bench measures it).
     */
    private static Map<String, String> jsonFields(String text) {
        Map<String, String> fields = new HashMap<>();
        String notAString = null;
        try (JsonParser parser = JSON_FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("The body must be a JSON object.");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else if (Submission.NOTIFY_FIELD.equals(name) && (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)) {
                    // The one boolean field: marked so that the string "true" is not taken for it.
                    fields.put(name, value == JsonToken.VALUE_TRUE ? JSON_TRUE : JSON_FALSE);
                } else if (value == JsonToken.VALUE_NULL) {
                    fields.remove(name);
                } else {
                    // Reported once the whole body has parsed: a malformed body is answered as such first.
                    notAString = notAString == null ? name : notAString;
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw malformed("The body is not valid JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (notAString != null) {
            throw ProblemException.invalid(notAString, "type", "The field " + notAString + " must be a string.");
        }
        return fields;
    }

    private static Map<String, String> formFields(String text) {
        Map<String, String> fields = new HashMap<>();
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw malformed("The form body is not valid percent-encoding.");
            }
        }
        return fields;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The body is not valid UTF-8.");
        }
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "malformed-body", "The body cannot be read", detail));
    }
}
