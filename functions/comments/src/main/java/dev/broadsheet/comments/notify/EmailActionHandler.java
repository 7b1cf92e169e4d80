package dev.broadsheet.comments.notify;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.broadsheet.comments.dao.DynamoComments;
import dev.broadsheet.comments.handler.CommentSettings;
import dev.broadsheet.comments.handler.CreateChallengeHandler;
import dev.broadsheet.comments.html.CommentHtml;
import dev.broadsheet.comments.model.Comment;
import dev.broadsheet.comments.moderation.Moderation;
import dev.broadsheet.core.Environment;
import dev.broadsheet.core.HtmlText;
import dev.broadsheet.core.HttpHandler;
import dev.broadsheet.core.PrimingEvents;
import dev.broadsheet.core.Problem;
import dev.broadsheet.core.ProblemException;
import dev.broadsheet.core.Request;
import dev.broadsheet.core.Responses;
import dev.broadsheet.core.schema.CommentStatus;
import dev.broadsheet.core.schema.GuardSchema;
import dev.broadsheet.core.schema.Items;
import dev.broadsheet.core.schema.NotificationSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /email-actions/{token}}: the page a mail's signed link opens. {@code GET} shows
 * what the link would do and a button, and changes nothing (mail scanners and link previews open
 * links); {@code POST} (the button, or a mail client's RFC 8058 one-click unsubscribe) does it:
 * approve, spam or trash a comment — through {@link Moderation}, the editor's own code, in one
 * transaction with the link's single-use claim — confirm a subscription, or end one (as often as
 * asked: unsubscribing is idempotent). A used link does nothing and says so (409); an expired one
 * 410; a token that is not ours 400. Pages for browsers ({@code Accept: text/html}), problem
 * details for anything else.
 */
public class EmailActionHandler extends HttpHandler {

    public static final String PATH = "/email-actions/";
    private static final String TOKEN = "token";

    private final EmailLinks links;
    private final Moderation moderation;
    private final DynamoComments comments;
    private final MailRecords records;
    private final DynamoComments.Tables tables;
    private final String siteName;
    private final Clock clock;

    public EmailActionHandler() {
        this(Environment.fromSystem());
    }

    public EmailActionHandler(Environment env) {
        this(env, NotificationSettings.dynamoDb(env), Clock.systemUTC());
    }

    private EmailActionHandler(Environment env, DynamoDbClient dynamoDb, Clock clock) {
        this(NotificationSettings.links(env, clock), dynamoDb, CommentSettings.tables(env), NotificationSettings.records(dynamoDb, env),
                NotificationSettings.siteName(env), clock);
    }

    public EmailActionHandler(EmailLinks links, DynamoDbClient dynamoDb, DynamoComments.Tables tables, MailRecords records,
                              String siteName, Clock clock) {
        this.links = links;
        this.moderation = new Moderation(dynamoDb, tables, clock);
        this.comments = new DynamoComments(dynamoDb, tables);
        this.records = records;
        this.tables = tables;
        this.siteName = siteName;
        this.clock = clock;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        boolean html = CreateChallengeHandler.wantsHtml(request.header("accept"));
        try {
            EmailLinks.Link link = verify(request.pathParameter(TOKEN));
            Page page = "POST".equals(request.method()) ? perform(link) : show(link);
            return page(page.status(), page.title(), page.body(), Map.of());
        } catch (ProblemException e) {
            if (!html) {
                throw e;
            }
            return page(e.problem().status(), e.problem().title(), "<p>" + HtmlText.escape(e.problem().detail()) + "</p>", e.headers());
        }
    }

    /** What a request comes to: a status and a small page. */
    private record Page(int status, String title, String body) {
    }

    private EmailLinks.Link verify(String token) {
        try {
            return links.verify(token);
        } catch (EmailLinks.Refused refused) {
            if (refused.refusal() == EmailLinks.Refusal.EXPIRED) {
                throw new ProblemException(new Problem(Problem.TYPE_BASE + "link-expired", "This link has expired", 410,
                        "Links in our mails work for a limited time; this one has expired. Nothing was changed.",
                        List.of(new Problem.FieldError(TOKEN, "expired", "The link has expired."))));
            }
            throw ProblemException.invalid(TOKEN, "invalid", "This link is not one our mails contain (it may be cut short): nothing was changed.");
        }
    }

    private Page show(EmailLinks.Link link) {
        return switch (link.action()) {
            case APPROVE, SPAM, TRASH -> {
                Comment comment = comment(link);
                if (used(link)) {
                    yield usedPage();
                }
                String verb = verb(link.action());
                yield new Page(200, verb + " this comment?", describe(comment)
                        + "<p>It is now <strong>" + HtmlText.escape(comment.status().value()) + "</strong>.</p>"
                        + button(verb));
            }
            case CONFIRM -> {
                if (records.subscription(NotificationSchema.addressKey(link.subject())).confirmed()) {
                    yield new Page(200, "Already confirmed", "<p>You will be told of replies by mail; nothing to do.</p>");
                }
                yield new Page(200, "Confirm replies by mail?", "<p>Press Confirm to get a mail from " + HtmlText.escape(siteName)
                        + " when someone replies to your comments. Every mail has a link to stop them.</p>" + button("Confirm"));
            }
            case UNSUBSCRIBE -> new Page(200, "Stop mail?", "<p>Press Unsubscribe and " + HtmlText.escape(siteName)
                    + " sends no more mail to this address.</p>" + button("Unsubscribe"));
        };
    }

    private Page perform(EmailLinks.Link link) {
        return switch (link.action()) {
            case APPROVE, SPAM, TRASH -> decide(link);
            case CONFIRM -> records.confirm(NotificationSchema.addressKey(link.subject()), clock.instant())
                    ? new Page(200, "Confirmed", "<p>Thank you: you will get a mail when someone replies to your comments.</p>")
                    : records.subscription(NotificationSchema.addressKey(link.subject())).confirmed()
                    ? new Page(200, "Already confirmed", "<p>This was confirmed before; nothing changed.</p>")
                    : new Page(409, "This link can no longer be used",
                    "<p>The address was unsubscribed since; nothing changed. Ask again with your next comment.</p>");
            case UNSUBSCRIBE -> {
                records.unsubscribe(NotificationSchema.addressKey(link.subject()), clock.instant());
                yield new Page(200, "Unsubscribed", "<p>No more mail will be sent to this address.</p>");
            }
        };
    }

    /** Approve, spam or trash, as the editor's command does, in one transaction with the link's claim. */
    private Page decide(EmailLinks.Link link) {
        Comment comment = comment(link);
        if (used(link)) {
            return usedPage();
        }
        CommentStatus target = switch (link.action()) {
            case APPROVE -> CommentStatus.APPROVED;
            case SPAM -> CommentStatus.SPAM;
            default -> CommentStatus.TRASH;
        };
        Moderation.Result result;
        try {
            result = moderation.decide(link.subject(), target, claim(link));
        } catch (Moderation.AlreadyUsed used) {
            return usedPage();
        }
        return switch (result) {
            case CHANGED -> new Page(200, "Done: " + target.value(), describe(comment)
                    + "<p>The comment is now <strong>" + target.value() + "</strong>.</p>");
            case UNCHANGED -> new Page(200, "Nothing to change", "<p>The comment already was " + target.value() + ".</p>");
            case NOT_FOUND, ARTICLE_NOT_FOUND -> throw gone();
            case CHANGED_MEANWHILE -> new Page(409, "Moderated meanwhile",
                    "<p>Someone else decided on this comment meanwhile; theirs stands and nothing was changed.</p>");
            case CONFLICT -> throw new ProblemException(Problem.of(503, "busy", "Try again in a moment",
                    "Many changes are being made to this article right now; nothing was changed, try again in a moment."),
                    Map.of("Retry-After", "1"));
        };
    }

    /** The link's single use: its nonce's guard, kept until the link expires. */
    private TransactWriteItem claim(EmailLinks.Link link) {
        return TransactWriteItem.builder().put(put -> put.tableName(tables.guards())
                .item(Map.of(GuardSchema.PK, Items.s(GuardSchema.EMAIL_ACTION + link.nonce()),
                        GuardSchema.EXPIRES_AT, Items.n(link.expiresAt().getEpochSecond())))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", GuardSchema.PK))).build();
    }

    private boolean used(EmailLinks.Link link) {
        return comments.guardTaken(GuardSchema.EMAIL_ACTION + link.nonce(), clock.instant());
    }

    private Comment comment(EmailLinks.Link link) {
        String[] parts;
        try {
            parts = Moderation.parse(link.subject());
        } catch (IllegalArgumentException e) {
            throw gone();
        }
        Optional<Comment> comment = comments.comment(parts[0], parts[1]);
        return comment.orElseThrow(EmailActionHandler::gone);
    }

    private static ProblemException gone() {
        return new ProblemException(Problem.notFound("The comment this link is about no longer exists; nothing was changed."));
    }

    private static Page usedPage() {
        return new Page(409, "This link was already used",
                "<p>A link in a mail works once, and this one was used: nothing was changed. "
                        + "The comment's state is what the editor's <code>broadsheet comments pending</code> shows.</p>");
    }

    private static String verb(EmailLinks.Action action) {
        return switch (action) {
            case APPROVE -> "Approve";
            case SPAM -> "Mark as spam";
            default -> "Trash";
        };
    }

    /** A comment as a moderator needs to see it: where, who (a name, never an address), what, why held. All encoded. */
    private static String describe(Comment comment) {
        return "<p>On <strong>" + HtmlText.escape(comment.articleSlug()) + "</strong>, "
                + HtmlText.escape(comment.authorName()) + " wrote:</p><blockquote style=\"white-space:pre-line\">"
                + HtmlText.escape(CommentHtml.toText(comment.contentHtml())) + "</blockquote>"
                + (comment.heldBecause() == null ? "" : "<p>Held: " + HtmlText.escape(comment.heldBecause()) + "</p>");
    }

    /** A form that posts to this same URL: the one thing that acts. */
    private static String button(String label) {
        return "<form method=\"post\"><button type=\"submit\">" + HtmlText.escape(label) + "</button></form>";
    }

    private APIGatewayV2HTTPResponse page(int status, String title, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Cache-Control", Responses.NO_STORE);
        // No script, no outside resource, no framing; the form posts here only; the token never leaves in a Referer.
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + HtmlText.escape(title) + " - "
                + HtmlText.escape(siteName) + "</title></head><body><h1>" + HtmlText.escape(title) + "</h1>" + body + "</body></html>";
        return Responses.response(status, headers, html);
    }

    /** Before a SnapStart snapshot: a link that is not ours, as a page and as a problem; nothing read or written. */
    @Override
    protected void prime() {
        handleRequest(PrimingEvents.get(PATH + "x.y", Map.of(TOKEN, "x.y")), null);
    }

    @Override
    protected void restored() {
        links.renewRandom();
    }
}
